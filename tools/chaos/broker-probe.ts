import type { NatsConnection } from 'nats';
import { type DeadLetter, DeadLetterSchema } from '@baoxun/shared/contracts/dead-letter.contract';
import { streams } from '@baoxun/shared/contracts/subjects.registry';

export interface StoredDeadLetter extends DeadLetter {
  seq: number;
  payload: Buffer;
}

/** Every dead letter on the broker (dlq.> in BAOXUN_DLQ), read with an ephemeral ordered consumer. */
export async function readDeadLetters(nats: NatsConnection, filter = 'dlq.>'): Promise<StoredDeadLetter[]> {
  const jsm = await nats.jetstreamManager();
  const info = await jsm.streams.info(streams.DLQ.name, { subjects_filter: filter });
  const total = Object.values(info.state.subjects ?? {}).reduce((sum, count) => sum + count, 0);
  const letters: StoredDeadLetter[] = [];
  if (total === 0) return letters;
  const consumer = await nats.jetstream().consumers.get(streams.DLQ.name, { filterSubjects: filter });
  try {
    for (let pending = total; pending > 0; ) {
      const batch = await consumer.fetch({ max_messages: 500, expires: 5_000 });
      let got = 0;
      for await (const message of batch) {
        got++;
        const letter = DeadLetterSchema.parse(message.json());
        letters.push({ ...letter, seq: message.seq, payload: Buffer.from(letter.payloadBase64, 'base64') });
        pending = message.info.pending;
        if (pending === 0) break;
      }
      if (got === 0) break;
    }
  } finally {
    await consumer.delete().catch(() => undefined);
  }
  return letters;
}

/** What a durable consumer holds: delivered but unacked, waiting in the stream, redelivered. */
export async function consumerState(nats: NatsConnection, stream: string, durable: string): Promise<{ ackPending: number; pending: number; redelivered: number }> {
  const info = await (await nats.jetstreamManager()).consumers.info(stream, durable);
  return { ackPending: info.num_ack_pending, pending: info.num_pending, redelivered: info.num_redelivered };
}

/** Sums a counter (or reads a gauge) from a service's /metrics, optionally for one subject. */
export async function metricValue(serviceUrl: string, name: string, subject?: string): Promise<number> {
  const text = await (await fetch(`${serviceUrl}/metrics`, { signal: AbortSignal.timeout(10_000) })).text();
  let sum = 0;
  for (const line of text.split('\n')) {
    if (!line.startsWith(name)) continue;
    const match = /^([a-z_]+)(\{[^}]*\})?\s+([0-9.eE+-]+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    if (subject && !(match[2] ?? '').includes(`subject="${subject}"`)) continue;
    sum += Number(match[3]);
  }
  return sum;
}

/** The services' durable consumers on the work streams (other tests' leftover consumers are not ours to wait for). */
const SERVICE_CONSUMER = /^(parser|enricher|api)-/;

/** Messages the services still have to handle: waiting in the work streams, or delivered and not yet acked. */
export async function pipelineBacklog(nats: NatsConnection): Promise<number> {
  const jsm = await nats.jetstreamManager();
  let backlog = 0;
  for (const stream of [streams.PAGES.name, streams.ARTICLES.name]) {
    for await (const consumer of jsm.consumers.list(stream)) {
      if (SERVICE_CONSUMER.test(consumer.name)) backlog += consumer.num_pending + consumer.num_ack_pending;
    }
  }
  return backlog;
}

/**
 * True once the services have nothing waiting or unacked, twice in a row a second apart: everything sent so far
 * has been handled (stored, or dead-lettered). Retries waiting out a backoff count as unacked.
 */
export async function pipelineIdle(nats: NatsConnection): Promise<true | undefined> {
  if ((await pipelineBacklog(nats)) > 0) return undefined;
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  return (await pipelineBacklog(nats)) > 0 ? undefined : true;
}
