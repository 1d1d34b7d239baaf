// Fills the store for the API benchmark. Two ways, both ending in the api's own consumers (its write path):
// - a full stack: pages go in as a scanner sends them (ingest -> parser -> enricher -> api);
// - an api-only stack: the loader (tools/loader, also `npm run load`) parses and tags generated pages itself
//   (the real libraries) and publishes pages.received, pages.parsed and articles.enriched straight into
//   JetStream, pipelined.
import type { LogFn } from '../../infra/infra.types';
import { submitPage } from '../../scanner/submit-page';
import { generatePage } from '../corpus/page.generator';
import { publishPages } from '../../loader/page.loader';
import type { BenchStack } from '../e2e/bench-stack';
import { ConsumerLagMonitor } from '../e2e/consumer-lag.monitor';

export interface LoadResult {
  /** 'scanner' (full pipeline) or 'articles.enriched' (published straight to the api's consumers). */
  path: 'scanner' | 'articles.enriched';
  pages: number;
  articles: number;
  seconds: number;
  articlesPerSec: number;
  /** false when loading stopped before the api had stored everything (time limit, or far too slow to finish). */
  complete: boolean;
  /** When stopped early: seconds the api would still have needed at its rate then. */
  projectedSecondsLeft: number | null;
}

const AVERAGE_ARTICLES_PER_PAGE = 11;

export async function storedArticleCount(stack: BenchStack): Promise<number> {
  return stack.db
    .collection('articles')
    .estimatedDocumentCount()
    .catch(() => 0);
}

async function waitDrained(stack: BenchStack, log: LogFn, stallSeconds: number, deadline: number): Promise<number | null> {
  const monitor = new ConsumerLagMonitor(stack.jsm, ['BAOXUN_PAGES', 'BAOXUN_ARTICLES']).start();
  const started = Date.now();
  try {
    return await drained(stack, monitor, started, log, stallSeconds, deadline);
  } finally {
    monitor.stop();
  }
}

/** null when everything is stored; otherwise the seconds still needed (projected) when loading gave up. */
async function drained(stack: BenchStack, monitor: ConsumerLagMonitor, started: number, log: LogFn, stallSeconds: number, deadline: number): Promise<number | null> {
  let last = '';
  let lastChange = Date.now();
  let lastLog = 0;
  for (;;) {
    const point = await monitor.sample();
    const total = point ? Object.values(point.lag).reduce((a, b) => a + b, 0) : -1;
    if (total === 0) return null;
    const signature = JSON.stringify(point?.lag);
    if (signature !== last) {
      last = signature;
      lastChange = Date.now();
    }
    if (Date.now() - lastLog > 15_000) {
      lastLog = Date.now();
      log(`api load: ${total} messages still to store (${await storedArticleCount(stack)} articles in the store)`);
    }
    if (Date.now() - lastChange > stallSeconds * 1000) throw new Error(`the api stopped storing (lag ${signature} for ${stallSeconds} s)`);
    if (Date.now() > deadline) {
      log(`api load: time is up with ${total} messages still to store; measuring with what is stored`);
      return monitor.projectedSecondsLeft() ?? Number.POSITIVE_INFINITY;
    }
    const left = Date.now() - started > 90_000 ? monitor.projectedSecondsLeft() : null;
    if (left !== null && left > 3 * ((deadline - Date.now()) / 1000) && left > 60) {
      log(`api load: at the current rate the api needs about ${(left / 3600).toFixed(1)} h more; measuring with what is stored`);
      return left;
    }
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}

async function publishDirect(stack: BenchStack, seed: number, pages: number, source: string, log: LogFn): Promise<number> {
  function* generated() {
    for (let i = 0; i < pages; i++) {
      const page = generatePage(seed, i);
      yield { source, date: page.date, page: page.page, text: page.text };
    }
  }
  const done = await publishPages(stack.nats.jetstream(), generated(), {
    every: 1_000,
    onProgress: (p) => log(`api load: ${p.pages}/${pages} pages published (${p.articles} articles, ${(p.pages / Math.max(p.seconds, 0.001)).toFixed(0)} pages/s)`),
  });
  return done.articles;
}

async function submitThroughScanner(stack: BenchStack, seed: number, pages: number, source: string, log: LogFn): Promise<number> {
  let next = 0;
  const scanner = async () => {
    while (next < pages) {
      const page = generatePage(seed, next++);
      await submitPage(stack.nats, { source, date: page.date, page: page.page, text: page.text }, 60_000);
      if (next % 1000 === 0) log(`api load: ${next}/${pages} pages submitted`);
    }
  };
  await Promise.all(Array.from({ length: 8 }, scanner));
  return Number.NaN; // counted from the store afterwards
}

/** Adds generated articles until the store holds at least `target` (what is there already counts). */
export async function loadArticles(stack: BenchStack, target: number, seed: number, log: LogFn, maxSeconds: number, stallSeconds = 180): Promise<LoadResult | null> {
  const before = await storedArticleCount(stack);
  if (before >= target) return null;
  const pages = Math.ceil(((target - before) / AVERAGE_ARTICLES_PER_PAGE) * 1.05);
  const full = Boolean(stack.services.parser?.length);
  const source = `bench-load-${seed}-${Date.now().toString(36)}`;
  log(`api load: ${before} articles stored; adding about ${target - before} from ${pages} generated pages ${full ? 'through the scanner path' : 'as articles.enriched messages'}…`);
  const started = Date.now();
  if (full) await submitThroughScanner(stack, seed, pages, source, log);
  else await publishDirect(stack, seed, pages, source, log);
  const projectedSecondsLeft = await waitDrained(stack, log, stallSeconds, started + maxSeconds * 1000);
  const seconds = (Date.now() - started) / 1000;
  const articles = (await storedArticleCount(stack)) - before;
  log(`api load: ${articles} articles stored in ${seconds.toFixed(0)} s (${(articles / seconds).toFixed(0)} articles/s)`);
  return { path: full ? 'scanner' : 'articles.enriched', pages, articles, seconds, articlesPerSec: articles / seconds, complete: projectedSecondsLeft === null, projectedSecondsLeft };
}
