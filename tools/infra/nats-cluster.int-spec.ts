import { AckPolicy, connect, type NatsConnection } from 'nats';
import { streams } from '@baoxun/shared/contracts/subjects.registry';
import { ensureStreams, SINGLE_NODE_TOPOLOGY, untilConsumerReplicated } from '@baoxun/shared/transport/jetstream-topology';
import { eventually } from '../testing/test-stack';
import { type ManagedNatsCluster, startNatsCluster } from './nats-cluster.launcher';
import { namespacesUnavailable } from './network-namespace.util';

jest.setTimeout(180_000);

// A cluster of its own: this test kills a node.
describe('three-node JetStream cluster (real nats-server processes on loopback)', () => {
  const log = jest.fn();
  let cluster: ManagedNatsCluster;
  let nc: NatsConnection;

  beforeAll(async () => {
    cluster = await startNatsCluster({ log });
    nc = await connect({ servers: [...cluster.urls], maxReconnectAttempts: -1, reconnectTimeWait: 250 });
  });
  afterAll(async () => {
    await nc?.close();
    await cluster?.dispose();
  });

  const leaderOf = async (stream: string, timeout = 5_000) => (await (await nc.jetstreamManager({ timeout })).streams.info(stream)).cluster?.leader;

  it('runs three distinct servers with a meta leader', async () => {
    expect(cluster.nodes.map((node) => node.serverName)).toEqual(['baoxun-n1', 'baoxun-n2', 'baoxun-n3']);
    expect(cluster.url.split(',')).toHaveLength(3);
    expect(cluster.nodes.map((node) => node.serverName)).toContain(await cluster.metaLeader());
  });

  it('scales the existing one-replica streams and consumers to three, and keeps them through a leader crash', async () => {
    const jsm = await nc.jetstreamManager();
    await ensureStreams(jsm);
    expect((await jsm.streams.info(streams.PAGES.name)).config.num_replicas).toBe(1);
    await jsm.consumers.add(streams.PAGES.name, { durable_name: 'cluster-spec', filter_subject: 'pages.received', ack_policy: AckPolicy.Explicit, num_replicas: 1 });

    const changes = await ensureStreams(jsm, { ...SINGLE_NODE_TOPOLOGY, streamReplicas: 3 });
    expect(changes.filter((change) => change.replicas)).toEqual(
      [streams.PAGES.name, streams.ARTICLES.name, streams.DLQ.name].map((stream) => ({ stream, action: 'updated', replicas: { from: 1, to: 3 } })),
    );
    // What the transport does for CONSUMER_REPLICAS=0: the consumer follows its stream's three replicas.
    await jsm.consumers.update(streams.PAGES.name, 'cluster-spec', { num_replicas: 0 });
    await untilConsumerReplicated(jsm, streams.PAGES.name, 'cluster-spec', 3);
    const pages = await jsm.streams.info(streams.PAGES.name);
    expect(pages.config.num_replicas).toBe(3);
    expect(pages.cluster?.replicas).toHaveLength(2);
    await nc.jetstream().publish('pages.received', new TextEncoder().encode('{}'), { msgID: 'cluster-spec-1' });

    const leader = cluster.node((await leaderOf(streams.PAGES.name)) as string);
    leader.kill9();
    const started = Date.now();
    let newLeader: string | undefined;
    while (!newLeader || newLeader === leader.serverName) {
      newLeader = await leaderOf(streams.PAGES.name, 500).catch(() => undefined);
      if (Date.now() - started > 30_000) throw new Error('no new leader of BAOXUN_PAGES within 30 s');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    process.stderr.write(`[cluster spec] new leader ${newLeader} after ${Date.now() - started} ms\n`);
    // Two of three keep the quorum: the stream takes writes and the consumer's state is there.
    await nc.jetstream().publish('pages.received', new TextEncoder().encode('{}'), { msgID: 'cluster-spec-2' });
    const consumerBack = Date.now();
    await eventually(async () => ((await jsm.consumers.info(streams.PAGES.name, 'cluster-spec').catch(() => null))?.num_pending === 2 ? true : undefined), 30_000, 'the consumer on two nodes');
    process.stderr.write(`[cluster spec] consumer answers after ${Date.now() - consumerBack} ms more\n`);

    await leader.start(); // healthy again: it has caught up (the leader may take a moment more to call it current)
    const after = await jsm.streams.info(streams.PAGES.name);
    expect(after.state.messages).toBe(2);
    await eventually(async () => {
      const replicas = (await jsm.streams.info(streams.PAGES.name)).cluster?.replicas ?? [];
      return replicas.length === 2 && replicas.every((peer) => peer.current) ? true : undefined;
    }, 30_000, 'both followers current');
  });
});

// Each node in a network namespace of its own: one can be cut off while its process runs on.
const noNamespaces = namespacesUnavailable();
(noNamespaces ? describe.skip : describe)(`a network cut of one node${noNamespaces ? ` (skipped: ${noNamespaces})` : ''}`, () => {
  let cluster: ManagedNatsCluster;
  let nc: NatsConnection;

  beforeAll(async () => {
    cluster = await startNatsCluster({ log: jest.fn(), network: 'namespaces' });
    nc = await connect({ servers: [...cluster.urls], maxReconnectAttempts: -1, reconnectTimeWait: 250, pingInterval: 2_000, maxPingOut: 2 });
  });
  afterAll(async () => {
    await nc?.close();
    await cluster?.dispose();
  });

  it('elects a leader among the two that still see each other, and the cut node catches up when joined again', async () => {
    expect(cluster.urls.every((url) => /^nats:\/\/10\.231\.\d+\.1\d:4222$/.test(url))).toBe(true);
    const jsm = await nc.jetstreamManager();
    await jsm.streams.add({ name: 'CUT_SPEC', subjects: ['cut.spec.>'], num_replicas: 3 });
    await nc.jetstream().publish('cut.spec.a', new TextEncoder().encode('1'));
    const leaderOf = async () => (await (await nc.jetstreamManager({ timeout: 1_000 })).streams.info('CUT_SPEC')).cluster?.leader;
    const leader = (await leaderOf()) as string;
    const cutAt = Date.now();
    cluster.cut(leader);
    const newLeader = await eventually(async () => {
      const current = await leaderOf().catch(() => undefined);
      return current && current !== leader ? current : undefined;
    }, 60_000, 'a leader on the other side of the cut');
    process.stderr.write(`[cluster spec] cut ${leader}: new leader ${newLeader} after ${Date.now() - cutAt} ms\n`);
    // The cut node's process still runs: a partition, not a crash.
    expect(cluster.node(leader).running).toBe(true);
    await eventually(async () => ((await nc.jetstream().publish('cut.spec.b', new TextEncoder().encode('2'), { timeout: 2_000 }).catch(() => undefined)) ? true : undefined), 30_000, 'a publish during the cut');

    cluster.heal(leader);
    await eventually(async () => {
      const info = await (await nc.jetstreamManager({ timeout: 1_000 })).streams.info('CUT_SPEC').catch(() => undefined);
      const peers = [info?.cluster?.leader, ...(info?.cluster?.replicas ?? []).filter((peer) => peer.current).map((peer) => peer.name)];
      return info?.state.messages === 2 && peers.includes(leader) && peers.length === 3 ? true : undefined;
    }, 60_000, `${leader} caught up after the cut`);
  });
});
