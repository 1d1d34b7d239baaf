// The transport's own limit: JetStream publish and consume of the same bytes the pipeline moves for a
// corpus of pages (page texts, parsed and enriched articles, page summaries), with no work in between,
// on the same nats-server setup (file storage, Nats-Msg-Id dedupe, a correlation header, explicit acks)
// and the same five durable consumers the services use.
import { randomBytes } from 'node:crypto';
import { AckPolicy, connect, DeliverPolicy, headers as natsHeaders, type JetStreamClient, type NatsConnection, type PubAck, RetentionPolicy, StorageType } from 'nats';
import type { LogFn } from '../../infra/infra.types';
import type { PageMessages } from '../corpus/pipeline-messages';
import { childProcesses, ProcessSampler, type ProcessUsage } from '../system/process.sampler';

export type HopName = 'pages.received' | 'pages.parsed' | 'articles.parsed' | 'articles.enriched';

export interface TransportMessage {
  hop: HopName;
  data: Buffer;
}

/** Who reads each subject in the pipeline: pages.received has two readers (parser and api). */
export const PIPELINE_READERS: ReadonlyArray<{ durable: string; hop: HopName }> = [
  { durable: 'parser', hop: 'pages.received' },
  { durable: 'api-received', hop: 'pages.received' },
  { durable: 'api-parsed', hop: 'pages.parsed' },
  { durable: 'enricher', hop: 'articles.parsed' },
  { durable: 'api-enriched', hop: 'articles.enriched' },
];

export function transportMessagesOf(pages: readonly PageMessages[]): TransportMessage[] {
  const out: TransportMessage[] = [];
  const bytes = (value: unknown) => Buffer.from(JSON.stringify(value));
  for (const page of pages) {
    out.push({ hop: 'pages.received', data: bytes(page.received) });
    for (const article of page.articles) out.push({ hop: 'articles.parsed', data: bytes(article) });
    out.push({ hop: 'pages.parsed', data: bytes(page.parsed) });
    for (const article of page.enriched) out.push({ hop: 'articles.enriched', data: bytes(article) });
  }
  return out;
}

export interface RateFigure {
  messages: number;
  bytes: number;
  seconds: number;
  messagesPerSec: number;
  mbPerSec: number;
}

export interface TransportSection {
  pages: number;
  messages: number;
  bytes: number;
  /** Mean message size per hop. */
  hopSizes: Record<string, { messages: number; meanBytes: number }>;
  /** Pipelined publish (up to `window` unacked), as the parser publishes a page's articles. */
  publish: RateFigure & { window: number };
  /** One publish at a time, each awaited, on article-sized messages: what a handler that awaits each publish gets. */
  publishAwaited: RateFigure;
  /** The five pipeline readers draining what was published, acking each message. */
  consume: RateFigure;
  /** Publish and the five readers at the same time: the transport's limit for the pipeline. */
  concurrent: RateFigure & { pagesPerSec: number; articlesPerSec: number };
  processes: ProcessUsage[];
}

const MB = 1024 * 1024;
const rate = (messages: number, bytes: number, seconds: number): RateFigure => ({ messages, bytes, seconds, messagesPerSec: messages / seconds, mbPerSec: bytes / MB / seconds });

async function publishPipelined(js: JetStreamClient, subjectPrefix: string, messages: readonly TransportMessage[], window: number, runId: string): Promise<void> {
  const pending = new Set<Promise<PubAck>>();
  let i = 0;
  for (const message of messages) {
    const headers = natsHeaders();
    headers.set('X-Correlation-Id', runId);
    const ack = js.publish(`${subjectPrefix}.${message.hop}`, message.data, { msgID: `${runId}-${i++}`, headers, timeout: 30_000 });
    pending.add(ack);
    void ack.finally(() => pending.delete(ack)).catch(() => undefined);
    if (pending.size >= window) await Promise.race(pending);
  }
  await Promise.all(pending);
}

async function drain(connection: NatsConnection, stream: string, durable: string, expected: number): Promise<void> {
  if (expected === 0) return;
  const consumer = await connection.jetstream().consumers.get(stream, durable);
  const messages = await consumer.consume({ max_messages: 256 });
  let seen = 0;
  for await (const message of messages) {
    message.ack();
    if (++seen >= expected) break;
  }
  // Leaving the loop stops the iterator; awaiting close() after that never resolves in nats 2.29.
  void messages.close().catch(() => undefined);
}

async function addStream(connection: NatsConnection, name: string, subjectPrefix: string): Promise<void> {
  const jsm = await connection.jetstreamManager();
  await jsm.streams.add({ name, subjects: [`${subjectPrefix}.>`], storage: StorageType.File, retention: RetentionPolicy.Limits, duplicate_window: 120_000_000_000, num_replicas: 1 });
  for (const reader of PIPELINE_READERS) {
    await jsm.consumers.add(name, { durable_name: reader.durable, filter_subject: `${subjectPrefix}.${reader.hop}`, ack_policy: AckPolicy.Explicit, deliver_policy: DeliverPolicy.All, max_ack_pending: 1000 });
  }
}

