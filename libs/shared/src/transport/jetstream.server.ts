import { type CustomTransportStrategy, Server } from '@nestjs/microservices';
import { AckPolicy, type Consumer, DeliverPolicy, type JetStreamClient, type JsMsg, nanos, type NatsConnection, type Subscription } from 'nats';
import { lastValueFrom } from 'rxjs';
import type { z } from 'zod';
import { eventSubjectFor, streams } from '../contracts/subjects.registry';
import { deadLetterOf } from './dead-letter.factory';
import { JetStreamContext, RequestContext } from './jetstream.context';
import { ensureStreams, type JetStreamTopology, SINGLE_NODE_TOPOLOGY, untilConsumerReplicated } from './jetstream-topology';
import { JetStreamPublisher } from './jetstream.publisher';
import { CORRELATION_ID_HEADER } from './message-headers';
import { describeError, isPermanent } from './message-errors';
import { retryDelayMs } from './retry-delay';
import { TransportMetrics } from './transport.metrics';

export interface JetStreamServerOptions {
  /** The stage name: names the durable consumers (shared by replicas) and the dead-letter subject dlq.<stage>. */
  stage: string;
  /** Messages one replica works on at once (JetStream messages and requests together). */
  maxInFlight: number;
  /** Deliveries before a message that keeps failing is dead-lettered. */
  maxDeliver: number;
  ackWaitMs: number;
  /** How long close() waits for in-flight work before returning the rest to JetStream. */
  shutdownGraceMs: number;
  /**
   * Whether the service's dependencies (broker, store) answer. A handler failure while they don't is not the
   * message's fault: the message is kept (and kept alive) and handled again once they answer, without counting
   * towards maxDeliver, so an outage of any length never dead-letters good messages.
   */
  dependenciesHealthy?: () => Promise<boolean>;
  /** While the checks say down, the held message's work is still tried again this often. Default 30 s. */
  outageRetryMs?: number;
  /** Replicas of the streams (re-created when the broker lost them) and of the durable consumers. Default: one node's. */
  topology?: JetStreamTopology;
}

/** A pull request's lifetime: short, so reserved slots come back quickly and close() is prompt. */
const PULL_EXPIRES_MS = 1_000;
/**
 * A message that arrives after close() began goes back with this delay: returned at once, JetStream handed it
 * straight back to the still-open pull, a dozen times in a few ms, until its delivery count passed MAX_DELIVER
 * and the next replica dead-lettered it as a crash loop (seen in the SIGTERM fault test).
 */
const RETURN_WHILE_CLOSING_DELAY_MS = 1_000;
/** Requests waiting for a slot beyond this many per slot are refused at once ("busy"), so memory stays bounded. */
const QUEUED_REQUESTS_PER_SLOT = 64;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

/**
 * NestJS transport on the official NATS client.
 * - @EventPattern(subject): a durable JetStream pull consumer per subject, shared by every replica of the stage.
 *   Messages are pulled only when a slot is free (never more than maxInFlight per replica), so the backlog waits
 *   in JetStream and nothing ages unacknowledged in a client buffer. The payload is validated with the subject's
 *   registry schema, then handed to the handler. Ack comes only after the handler resolved (its work published
 *   downstream or written). Errors: a PermanentMessageError, a payload that fails validation, or too many
 *   deliveries go to dlq.<stage> with the reason and the original bytes, and the message is terminated; a failure
 *   while a dependency is down waits for it in place; anything else is nak'ed with an exponential delay.
 * - @MessagePattern(subject): a core NATS queue subscription for request/reply; the handler gets the raw bytes
 *   and its return value is the reply. Requests share the in-flight slots.
 */
export class JetStreamServer extends Server implements CustomTransportStrategy {
  /** Work under way: JetStream messages (null for requests), so close() can wait for it or return it. */
  private readonly inFlight = new Map<Promise<void>, JsMsg | null>();
  /** Messages returned to JetStream by close() while their handler still ran: they must not be acked after. */
  private readonly abandoned = new WeakSet<JsMsg>();
  private readonly subscriptions: Subscription[] = [];
  private readonly pullLoops: Promise<void>[] = [];
  private readonly publisher: JetStreamPublisher;
  private readonly js: JetStreamClient;
  private closing = false;
  /** Slots promised to pull requests still open. */
  private reserved = 0;
  private queuedRequests = 0;
  private slotWaiters: Array<() => void> = [];
  private consumerCount = 0;

  constructor(
    private readonly connection: NatsConnection,
    private readonly options: JetStreamServerOptions,
    readonly metrics: TransportMetrics = new TransportMetrics(),
  ) {
    super();
    this.publisher = new JetStreamPublisher(connection);
    this.js = connection.jetstream();
  }

