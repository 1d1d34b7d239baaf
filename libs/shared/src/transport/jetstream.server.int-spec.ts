import { randomBytes } from 'node:crypto';
import type { NatsConnection } from 'nats';
import type { ArticleParsed } from '../contracts/article.contract';
import { DeadLetterSchema, type DeadLetter } from '../contracts/dead-letter.contract';
import { articleParsed, streams } from '../contracts/subjects.registry';
import { ensureStreams } from './jetstream-topology';
import { JetStreamPublisher } from './jetstream.publisher';
import type { JetStreamContext } from './jetstream.context';
import { JetStreamServer } from './jetstream.server';
import { PermanentMessageError } from './message-errors';
import { connectNats } from './nats-connection';

// The transport against a real nats-server with JetStream: ack after success, retry with backoff,
// dead-letter with the reason and the original bytes, bounded in-flight work, drain on close.

const natsUrl = () => {
  if (!process.env.NATS_URL) throw new Error('NATS_URL is not set (run with jest.integration.config.js)');
  return process.env.NATS_URL;
};

const article = (pageId: string, order: number): ArticleParsed => ({
  id: `ar_${randomBytes(12).toString('hex')}`,
  pageId,
  page: { source: 'transport-test', date: '2024-01-01', page: '01' },
  order,
  kicker: null,
  headline: `标题${order}`,
  subheadlines: [],
  byline: null,
  body: '正文。',
  continuation: null,
  continuedFrom: null,
  datelines: [],
  pageVersion: 'v1',
  pageReceivedAt: new Date().toISOString(),
  parserVersion: 'test',
  correlationId: 'c1',
});

