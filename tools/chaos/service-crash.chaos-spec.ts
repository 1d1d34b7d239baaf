import type { ServiceProcess } from '../local-stack/service-process';
import { uniqueSource } from '../testing/test-stack';
import { metricValue, readDeadLetters } from './broker-probe';
import { type Accepted, sendPaced } from './chaos-scanner';
import { type ChaosStack, chaosPages, chaosSeed, chaosTestTimeoutMs, storeTimeoutMs, sleep, startChaosStack } from './chaos-stack';
import { corpus, seededRandom } from './page-corpus';
import { auditThroughApi, reportFigures, waitUntilStored } from './pipeline-audit';

// Crash of any service mid-stream, and scale-out: while CHAOS_PAGES pages flow through two parser and two
// enricher replicas, kill -9 a parser, then an enricher, then the api, each at a random moment, and start it
// again. Afterwards every page's articles are stored exactly once (count and ids), none lost, none duplicated,
// and both replicas of each scaled stage did part of the work.

describe('crashes and restarts of the services while pages flow', () => {
  let chaos: ChaosStack;
  const random = seededRandom(chaosSeed());
  const pageCount = chaosPages();

  beforeAll(async () => {
    chaos = await startChaosStack('crash', { replicas: { parser: 2, enricher: 2 } });
  }, 300_000);

  afterAll(async () => {
    await chaos?.stop();
  }, 120_000);

  const processed = async (service: ServiceProcess, subject: string) => metricValue(service.url, 'baoxun_messages_processed_total', subject).catch(() => 0);

  /** A random moment inside [from, to] of the sending window. */
  const momentIn = (started: number, durationMs: number, from: number, to: number) => started + durationMs * (from + random() * (to - from));

  it('kill -9 of a parser, an enricher and the api at random moments loses and duplicates nothing', async () => {
    const source = uniqueSource('chaos-crash');
    const pages = corpus(source, pageCount);
    const durationMs = Math.max(20_000, pageCount * 40);
    const { services } = chaos.stack;
    // Work each replica did before it was killed (its counters start again at 0 after a restart).
    const work = new Map<ServiceProcess, number>([...services.parser, ...services.enricher].map((service) => [service, 0]));
    const subjectOf = (service: ServiceProcess) => (service.options.name === 'parser' ? 'pages.received' : 'articles.parsed');
    const kills: string[] = [];

    const started = Date.now();
    const sending = sendPaced(chaos.nats, pages, { durationMs });
    const faults = (async () => {
      const plan: Array<[ServiceProcess[], number, number]> = [
        [services.parser, 0.15, 0.35],
        [services.enricher, 0.4, 0.6],
        [services.api, 0.65, 0.85],
      ];
      for (const [replicas, from, to] of plan) {
        const at = momentIn(started, durationMs, from, to);
        if (at > Date.now()) await sleep(at - Date.now());
        const victim = replicas[Math.floor(random() * replicas.length)];
        if (work.has(victim)) work.set(victim, (work.get(victim) ?? 0) + (await processed(victim, subjectOf(victim))));
        await victim.kill9();
        kills.push(`${victim.name} at ${((Date.now() - started) / 1000).toFixed(1)} s`);
        await sleep(random() * 2_000);
        await victim.start(180_000);
      }
    })();
    const [accepted] = (await Promise.all([sending, faults])) as [Accepted[], void];
    process.stderr.write(`[chaos] crash: sent ${accepted.length} pages in ${((Date.now() - started) / 1000).toFixed(0)} s; killed ${kills.join(', ')}\n`);

    const stored = await waitUntilStored(chaos.nats, chaos.mongoUrl, pages.map((page) => page.pageId), { timeoutMs: storeTimeoutMs(), label: 'crash' });
    for (const service of work.keys()) work.set(service, (work.get(service) ?? 0) + (await processed(service, subjectOf(service))));
    const letters = (await readDeadLetters(chaos.nats)).filter((letter) => letter.payload.includes(source));
    const figures = await auditThroughApi(chaos.stack.apiUrl, pages, [source], letters.length);
    reportFigures('crash (kill -9 parser, enricher, api; 2 parser + 2 enricher replicas)', figures, {
      resent: accepted.reduce((sum, one) => sum + one.attempts - 1, 0),
      workPerReplica: Object.fromEntries([...work].map(([service, count]) => [service.name, count])),
    });

    expect(stored).toBe(pageCount);
    expect(figures.problems).toEqual([]);
    expect(figures).toMatchObject({ pagesStored: pageCount, lost: 0, duplicated: 0, deadLettered: 0 });
    expect(figures.articlesStored).toBe(figures.articlesExpected);
    // Scale-out: both replicas of each stage took a share.
    for (const [service, count] of work) expect([service.name, count > 0]).toEqual([service.name, true]);
  }, chaosTestTimeoutMs());
});
