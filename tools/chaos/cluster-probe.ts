import type { NatsConnection } from 'nats';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The server_name leading a stream ($JS.API.STREAM.INFO → cluster.leader), or undefined while it has none. A short
 * request timeout: while a stream elects, its info request gets no answer, and the default 5 s would hide how
 * quickly the new leader came.
 */
export async function streamLeader(nats: NatsConnection, stream: string, timeoutMs = 500): Promise<string | undefined> {
  const jsm = await nats.jetstreamManager({ timeout: timeoutMs });
  return (await jsm.streams.info(stream)).cluster?.leader || undefined;
}

interface JszStreams {
  account_details?: Array<{ stream_detail?: Array<{ name: string; cluster?: { leader?: string } }> }>;
}

/** The stream's leader as one server sees it (its monitoring port's /jsz), undefined when it knows none. */
export async function leaderSeenBy(monitorUrl: string, stream: string): Promise<string | undefined> {
  const response = await fetch(`${monitorUrl}/jsz?accounts=true&streams=true`, { signal: AbortSignal.timeout(1_000) });
  const body = (await response.json()) as JszStreams;
  for (const account of body.account_details ?? []) {
    const found = account.stream_detail?.find((detail) => detail.name === stream);
    if (found) return found.cluster?.leader || undefined;
  }
  return undefined;
}

/**
 * Waits until the servers other than `previous` agree on a new leader of the stream (their /jsz, so the time is
 * the cluster's, not how long a client takes to notice its server is gone); returns it and how long from `since`.
 */
export async function waitForNewLeader(survivors: readonly string[], stream: string, previous: string, since: number, timeoutMs = 60_000): Promise<{ leader: string; afterMs: number }> {
  for (;;) {
    const seen = await Promise.all(survivors.map((monitorUrl) => leaderSeenBy(monitorUrl, stream).catch(() => undefined)));
    if (seen[0] && seen[0] !== previous && seen.every((leader) => leader === seen[0])) return { leader: seen[0], afterMs: Date.now() - since };
    if (Date.now() - since > timeoutMs) throw new Error(`${stream} had no leader other than ${previous} within ${timeoutMs / 1000} s (seen: ${seen.join(', ')})`);
    await sleep(100);
  }
}

/** Replica counts of a stream and of its durable consumers, with how many followers are caught up. */
export async function replicaState(nats: NatsConnection, stream: string): Promise<{ stream: { replicas: number; current: number }; consumers: Record<string, { peers: number; current: number }> }> {
  const jsm = await nats.jetstreamManager();
  const info = await jsm.streams.info(stream);
  const consumers: Record<string, { peers: number; current: number }> = {};
  for await (const consumer of jsm.consumers.list(stream)) {
    const followers = consumer.cluster?.replicas ?? [];
    consumers[consumer.name] = { peers: followers.length + (consumer.cluster?.leader ? 1 : 0), current: followers.filter((peer) => peer.current).length };
  }
  return { stream: { replicas: info.config.num_replicas, current: (info.cluster?.replicas ?? []).filter((peer) => peer.current).length }, consumers };
}