describe('JetStreamServer', () => {
  let connection: NatsConnection;
  let publisher: JetStreamPublisher;
  let servers: JetStreamServer[] = [];

  beforeAll(async () => {
    connection = await connectNats({ NATS_URL: natsUrl() }, 'transport-test');
    await ensureStreams(await connection.jetstreamManager());
    publisher = new JetStreamPublisher(connection);
  });

  afterEach(async () => {
    await Promise.all(servers.map((server) => server.close()));
    servers = [];
  });

  afterAll(async () => {
    await connection.drain();
  });

  /** A stage of its own per test, and a page id its handler recognizes (the stream holds other tests' messages). */
  async function startStage(
    handle: (message: ArticleParsed, context: JetStreamContext) => Promise<void>,
    options: Partial<{ maxInFlight: number; maxDeliver: number; shutdownGraceMs: number; dependenciesHealthy: () => Promise<boolean>; outageRetryMs: number }> = {},
  ) {
    const stage = `test${randomBytes(4).toString('hex')}`;
    const pageId = `pg_${stage}`;
    const server = new JetStreamServer(connection, {
      stage,
      maxInFlight: options.maxInFlight ?? 4,
      maxDeliver: options.maxDeliver ?? 3,
      ackWaitMs: 5_000,
      shutdownGraceMs: options.shutdownGraceMs ?? 5_000,
      dependenciesHealthy: options.dependenciesHealthy,
      outageRetryMs: options.outageRetryMs,
    });
    server.addHandler(articleParsed.subject, async (message: ArticleParsed, context: JetStreamContext) => (message.pageId === pageId ? handle(message, context) : undefined), true);
    await new Promise<void>((resolve, reject) => server.listen((error?: unknown) => (error ? reject(error) : resolve())));
    servers.push(server);
    return { stage, pageId };
  }

  async function deadLetters(stage: string, expected: number, timeoutMs = 20_000): Promise<DeadLetter[]> {
    const consumer = await connection.jetstream().consumers.get(streams.DLQ.name, { filterSubjects: [`dlq.${stage}`] });
    const letters: DeadLetter[] = [];
    const deadline = Date.now() + timeoutMs;
    while (letters.length < expected && Date.now() < deadline) {
      const batch = await consumer.fetch({ max_messages: expected - letters.length, expires: 1_000 });
      for await (const message of batch) letters.push(DeadLetterSchema.parse(message.json()));
    }
    return letters;
  }

  const until = async (condition: () => boolean, timeoutMs = 20_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!condition()) {
      if (Date.now() > deadline) throw new Error('timed out');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  it('hands a valid message to its handler once and acks it', async () => {
    const seen: string[] = [];
    const { stage, pageId } = await startStage(async (message) => void seen.push(message.id));
    const sent = article(pageId, 0);
    await publisher.publish(articleParsed, sent);
    await until(() => seen.length === 1);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(seen).toEqual([sent.id]);
    const info = await (await connection.jetstreamManager()).consumers.info(streams.ARTICLES.name, `${stage}-articles-parsed`);
    expect(info.num_ack_pending).toBe(0);
  });

  it('retries a transient failure with backoff until it succeeds', async () => {
    let attempts = 0;
    const { stage, pageId } = await startStage(async () => {
      attempts++;
      if (attempts < 3) throw new Error('store unavailable');
    });
    await publisher.publish(articleParsed, article(pageId, 0));
    await until(() => attempts === 3);
    expect(await deadLetters(stage, 1, 1_500)).toEqual([]);
  });

  it('dead-letters a permanent failure at once, with the reason and the original payload', async () => {
    let attempts = 0;
    const { stage, pageId } = await startStage(async () => {
      attempts++;
      throw new PermanentMessageError('this article can never be stored');
    });
    const sent = article(pageId, 0);
    await publisher.publish(articleParsed, sent);
    const [letter] = await deadLetters(stage, 1);
    expect(attempts).toBe(1);
    expect(letter).toMatchObject({ stage, subject: 'articles.parsed', reason: expect.stringContaining('can never be stored'), deliveries: 1 });
    expect(JSON.parse(Buffer.from(letter.payloadBase64, 'base64').toString('utf8'))).toEqual(sent);
  });

  it('dead-letters a message that keeps failing after MAX_DELIVER deliveries', async () => {
    let attempts = 0;
    const { stage, pageId } = await startStage(async () => {
      attempts++;
      throw new Error('still broken');
    }, { maxDeliver: 2 });
    await publisher.publish(articleParsed, article(pageId, 0));
    const [letter] = await deadLetters(stage, 1);
    expect(attempts).toBe(2);
    expect(letter.reason).toContain('failed 2 times; last error: Error: still broken');
  });

  it('dead-letters bytes that fail the subject schema without calling the handler', async () => {
    const { stage } = await startStage(async () => undefined);
    const garbage = Buffer.from([0x7b, 0xff, 0xfe, 0x00]);
    await publisher.publishRaw('articles.parsed', garbage);
    const letters = await deadLetters(stage, 1);
    const letter = letters.find((candidate) => Buffer.from(candidate.payloadBase64, 'base64').equals(garbage));
    expect(letter?.reason).toMatch(/^invalid payload for articles.parsed/);
  });

  it('never works on more than maxInFlight messages at once, and finishes them on close', async () => {
    let running = 0;
    let peak = 0;
    let done = 0;
    const { pageId } = await startStage(async () => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setTimeout(resolve, 100));
      running--;
      done++;
    }, { maxInFlight: 3 });
    await Promise.all(Array.from({ length: 12 }, (_, order) => publisher.publish(articleParsed, article(pageId, order))));
    await until(() => done >= 4);
    await Promise.all(servers.map((server) => server.close()));
    servers = [];
    expect(peak).toBe(3);
    expect(running).toBe(0);
  });

  const consumerInfo = async (stage: string) => (await connection.jetstreamManager()).consumers.info(streams.ARTICLES.name, `${stage}-articles-parsed`);

  it('pulls no more than maxInFlight messages: the rest wait in JetStream', async () => {
    let running = 0;
    let done = 0;
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const { stage, pageId } = await startStage(async () => {
      running++;
      await released;
      running--;
      done++;
    }, { maxInFlight: 2 });
    await Promise.all(Array.from({ length: 10 }, (_, order) => publisher.publish(articleParsed, article(pageId, order))));
    await until(() => running === 2);
    const info = await consumerInfo(stage);
    expect(info.num_ack_pending).toBeLessThanOrEqual(2);
    release();
    await until(() => done === 10);
  });

  it('holds a message that failed while a dependency is down and handles it again once it is back, without using up deliveries', async () => {
    let storeUp = false;
    const deliveries: number[] = [];
    const { stage, pageId } = await startStage(
      async (_message, context) => {
        deliveries.push(context.getDeliveryCount());
        if (!storeUp) throw new Error('store unavailable');
      },
      { maxDeliver: 1, dependenciesHealthy: async () => storeUp },
    );
    await publisher.publish(articleParsed, article(pageId, 0));
    await until(() => deliveries.length === 1);
    // Held (kept alive), neither nak'ed nor dead-lettered, while the dependency is down.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect((await consumerInfo(stage)).num_ack_pending).toBe(1);
    storeUp = true;
    await until(() => deliveries.length === 2);
    expect(deliveries).toEqual([1, 1]);
    // (The stage reads the whole stream: other tests' garbage lands on its dlq too, but nothing of this page.)
    const letters = await deadLetters(stage, 2, 1_500);
    expect(letters.filter((letter) => Buffer.from(letter.payloadBase64, 'base64').toString().includes(pageId))).toEqual([]);
  });

  it('tries held work again after outageRetryMs even while a health check still says down, and acks it once it succeeds', async () => {
    let storeUp = false;
    const deliveries: number[] = [];
    const { stage, pageId } = await startStage(
      async (_message, context) => {
        deliveries.push(context.getDeliveryCount());
        if (!storeUp) throw new Error('store unavailable');
      },
      // A check that never comes back up (a cached connection state): the work itself must still be retried.
      { maxDeliver: 1, dependenciesHealthy: async () => false, outageRetryMs: 1_000 },
    );
    await publisher.publish(articleParsed, article(pageId, 0));
    await until(() => deliveries.length >= 2);
    expect((await consumerInfo(stage)).num_ack_pending).toBe(1);
    storeUp = true;
    const tried = deliveries.length;
    await until(() => deliveries.length === tried + 1, 10_000);
    let ackPending = 1;
    for (const deadline = Date.now() + 10_000; ackPending > 0 && Date.now() < deadline; ) ackPending = (await consumerInfo(stage)).num_ack_pending;
    expect(ackPending).toBe(0);
    expect(new Set(deliveries)).toEqual(new Set([1]));
  });

  it('on close, returns work still running after the grace period to JetStream and never acks it afterwards', async () => {
    let running = 0;
    let finished = 0;
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const { stage, pageId } = await startStage(async () => {
      running++;
      await released;
      finished++;
    }, { maxInFlight: 2, shutdownGraceMs: 300 });
    await Promise.all([0, 1].map((order) => publisher.publish(articleParsed, article(pageId, order))));
    await until(() => running === 2);
    await Promise.all(servers.map((server) => server.close()));
    servers = [];
    release();
    await until(() => finished === 2);
    await connection.flush();
    // Returned at once: a new puller gets both back as redeliveries, and neither was acked.
    const consumer = await connection.jetstream().consumers.get(streams.ARTICLES.name, `${stage}-articles-parsed`);
    const batch = await consumer.fetch({ max_messages: 2, expires: 2_000 });
    const redelivered: boolean[] = [];
    for await (const message of batch) {
      redelivered.push(message.info.redelivered);
      message.ack();
    }
    expect(redelivered).toEqual([true, true]);
  });
});