async function drainAll(connection: NatsConnection, stream: string, messages: readonly TransportMessage[]): Promise<void> {
  await Promise.all(PIPELINE_READERS.map((reader) => drain(connection, stream, reader.durable, messages.filter((m) => m.hop === reader.hop).length)));
}

export interface TransportOptions {
  natsUrl: string;
  pages: readonly PageMessages[];
  window: number;
  awaitedMessages: number;
  log: LogFn;
}

export async function runTransportBench(options: TransportOptions): Promise<TransportSection> {
  const messages = transportMessagesOf(options.pages);
  const bytes = messages.reduce((sum, message) => sum + message.data.length, 0);
  const articles = options.pages.reduce((sum, page) => sum + page.articles.length, 0);
  const readBytes = PIPELINE_READERS.reduce((sum, reader) => sum + messages.filter((m) => m.hop === reader.hop).reduce((s, m) => s + m.data.length, 0), 0);
  const reads = PIPELINE_READERS.reduce((sum, reader) => sum + messages.filter((m) => m.hop === reader.hop).length, 0);
  const hopSizes: TransportSection['hopSizes'] = {};
  for (const message of messages) {
    const entry = (hopSizes[message.hop] ??= { messages: 0, meanBytes: 0 });
    entry.meanBytes = (entry.meanBytes * entry.messages + message.data.length) / (entry.messages + 1);
    entry.messages++;
  }
  const runId = randomBytes(4).toString('hex');
  const publisher = await connect({ servers: options.natsUrl, name: 'bench-transport-publisher' });
  const reader = await connect({ servers: options.natsUrl, name: 'bench-transport-reader' });
  const sampler = new ProcessSampler([{ name: 'bench (client)', pid: process.pid }, ...childProcesses(process.pid, ['nats-server'])]).start();
  const jsm = await publisher.jetstreamManager();
  const streams: string[] = [];
  try {
    // 1. publish only, then 2. the five readers only, on one stream.
    const first = `BENCH_TRANSPORT_${runId}_A`;
    streams.push(first);
    await addStream(publisher, first, `bench.${runId}.a`);
    options.log(`transport: publishing ${messages.length} messages (${(bytes / MB).toFixed(1)} MB) pipelined…`);
    let t = performance.now();
    await publishPipelined(publisher.jetstream(), `bench.${runId}.a`, messages, options.window, `${runId}a`);
    const publish = { ...rate(messages.length, bytes, (performance.now() - t) / 1000), window: options.window };
    options.log(`transport: ${publish.messagesPerSec.toFixed(0)} msg/s published; draining with the five pipeline readers…`);
    t = performance.now();
    await drainAll(reader, first, messages);
    const consume = rate(reads, readBytes, (performance.now() - t) / 1000);

    // 3. awaited one at a time (article-sized messages).
    const articleSized = messages.filter((m) => m.hop === 'articles.enriched').slice(0, options.awaitedMessages);
    const js = publisher.jetstream();
    t = performance.now();
    let n = 0;
    for (const message of articleSized) await js.publish(`bench.${runId}.a.awaited`, message.data, { msgID: `${runId}w-${n++}` });
    const publishAwaited = rate(articleSized.length, articleSized.reduce((s, m) => s + m.data.length, 0), (performance.now() - t) / 1000);

    // 4. publish and read at the same time, on a fresh stream.
    const second = `BENCH_TRANSPORT_${runId}_B`;
    streams.push(second);
    await addStream(publisher, second, `bench.${runId}.b`);
    options.log('transport: publishing and reading at the same time…');
    t = performance.now();
    await Promise.all([publishPipelined(publisher.jetstream(), `bench.${runId}.b`, messages, options.window, `${runId}b`), drainAll(reader, second, messages)]);
    const seconds = (performance.now() - t) / 1000;
    const concurrent = { ...rate(messages.length + reads, bytes + readBytes, seconds), pagesPerSec: options.pages.length / seconds, articlesPerSec: articles / seconds };
    options.log(`transport: ${concurrent.pagesPerSec.toFixed(0)} pages/s (publish + consume of the pipeline's bytes, no work)`);
    return { pages: options.pages.length, messages: messages.length, bytes, hopSizes, publish, publishAwaited, consume, concurrent, processes: sampler.stop() };
  } finally {
    sampler.stop();
    for (const stream of streams) await jsm.streams.delete(stream).catch(() => undefined);
    await publisher.close();
    await reader.close();
  }
}
