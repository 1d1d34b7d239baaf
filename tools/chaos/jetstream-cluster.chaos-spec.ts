import { streams } from '@baoxun/shared/contracts/subjects.registry';
import { type ManagedNatsCluster, startNatsCluster } from '../infra/nats-cluster.launcher';
import { eventually, integrationServers, uniqueSource } from '../testing/test-stack';
import { readDeadLetters } from './broker-probe';
import { sendPaced } from './chaos-scanner';
import { type ChaosStack, chaosPages, chaosSeed, chaosTestTimeoutMs, storeTimeoutMs, sleep, startChaosStack } from './chaos-stack';
import { replicaState, streamLeader, waitForNewLeader } from './cluster-probe';
import { corpus, seededRandom } from './page-corpus';
import { auditThroughApi, reportFigures, waitUntilStored } from './pipeline-audit';

// A three-node JetStream cluster loses a node: three nats-servers on loopback with routes, the pipeline's streams
// (and so their durable consumers) at three replicas, every service given all three URLs. While pages flow,
// kill -9 the server leading BAOXUN_PAGES, restart it, later kill -9 the one leading BAOXUN_ARTICLES, restart
// it. Every page a scanner was told is accepted is stored once, nothing is dead-lettered, and no service
// restarted: each reconnected to a surviving server by itself.
//
// Pages: CHAOS_CLUSTER_PAGES, else 15% of CHAOS_PAGES (150 in npm test, about three minutes on two cores). The
// full run of record is CHAOS_CLUSTER_PAGES=1000 (tools/chaos/README.md).
const clusterPages = (): number => (process.env.CHAOS_CLUSTER_PAGES ? Math.max(10, Number(process.env.CHAOS_CLUSTER_PAGES)) : chaosPages(0.15, 25));

describe('a three-node JetStream cluster loses the leaders of its streams while pages flow', () => {
  let cluster: ManagedNatsCluster;
  let chaos: ChaosStack;
  const random = seededRandom(chaosSeed());
  const pageCount = clusterPages();

  beforeAll(async () => {
    cluster = await startNatsCluster();
    chaos = await startChaosStack('cluster', { natsUrl: cluster.url, mongoUrl: integrationServers().mongoUrl, env: { STREAM_REPLICAS: '3' } });
  }, 300_000);

  afterAll(async () => {
    await chaos?.stop();
    await cluster?.dispose();
  }, 120_000);

  it('kill -9 of the pages leader, then of the articles leader, loses and duplicates nothing', async () => {
    // The services made the streams with three replicas, and their consumers inherited them.
    for (const stream of [streams.PAGES.name, streams.ARTICLES.name, streams.DLQ.name]) {
      const state = await replicaState(chaos.nats, stream);
      expect([stream, state.stream]).toEqual([stream, { replicas: 3, current: 2 }]);
      for (const [name, consumer] of Object.entries(state.consumers)) expect([name, consumer.peers]).toEqual([name, 3]);
    }

    const source = uniqueSource('chaos-cluster');
    const pages = corpus(source, pageCount);
    const durationMs = Math.max(40_000, pageCount * 60);
    const services = Object.values(chaos.stack.services).flat();
    const pids = services.map((service) => service.pid);
    const faults: Array<{ stream: string; node: string; atS: number; newLeader: string; newLeaderMs: number; downS: number; rejoinS: number }> = [];
    const started = Date.now();
    const sending = sendPaced(chaos.nats, pages, { durationMs });
    const killing = (async () => {
      for (const [stream, from, to] of [
        [streams.PAGES.name, 0.15, 0.3],
        [streams.ARTICLES.name, 0.55, 0.7],
      ] as const) {
        const at = started + durationMs * (from + random() * (to - from));
        if (at > Date.now()) await sleep(at - Date.now());
        const leader = await eventually(() => streamLeader(chaos.nats, stream, 2_000), 60_000, `a leader of ${stream}`);
        const node = cluster.node(leader);
        const down = Date.now();
        node.kill9();
        const elected = await waitForNewLeader(chaos.nats, stream, leader, down);
        await sleep(2_000 + random() * 3_000);
        const restarting = Date.now();
        await node.start(); // ready once /healthz says its streams and consumers caught up
        faults.push({ stream, node: leader, atS: (down - started) / 1000, newLeader: elected.leader, newLeaderMs: elected.afterMs, downS: (restarting - down) / 1000, rejoinS: (Date.now() - restarting) / 1000 });
      }
    })();
    const [accepted] = await Promise.all([sending, killing]);
    const sentS = (Date.now() - started) / 1000;
    process.stderr.write(`[chaos] cluster faults: ${JSON.stringify(faults)}\n`);

    const stored = await waitUntilStored(chaos.nats, chaos.mongoUrl, pages.map((page) => page.pageId), { timeoutMs: storeTimeoutMs(pageCount), label: 'cluster' });
    const storedS = (Date.now() - started) / 1000;
    const letters = (await readDeadLetters(chaos.nats)).filter((letter) => letter.payload.includes(source));
    const figures = await auditThroughApi(chaos.stack.apiUrl, pages, [source], letters.length);
    reportFigures('cluster (3 nodes, R3; kill -9 of the pages leader, then of the articles leader)', figures, {
      resent: accepted.reduce((sum, one) => sum + one.attempts - 1, 0),
      pagesResent: accepted.filter((one) => one.attempts > 1).length,
      newLeaderMs: faults.map((fault) => fault.newLeaderMs),
      sentS,
      storedS,
    });

    expect(faults).toHaveLength(2);
    expect(stored).toBe(pageCount);
    expect(figures.problems).toEqual([]);
    expect(figures).toMatchObject({ pagesStored: pageCount, lost: 0, duplicated: 0, deadLettered: 0 });
    expect(figures.articlesStored).toBe(figures.articlesExpected);
    // Nobody restarted a service: each found a surviving server by itself.
    expect(services.map((service) => service.pid)).toEqual(pids);
    expect(services.every((service) => service.running)).toBe(true);
    for (const service of services) await eventually(async () => ((await fetch(`${service.url}/health`)).ok ? true : undefined), 60_000, `${service.name} healthy`);
    // And the cluster is whole again: every stream on three caught-up servers.
    for (const stream of [streams.PAGES.name, streams.ARTICLES.name]) {
      await eventually(async () => ((await replicaState(chaos.nats, stream)).stream.current === 2 ? true : undefined), 60_000, `${stream} on three current servers`);
    }
  }, chaosTestTimeoutMs(clusterPages()));
});
