import { type CustomTransportStrategy, Server } from '@nestjs/microservices';
import { AckPolicy, DeliverPolicy, nanos, type ConsumerMessages, type JsMsg, type NatsConnection, type Subscription } from 'nats';
import { lastValueFrom } from 'rxjs';
import type { z } from 'zod';
import { eventSubjectFor, streams } from '../contracts/subjects.registry';
import { deadLetterOf } from './dead-letter.factory';
import { JetStreamContext, RequestContext } from './jetstream.context';
import { JetStreamPublisher } from './jetstream.publisher';
import { CORRELATION_ID_HEADER } from './message-headers';
import { describeError, isPermanent } from './message-errors';
import { retryDelayMs } from './retry-delay';
import { TransportMetrics } from './transport.metrics';

export interface JetStreamServerOptions {
  /** The stage name: names the durable consumers (shared by replicas) and the dead-letter subject dlq.<stage>. */
  stage: string;
  /** Messages one replica works on at once. */
  maxInFlight: number;
  /** Deliveries before a message that keeps failing is dead-lettered. */
  maxDeliver: number;
  ackWaitMs: number;
  /** How long close() waits for in-flight work before returning the rest to JetStream. */
  shutdownGraceMs: number;
}

/**
 * NestJS transport on the official NATS client.
 * - @EventPattern(subject): a durable JetStream pull consumer per subject, shared by every replica of the stage.
 *   The payload is validated with the subject's registry schema, then handed to the handler. Ack comes only after
 *   the handler resolved (its work published downstream or written). Errors: a PermanentMessageError, a payload
 *   that fails validation, or too many deliveries go to dlq.<stage> with the reason and the original bytes, and
 *   the message is terminated; anything else is nak'ed with an exponential delay.
 * - @MessagePattern(subject): a core NATS queue subscription for request/reply; the handler gets the raw bytes
 *   and its return value is the reply.
 */
export class JetStreamServer extends Server implements CustomTransportStrategy {
  private readonly consumers: ConsumerMessages[] = [];
  private readonly subscriptions: Subscription[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  private readonly publisher: JetStreamPublisher;
  private closing = false;
  private slotWaiters: Array<() => void> = [];

  constructor(
    private readonly connection: NatsConnection,
    private readonly options: JetStreamServerOptions,
    readonly metrics: TransportMetrics = new TransportMetrics(),
  ) {
    super();
    this.publisher = new JetStreamPublisher(connection);
  }

  async listen(callback: (error?: unknown) => void): Promise<void> {
    try {
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
    for (const subscription of this.subscriptions) subscription.unsubscribe();
    await Promise.all(this.consumers.map((messages) => messages.close().catch(() => undefined)));
    const drained = Promise.all([...this.inFlight]).then(() => true);
    const timedOut = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), this.options.shutdownGraceMs).unref());
    if (!(await Promise.race([drained, timedOut]))) {
      this.logger.warn(`Shutdown grace of ${this.options.shutdownGraceMs} ms passed with ${this.inFlight.size} message(s) in flight; JetStream will redeliver them.`);
    }
    this.slotWaiters.forEach((wake) => wake());
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

  private async startConsumer(subject: string): Promise<void> {
    const entry = eventSubjectFor(subject);
    const streamName = streams[entry.stream].name;
    const durable = this.durableName(subject);
    const jsm = await this.connection.jetstreamManager();
    const config = {
      durable_name: durable,
      filter_subject: subject,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      ack_wait: nanos(this.options.ackWaitMs),
      // Unlimited at the server: we count deliveries ourselves so that a message that keeps crashing
      // the process is dead-lettered, never dropped silently by JetStream.
      max_deliver: -1,
      max_ack_pending: Math.max(1000, this.options.maxInFlight * 4),
    };
    const existing = await jsm.consumers.info(streamName, durable).catch(() => null);
    if (existing) await jsm.consumers.update(streamName, durable, { ack_wait: config.ack_wait, max_deliver: config.max_deliver, max_ack_pending: config.max_ack_pending });
    else await jsm.consumers.add(streamName, config).catch(async (error) => {
      // A replica starting at the same moment may have created it first.
      if (!(await jsm.consumers.info(streamName, durable).catch(() => null))) throw error;
    });
    const consumer = await this.connection.jetstream().consumers.get(streamName, durable);
    const messages = await consumer.consume({ max_messages: this.options.maxInFlight });
    this.consumers.push(messages);
    this.logger.log(`Consuming ${subject} as ${durable} (stream ${streamName}, up to ${this.options.maxInFlight} in flight)`);
    void this.pump(messages, entry.schema);
  }

  private async pump(messages: ConsumerMessages, schema: z.ZodType): Promise<void> {
    for await (const message of messages) {
      if (this.closing) {
        message.nak();
        continue;
      }
      await this.waitForSlot();
      if (this.closing) {
        message.nak();
        continue;
      }
      const work = this.process(message, schema).finally(() => {
        this.inFlight.delete(work);
        this.slotWaiters.shift()?.();
      });
      this.inFlight.add(work);
    }
  }

  private async waitForSlot(): Promise<void> {
    while (this.inFlight.size >= this.options.maxInFlight && !this.closing) {
      await new Promise<void>((resolve) => this.slotWaiters.push(resolve));
    }
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
    // Long work must not be redelivered to another replica while it is still running here.
    const keepAlive = setInterval(() => message.working(), Math.max(500, this.options.ackWaitMs / 2));
    try {
      const context = new JetStreamContext([message, message.headers?.get(CORRELATION_ID_HEADER) ?? '']);
      await lastValueFrom(this.transformToObservable(await handler(payload, context)), { defaultValue: undefined });
      clearInterval(keepAlive);
      message.ack();
      this.metrics.recordProcessed(subject, Number(process.hrtime.bigint() - started) / 1e9);
    } catch (error) {
      clearInterval(keepAlive);
      this.metrics.recordFailed(subject);
      if (isPermanent(error)) return this.deadLetter(message, describeError(error));
      if (deliveries >= this.options.maxDeliver) return this.deadLetter(message, `failed ${deliveries} times; last error: ${describeError(error)}`);
      const delay = retryDelayMs(deliveries);
      this.logger.warn(`${subject} #${message.seq} failed (delivery ${deliveries}), retrying in ${delay} ms: ${describeError(error)}`);
      message.nak(delay);
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
    const subscription = this.connection.subscribe(subject, {
      queue: this.options.stage,
      callback: (error, message) => {
        if (error) return this.logger.error(`Subscription ${subject} failed: ${describeError(error)}`);
        void (async () => {
          try {
            const context = new RequestContext([message]);
            const reply = await lastValueFrom(this.transformToObservable(await handler(message.data, context)));
            message.respond(Buffer.from(JSON.stringify(reply)));
          } catch (failure) {
            this.logger.error(`Request on ${subject} failed: ${describeError(failure)}`);
            message.respond(Buffer.from(JSON.stringify({ ok: false, error: 'internal error; the page was not accepted, send it again', issues: [] })));
          }
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
