import type { ServiceProcess } from '../local-stack/service-process';
import { uniqueSource } from '../testing/test-stack';
import { readDeadLetters } from './broker-probe';
import { sendPaced } from './chaos-scanner';
import { type ChaosStack, chaosPages, chaosSeed, chaosTestTimeoutMs, sleep, startChaosStack, storeTimeoutMs } from './chaos-stack';
import { corpus, seededRandom } from './page-corpus';
import { auditThroughApi, reportFigures, waitUntilStored } from './pipeline-audit';

// Graceful shutdown: while pages flow, SIGTERM the parser, an enricher, the api and ingest in turn (each at a
// random moment) and start it again. Each exits promptly; what it held is finished or returned to JetStream,
// never acked half-done; every page is stored exactly once. (SIGTERM while the store is down, with work that can't
// finish, is in store-faults.chaos-spec.ts.)

describe('SIGTERM of the services while pages flow', () => {
  let chaos: ChaosStack;
  const random = seededRandom(chaosSeed());

  beforeAll(async () => {
    chaos = await startChaosStack('sigterm', { replicas: { parser: 2, enricher: 2 } });
  }, 300_000);

  afterAll(async () => {
    await chaos?.stop();
  }, 120_000);

  /** A random moment inside [from, to] of the sending window. */
  const momentIn = (started: number, durationMs: number, from: number, to: number) => started + durationMs * (from + random() * (to - from));

  it('SIGTERM of each service mid-stream: it exits promptly, finishes or returns its work, and nothing is lost or doubled', async () => {
    const source = uniqueSource('chaos-sigterm');
    const count = chaosPages(1 / 4);
    const pages = corpus(source, count, 100_000);
    const durationMs = Math.max(20_000, count * 40);
    const { services } = chaos.stack;
    const stops: string[] = [];

    const started = Date.now();
    const sending = sendPaced(chaos.nats, pages, { durationMs });
    const faults = (async () => {
      const plan: Array<[ServiceProcess, number, number]> = [
        [services.parser[0], 0.1, 0.25],
        [services.enricher[1], 0.3, 0.45],
        [services.api[0], 0.5, 0.65],
        [services.ingest[0], 0.7, 0.85],
      ];
      for (const [service, from, to] of plan) {
        const at = momentIn(started, durationMs, from, to);
        if (at > Date.now()) await sleep(at - Date.now());
        const stopping = Date.now();
        // ServiceProcess.stop sends SIGTERM and only SIGKILLs after 60 s: a clean exit comes well before.
        await service.stop(60_000);
        const tookMs = Date.now() - stopping;
        stops.push(`${service.name} in ${tookMs} ms`);
        expect([service.name, tookMs < 10_000 + 15_000]).toEqual([service.name, true]);
        expect(service.logTail(200)).not.toMatch(/exited unexpectedly|Could not dead-letter/);
        await service.start(180_000);
      }
    })();
    await Promise.all([sending, faults]);
    process.stderr.write(`[chaos] sigterm: stopped ${stops.join(', ')}\n`);

    const stored = await waitUntilStored(chaos.nats, chaos.mongoUrl, pages.map((page) => page.pageId), { timeoutMs: storeTimeoutMs(), label: 'sigterm' });
    const letters = (await readDeadLetters(chaos.nats)).filter((letter) => letter.payload.includes(source));
    const figures = await auditThroughApi(chaos.stack.apiUrl, pages, [source], letters.length);
    reportFigures('sigterm (parser, enricher, api, ingest)', figures);
    expect(stored).toBe(count);
    expect(figures.problems).toEqual([]);
    expect(figures).toMatchObject({ pagesStored: count, lost: 0, duplicated: 0, deadLettered: 0 });
  }, chaosTestTimeoutMs());
});