  async listen(callback: (error?: unknown) => void): Promise<void> {
    try {
      const events = [...this.messageHandlers].filter(([, handler]) => handler.isEventHandler);
      this.consumerCount = events.length;
      for (const [pattern, handler] of this.messageHandlers) {
        if (handler.isEventHandler) await this.startConsumer(pattern);
        else this.startResponder(pattern);
      }
      callback();
    } catch (error) {
      callback(error);
    }
  }

  /** Stops taking work, waits for in-flight messages (bounded by the grace period), returns the rest. */
  async close(): Promise<void> {
    this.closing = true;
    this.logger.log(`Closing: taking no more work; ${this.inFlight.size} item(s) in flight`);
    // drain: requests already delivered to us are still answered; no new ones come.
    await Promise.all(this.subscriptions.map((subscription) => subscription.drain().catch(() => undefined)));
    this.wakeAll();
    // Open pull requests end within PULL_EXPIRES_MS; anything they still bring is nak'ed.
    await Promise.race([Promise.all(this.pullLoops), sleep(PULL_EXPIRES_MS * 3)]);
    const drained = Promise.all([...this.inFlight.keys()]).then(() => true);
    const timedOut = sleep(this.options.shutdownGraceMs).then(() => false);
    if (!(await Promise.race([drained, timedOut]))) {
      const returned = [...this.inFlight.values()].filter((message): message is JsMsg => message !== null);
      for (const message of returned) {
        this.abandoned.add(message);
        message.nak();
      }
      this.logger.warn(`Shutdown grace of ${this.options.shutdownGraceMs} ms passed with ${this.inFlight.size} item(s) in flight; ${returned.length} message(s) returned to JetStream unacknowledged.`);
    } else {
      this.logger.log('Closed: all in-flight work finished');
    }
    this.wakeAll();
  }

  on(): never {
    throw new Error('JetStreamServer has no events to listen to; use the NATS connection status instead.');
  }

  unwrap<T>(): T {
    return this.connection as T;
  }

  private durableName(subject: string): string {
    return `${this.options.stage}-${subject.replace(/[.*>]/g, '-')}`;
  }

  /** Creates the durable consumer, or updates the settings a replica may have changed. */
  private async ensureConsumer(streamName: string, durable: string, subject: string): Promise<void> {
    const jsm = await this.connection.jetstreamManager();
    const ackWait = nanos(this.options.ackWaitMs);
    // Unlimited at the server: we count deliveries ourselves so that a message that keeps crashing
    // the process is dead-lettered, never dropped silently by JetStream.
    const maxAckPending = Math.max(1000, this.options.maxInFlight * 4);
    // 0 inherits the stream's replica count (what a consumer had before clustering).
    const topology = this.options.topology ?? SINGLE_NODE_TOPOLOGY;
    const replicas = topology.consumerReplicas;
    const existing = await jsm.consumers.info(streamName, durable).catch(() => null);
    if (existing) {
      await jsm.consumers.update(streamName, durable, { ack_wait: ackWait, max_deliver: -1, max_ack_pending: maxAckPending, num_replicas: replicas });
      if ((existing.config.num_replicas ?? 0) !== replicas) {
        this.logger.warn(`Consumer ${durable} had ${existing.config.num_replicas ?? 0} replica(s) (0: the stream's); now ${replicas} (CONSUMER_REPLICAS)`);
        // Until its new peers have its state, losing its one old server would lose the consumer.
        await untilConsumerReplicated(jsm, streamName, durable, replicas || topology.streamReplicas);
      }
      return;
    }
    const config = {
      durable_name: durable,
      filter_subject: subject,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      ack_wait: ackWait,
      max_deliver: -1,
      max_ack_pending: maxAckPending,
      num_replicas: replicas,
    };
    await jsm.consumers.add(streamName, config).catch(async (error) => {
      // A replica starting at the same moment may have created it first.
      if (!(await jsm.consumers.info(streamName, durable).catch(() => null))) throw error;
    });
  }

  private async startConsumer(subject: string): Promise<void> {
    const entry = eventSubjectFor(subject);
    const streamName = streams[entry.stream].name;
    const durable = this.durableName(subject);
    await this.ensureConsumer(streamName, durable, subject);
    const consumer = await this.js.consumers.get(streamName, durable);
    this.logger.log(`Consuming ${subject} as ${durable} (stream ${streamName}, up to ${this.options.maxInFlight} in flight)`);
    this.pullLoops.push(this.pullLoop(consumer, { subject, streamName, durable, schema: entry.schema }));
  }

