import { DiscardPolicy, nanos, RetentionPolicy, StorageType, type JetStreamManager, type StreamConfig } from 'nats';
import type { ServiceConfig } from '../config/service.config';
import { streams } from '../contracts/subjects.registry';

const DAY_MS = 24 * 60 * 60 * 1000;

/** How the streams and durable consumers are laid out: one node's defaults, or a cluster's replicas. */
export interface JetStreamTopology {
  /** Servers holding each stream (num_replicas). */
  streamReplicas: number;
  /** Servers holding each durable consumer's state; 0 inherits the stream's. */
  consumerReplicas: number;
  /** Streams go only to servers that carry all these server_tags; empty: anywhere. */
  placementTags: string[];
}

/** One nats-server: what every stream and consumer had before clustering. */
export const SINGLE_NODE_TOPOLOGY: JetStreamTopology = Object.freeze({ streamReplicas: 1, consumerReplicas: 0, placementTags: [] });

export function topologyOf(config: Pick<ServiceConfig, 'STREAM_REPLICAS' | 'CONSUMER_REPLICAS' | 'STREAM_PLACEMENT_TAGS'>): JetStreamTopology {
  return { streamReplicas: config.STREAM_REPLICAS, consumerReplicas: config.CONSUMER_REPLICAS, placementTags: config.STREAM_PLACEMENT_TAGS };
}

export type StreamSpec = Partial<StreamConfig> & { name: string; subjects: string[]; num_replicas: number };

/** The streams baoxun needs. Work streams keep a week of history for replays; dead letters a month. */
export function streamConfigs(topology: JetStreamTopology = SINGLE_NODE_TOPOLOGY): StreamSpec[] {
  const common = {
    retention: RetentionPolicy.Limits,
    storage: StorageType.File,
    discard: DiscardPolicy.Old,
    // Publishers set Nats-Msg-Id; JetStream drops a repeat inside this window.
    duplicate_window: nanos(2 * 60 * 1000),
    num_replicas: topology.streamReplicas,
    // cluster '' is no cluster named: any server of the account's clusters carrying the tags.
    ...(topology.placementTags.length > 0 ? { placement: { cluster: '', tags: [...topology.placementTags] } } : {}),
  };
  return [
    { ...common, name: streams.PAGES.name, subjects: [...streams.PAGES.subjects], max_age: nanos(7 * DAY_MS) },
    { ...common, name: streams.ARTICLES.name, subjects: [...streams.ARTICLES.subjects], max_age: nanos(7 * DAY_MS) },
    { ...common, name: streams.DLQ.name, subjects: [...streams.DLQ.subjects], max_age: nanos(30 * DAY_MS) },
  ];
}

/**
 * Waits until a scaled stream has a leader and its new peers have caught up: until then the cluster still judges
 * consumers by the old count ("consumer config replica count exceeds parent stream" right after scaling up), and
 * the stream could not yet lose a server.
 */
async function untilScaled(jsm: JetStreamManager, stream: string, replicas: number, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const info = await jsm.streams.info(stream).catch(() => null);
    const followers = info?.cluster?.replicas ?? [];
    const peers = info?.cluster?.leader ? 1 + followers.length : 0;
    if (info && info.config.num_replicas === replicas && peers === replicas && followers.every((peer) => peer.current)) return;
    if (Date.now() > deadline) throw new Error(`stream ${stream} did not reach ${replicas} replica(s) within ${timeoutMs / 1000} s (has ${peers})`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * Waits until a durable consumer's state is on `replicas` servers, all caught up: a consumer scaled up from one
 * replica is lost with its one server until its new peers have its state (about a second on loopback).
 */
export async function untilConsumerReplicated(jsm: JetStreamManager, stream: string, durable: string, replicas: number, timeoutMs = 30_000): Promise<void> {
  if (replicas <= 1) return;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const info = await jsm.consumers.info(stream, durable).catch(() => null);
    const followers = info?.cluster?.replicas ?? [];
    if (info?.cluster?.leader && followers.length + 1 === replicas && followers.every((peer) => peer.current)) return;
    if (Date.now() > deadline) throw new Error(`consumer ${durable} of ${stream} did not reach ${replicas} caught-up replica(s) within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** What ensureStreams did to one stream, for the service's log. */
export interface StreamChange {
  stream: string;
  action: 'created' | 'updated';
  /** Set when an existing stream was scaled to another replica count. */
  replicas?: { from: number; to: number };
}

/**
 * Creates or updates the streams; safe when several services start at once. An existing stream whose replica
 * count differs is scaled to the topology's (JetStream copies it to the new peers, or drops the extra ones).
 */
export async function ensureStreams(jsm: JetStreamManager, topology: JetStreamTopology = SINGLE_NODE_TOPOLOGY): Promise<StreamChange[]> {
  const changes: StreamChange[] = [];
  for (const config of streamConfigs(topology)) {
    for (let attempt = 1; ; attempt++) {
      try {
        const existing = await jsm.streams.info(config.name).catch(() => null);
        if (existing) {
          await jsm.streams.update(config.name, config);
          const from = existing.config.num_replicas;
          if (from !== config.num_replicas) await untilScaled(jsm, config.name, config.num_replicas);
          changes.push({ stream: config.name, action: 'updated', ...(from !== config.num_replicas ? { replicas: { from, to: config.num_replicas } } : {}) });
        } else {
          await jsm.streams.add(config);
          changes.push({ stream: config.name, action: 'created' });
        }
        break;
      } catch (error) {
        // Another replica may have created it between our info and add; a cluster may be electing a leader.
        if (attempt >= 8) throw new Error(`JetStream stream ${config.name} (STREAM_REPLICAS=${config.num_replicas}): ${error instanceof Error ? error.message : String(error)}`, { cause: error });
        await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
      }
    }
  }
  return changes;
}
