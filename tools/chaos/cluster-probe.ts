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

/** Waits until the stream has a leader other than `previous`; returns it and how long that took from `since`. */
export async function waitForNewLeader(nats: NatsConnection, stream: string, previous: string, since: number, timeoutMs = 60_000): Promise<{ leader: string; afterMs: number }> {
  for (;;) {
    const leader = await streamLeader(nats, stream).catch(() => undefined);
    if (leader && leader !== previous) return { leader, afterMs: Date.now() - since };
    if (Date.now() - since > timeoutMs) throw new Error(`${stream} had no leader other than ${previous} within ${timeoutMs / 1000} s`);
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