  /**
   * Pulls only as many messages as there are free slots, and hands each to process() as it arrives. A failed
   * pull (broker restarting, consumer or stream lost) is retried with backoff, re-creating what is missing.
   */
  private async pullLoop(initial: Consumer, target: { subject: string; streamName: string; durable: string; schema: z.ZodType }): Promise<void> {
    let consumer: Consumer | null = initial;
    let failures = 0;
    while (!this.closing) {
      const slots = await this.reserveSlots();
      if (slots === 0) break; // closing
      let received = 0;
      try {
        if (!consumer) {
          await ensureStreams(await this.connection.jetstreamManager(), this.options.topology);
          await this.ensureConsumer(target.streamName, target.durable, target.subject);
          consumer = await this.js.consumers.get(target.streamName, target.durable);
        }
        const batch = await consumer.fetch({ max_messages: slots, expires: PULL_EXPIRES_MS });
        for await (const message of batch) {
          received++;
          this.reserved--;
          if (this.closing) {
            message.nak(RETURN_WHILE_CLOSING_DELAY_MS);
            batch.stop(); // ask for nothing more; what is already on its way is returned the same way
            this.wakeWaiters();
            continue;
          }
          this.track(this.process(message, target.schema), message);
        }
        failures = 0;
      } catch (error) {
        failures++;
        if (failures === 1 || failures % 30 === 0) this.logger.warn(`Pulling ${target.subject} as ${target.durable} failed (${failures}x), retrying: ${describeError(error)}`);
        if (failures >= 3) consumer = null; // look the consumer up again (re-create it if the broker lost it)
        await sleep(Math.min(5_000, 250 * 2 ** Math.min(failures, 5)));
      } finally {
        this.reserved -= slots - received;
        this.wakeWaiters();
      }
    }
  }

  private freeSlots(): number {
    return this.options.maxInFlight - this.inFlight.size - this.reserved;
  }

  /** Waits for at least one free slot and reserves a fair share of the free ones; 0 once closing. */
  private async reserveSlots(): Promise<number> {
    while (!this.closing && this.freeSlots() < 1) await new Promise<void>((resolve) => this.slotWaiters.push(resolve));
    if (this.closing) return 0;
    const share = Math.max(1, Math.ceil(this.options.maxInFlight / Math.max(1, this.consumerCount)));
    const slots = Math.min(this.freeSlots(), share);
    this.reserved += slots;
    return slots;
  }

  private track(work: Promise<void>, message: JsMsg | null): void {
    const tracked = work.finally(() => {
      this.inFlight.delete(tracked);
      this.metrics.recordInFlight(this.inFlight.size);
      this.wakeWaiters();
    });
    this.inFlight.set(tracked, message);
    this.metrics.recordInFlight(this.inFlight.size);
  }

  /** Wakes as many waiters as there are free slots (each checks again when it runs). */
  private wakeWaiters(): void {
    for (let free = Math.max(1, this.freeSlots()); free > 0 && this.slotWaiters.length > 0; free--) this.slotWaiters.shift()?.();
  }

  private wakeAll(): void {
    const waiters = this.slotWaiters;
    this.slotWaiters = [];
    waiters.forEach((wake) => wake());
  }

  private async process(message: JsMsg, schema: z.ZodType): Promise<void> {
    const started = process.hrtime.bigint();
    const subject = message.subject;
    const deliveries = message.info.deliveryCount;
    if (deliveries > this.options.maxDeliver) {
      // Earlier deliveries timed out or took the process down: stop the loop here.
      return this.deadLetter(message, `delivered ${deliveries - 1} times without being acknowledged (crash or ack timeout)`);
    }
    let payload: unknown;
    try {
      payload = schema.parse(JSON.parse(Buffer.from(message.data).toString('utf8')));
    } catch (error) {
      return this.deadLetter(message, `invalid payload for ${subject}: ${summarizeParseError(error)}`);
    }
    const handler = this.getHandlerByPattern(subject);
    if (!handler) return this.deadLetter(message, `no handler for ${subject}`);
    // Long work (and waiting out an outage) must not be redelivered to another replica while it is ours.
    const keepAlive = setInterval(() => message.working(), Math.max(500, this.options.ackWaitMs / 3));
    try {
      for (;;) {
        try {
          const context = new JetStreamContext([message, message.headers?.get(CORRELATION_ID_HEADER) ?? '']);
          await lastValueFrom(this.transformToObservable(await handler(payload, context)), { defaultValue: undefined });
          if (this.abandoned.has(message)) return; // returned to JetStream by close(): not ours to ack any more
          message.ack();
          this.metrics.recordProcessed(subject, Number(process.hrtime.bigint() - started) / 1e9);
          return;
        } catch (error) {
          this.metrics.recordFailed(subject);
          if (this.abandoned.has(message)) return;
          if (isPermanent(error)) return await this.deadLetter(message, describeError(error));
          if (await this.waitOutOutage(message, error)) continue;
          if (this.abandoned.has(message)) return;
          if (deliveries >= this.options.maxDeliver) return await this.deadLetter(message, `failed ${deliveries} times; last error: ${describeError(error)}`);
          const delay = retryDelayMs(deliveries);
          this.logger.warn(`${subject} #${message.seq} failed (delivery ${deliveries}), retrying in ${delay} ms: ${describeError(error)}`);
          message.nak(delay);
          return;
        }
      }
    } finally {
      clearInterval(keepAlive);
    }
  }

