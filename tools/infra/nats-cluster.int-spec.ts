import { AckPolicy, connect, type NatsConnection } from 'nats';
import { streams } from '@baoxun/shared/contracts/subjects.registry';
import { ensureStreams, SINGLE_NODE_TOPOLOGY, untilConsumerReplicated } from '@baoxun/shared/transport/jetstream-topology';
import { eventually } from '../testing/test-stack';
import { type ManagedNatsCluster, startNatsCluster } from './nats-cluster.launcher';

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

    await leader.start(); // healthy again means caught up with the leader
    const after = await jsm.streams.info(streams.PAGES.name);
    expect(after.state.messages).toBe(2);
    expect(after.cluster?.replicas?.every((peer) => peer.current)).toBe(true);
  });
});
