import type { ManagedServer } from '../infra/infra.types';
import { eventually, integrationServers, uniqueSource } from '../testing/test-stack';
import { type NatsCredentials, startNatsServerWithAuth } from './auth-nats.launcher';
import { readDeadLetters } from './broker-probe';
import { sendPaced } from './chaos-scanner';
import { type ChaosStack, chaosPages, chaosSeed, chaosTestTimeoutMs, storeTimeoutMs, sleep, startChaosStack } from './chaos-stack';
import { corpus, seededRandom } from './page-corpus';
import { auditThroughApi, reportFigures, waitUntilStored } from './pipeline-audit';

// Broker restart: nats-server (with user/password, as in docker-compose.yml) stops mid-stream and comes back
// on the same port with its store, first gracefully and later with kill -9. The services reconnect by
// themselves (none of them exits), the scanner sends again what got no answer, and every page is stored once.

describe('nats-server restarts while pages flow', () => {
  const credentials: NatsCredentials = { user: 'baoxun', password: 'chaos-broker-secret' };
  let broker: ManagedServer;
  let chaos: ChaosStack;
  const random = seededRandom(chaosSeed());
  const pageCount = chaosPages(1 / 2, 25);

  beforeAll(async () => {
    broker = await startNatsServerWithAuth(credentials);
    chaos = await startChaosStack('broker', { natsUrl: broker.url, mongoUrl: integrationServers().mongoUrl, natsCredentials: credentials });
  }, 300_000);

  afterAll(async () => {
    await chaos?.stop();
    await broker?.dispose();
  }, 120_000);

  it('the services reconnect by themselves and finish; nothing is lost or stored twice', async () => {
    const source = uniqueSource('chaos-broker');
    const pages = corpus(source, pageCount);
    const durationMs = Math.max(25_000, pageCount * 50);
    const services = Object.values(chaos.stack.services).flat();
    const pids = services.map((service) => service.pid);
    const restarts: string[] = [];
    const started = Date.now();
    const sending = sendPaced(chaos.nats, pages, { durationMs });
    const faults = (async () => {
      for (const [how, from, to] of [
        ['stop', 0.2, 0.4],
        ['kill -9', 0.6, 0.8],
      ] as const) {
        const at = started + durationMs * (from + random() * (to - from));
        if (at > Date.now()) await sleep(at - Date.now());
        const down = Date.now();
        if (how === 'stop') await broker.stop();
        else broker.kill9();
        await sleep(2_000 + random() * 3_000);
        await broker.start();
        restarts.push(`${how} at ${((down - started) / 1000).toFixed(1)} s, down ${((Date.now() - down) / 1000).toFixed(1)} s`);
      }
    })();
    const [accepted] = await Promise.all([sending, faults]);
    process.stderr.write(`[chaos] broker: ${restarts.join('; ')}\n`);

    const stored = await waitUntilStored(chaos.nats, chaos.mongoUrl, pages.map((page) => page.pageId), { timeoutMs: storeTimeoutMs(), label: 'broker restart' });
    const letters = (await readDeadLetters(chaos.nats)).filter((letter) => letter.payload.includes(source));
    const figures = await auditThroughApi(chaos.stack.apiUrl, pages, [source], letters.length);
    reportFigures('broker restart (stop/start, then kill -9/start)', figures, { resent: accepted.reduce((sum, one) => sum + one.attempts - 1, 0) });

    expect(stored).toBe(pageCount);
    expect(figures.problems).toEqual([]);
    expect(figures).toMatchObject({ pagesStored: pageCount, lost: 0, duplicated: 0, deadLettered: 0 });
    // Nobody restarted the services: they reconnected on their own.
    expect(services.map((service) => service.pid)).toEqual(pids);
    expect(services.every((service) => service.running)).toBe(true);
    for (const service of services) await eventually(async () => ((await fetch(`${service.url}/health`)).ok ? true : undefined), 60_000, `${service.name} healthy`);
  }, chaosTestTimeoutMs());
});