  /**
   * After a failure: if a dependency is down, keeps the message and waits (backing off) until they all answer,
   * then returns true (handle it again). Returns false when they are up (the failure is the message's own) or
   * when the server closes meanwhile (the message is then returned to JetStream). The work itself is tried
   * again every outageRetryMs whatever the checks say: a check that wrongly stays down (a driver's cached
   * connection state) must not hold the message forever, and the work fails fast while the outage lasts.
   */
  private async waitOutOutage(message: JsMsg, error: unknown): Promise<boolean> {
    const healthy = this.options.dependenciesHealthy;
    if (!healthy || (await healthy().catch(() => false))) return false;
    this.logger.warn(`${message.subject} #${message.seq} failed while a dependency is down; holding it until it is back: ${describeError(error)}`);
    const retryAt = Date.now() + (this.options.outageRetryMs ?? 30_000);
    for (let wait = 500; ; wait = Math.min(wait * 2, 5_000)) {
      if (this.closing) {
        this.abandoned.add(message);
        message.nak();
        return false;
      }
      await sleep(wait);
      if (Date.now() >= retryAt || (await healthy().catch(() => false))) return !this.closing;
    }
  }

  /** Keeps the message on dlq.<stage> first, and only then terminates it: nothing is lost in between. */
  private async deadLetter(message: JsMsg, reason: string): Promise<void> {
    try {
      const letter = deadLetterOf(this.options.stage, message, reason);
      await this.publisher.publishRaw(`dlq.${this.options.stage}`, Buffer.from(JSON.stringify(letter)), {
        msgId: `dlq:${this.options.stage}:${message.info.stream}:${message.seq}`,
      });
      message.term(reason.slice(0, 200));
      this.metrics.recordDeadLettered(message.subject);
      this.logger.warn(`${message.subject} #${message.seq} dead-lettered to dlq.${this.options.stage}: ${reason}`);
    } catch (error) {
      this.logger.error(`Could not dead-letter ${message.subject} #${message.seq}; returning it to JetStream: ${describeError(error)}`);
      message.nak(retryDelayMs(message.info.deliveryCount));
    }
  }

  private startResponder(subject: string): void {
    const handler = this.getHandlerByPattern(subject);
    if (!handler) return;
    const busyLimit = this.options.maxInFlight * QUEUED_REQUESTS_PER_SLOT;
    const subscription = this.connection.subscribe(subject, {
      queue: this.options.stage,
      callback: (error, message) => {
        if (error) return this.logger.error(`Subscription ${subject} failed: ${describeError(error)}`);
        if (this.queuedRequests >= busyLimit) {
          message.respond(Buffer.from(JSON.stringify({ ok: false, error: 'busy: too many requests waiting; nothing was accepted, send it again later', issues: [] })));
          return;
        }
        this.queuedRequests++;
        void (async () => {
          // Requests share the in-flight slots with JetStream work: memory stays bounded under a flood.
          while (this.freeSlots() < 1 && !this.closing) await new Promise<void>((resolve) => this.slotWaiters.push(resolve));
          this.queuedRequests--;
          const work = (async () => {
            try {
              const context = new RequestContext([message]);
              const reply = await lastValueFrom(this.transformToObservable(await handler(message.data, context)));
              message.respond(Buffer.from(JSON.stringify(reply)));
            } catch (failure) {
              this.logger.error(`Request on ${subject} failed: ${describeError(failure)}`);
              message.respond(Buffer.from(JSON.stringify({ ok: false, error: 'internal error; the page was not accepted, send it again', issues: [] })));
            }
          })();
          this.track(work, null);
        })();
      },
    });
    this.subscriptions.push(subscription);
    this.logger.log(`Answering requests on ${subject} (queue group ${this.options.stage})`);
  }
}

function summarizeParseError(error: unknown): string {
  if (error && typeof error === 'object' && 'issues' in error && Array.isArray(error.issues)) {
    return error.issues
      .slice(0, 5)
      .map((issue: { path: PropertyKey[]; message: string }) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`)
      .join('; ');
  }
  return describeError(error);
}
