// The API under load (autocannon, fixed request rates, latencies corrected for coordinated omission), each
// figure next to GET /health on the same server at the same rate in the same run: the ratio is the figure that
// travels between machines. Requests rotate over thousands of article ids, many people and many words, so no
// answer is served from a warm single-key path.
import autocannon from 'autocannon';
import type { LogFn } from '../../infra/infra.types';
import { ACTIONS, GOALS, INDUSTRIES, TOPICS } from '../corpus/news.vocabulary';
import type { BenchStack } from '../e2e/bench-stack';
import { ProcessSampler, type ProcessUsage } from '../system/process.sampler';
import { type LoadResult, loadArticles, storedArticleCount } from './article.loader';

export const API_CASES = ['health', 'article-by-id', 'list-person', 'text-query'] as const;
export type ApiCaseName = (typeof API_CASES)[number];

export interface ApiCaseResult {
  name: ApiCaseName;
  /** Example of the requests sent. */
  example: string;
  targetRate: number;
  achievedRate: number;
  requests: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number; mean: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  /** p99 of this case / p99 of GET /health at the same rate. */
  p99VsHealth: number | null;
  /** CPU cores used by the api and the store while the case ran. */
  cpu: Record<string, number>;
}

export interface ApiSection {
  storedArticles: number;
  load: LoadResult | null;
  /** Where the stored articles came from. */
  loadedBy: string;
  durationSeconds: number;
  connections: number;
  cases: ApiCaseResult[];
  /** Messages still waiting when loading stopped, dropped (streams purged) so that the reads run on a quiet store. */
  backlogDropped: number;
  /** Distinct values the requests rotate over. */
  pools: { ids: number; people: number; words: number };
  errors: string[];
}

export interface ApiOptions {
  stack: BenchStack;
  targetArticles: number;
  rates: number[];
  durationSeconds: number;
  connections: number;
  /** Longest the load may take; the reads then run on what is stored. */
  maxLoadSeconds: number;
  seed: number;
  log: LogFn;
}

interface Listing {
  items?: Array<Record<string, unknown>>;
  nextCursor?: string | null;
}

async function getJson<T>(url: string): Promise<{ status: number; body: T }> {
  const response = await fetch(url, { signal: AbortSignal.timeout(30_000) });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON
  }
  return { status: response.status, body: body as T };
}

/** Every person name found anywhere in a JSON value (entities.people[].name). */
function peopleIn(value: unknown, out: Map<string, number>): void {
  if (Array.isArray(value)) {
    for (const item of value) peopleIn(item, out);
    return;
  }
  if (!value || typeof value !== 'object') return;
  for (const [key, child] of Object.entries(value)) {
    if (key === 'people' && Array.isArray(child)) {
      for (const person of child) {
        const name = (person as { name?: unknown })?.name;
        if (typeof name === 'string') out.set(name, (out.get(name) ?? 0) + 1);
      }
    } else peopleIn(child, out);
  }
}

/** Article ids (by paging through the list) and people names (from the articles) to rotate requests over. */
async function collectPools(stack: BenchStack, wantIds: number, log: LogFn): Promise<{ ids: string[]; people: string[] }> {
  const ids: string[] = [];
  const people = new Map<string, number>();
  try {
    for (const sort of ['date', '-date']) {
      let cursor: string | null | undefined;
      while (ids.length < wantIds * (sort === 'date' ? 0.5 : 1)) {
        const { status, body }: { status: number; body: Listing } = await getJson<Listing>(`${stack.apiUrl}/v1/articles?limit=100&sort=${sort}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
        if (status !== 200) throw new Error(`GET /v1/articles answered ${status}: ${JSON.stringify(body).slice(0, 200)}`);
        for (const item of body.items ?? []) if (typeof item.id === 'string') ids.push(item.id);
        peopleIn(body.items, people);
        cursor = body.nextCursor;
        if (!cursor) break;
      }
    }
  } catch (error) {
    // The list itself may be too slow for the api's query timeout: take the ids from the store (not measured).
    log(`api: ${error instanceof Error ? error.message : String(error)}; taking article ids from the store instead`);
    const docs = await stack.db
      .collection<{ _id: string; entities?: unknown }>('articles')
      .find({ live: true }, { projection: { _id: 1, 'entities.people.name': 1 } })
      .limit(wantIds)
      .toArray();
    for (const doc of docs) ids.push(doc._id);
    peopleIn(docs, people);
  }
  if (people.size < 20) {
    for (const id of ids.slice(0, 200)) peopleIn((await getJson<unknown>(`${stack.apiUrl}/v1/articles/${id}`)).body, people);
  }
  const unique = [...new Set(ids)];
  log(`api: rotating over ${unique.length} article ids and ${people.size} people`);
  return { ids: unique, people: [...people.entries()].sort((a, b) => b[1] - a[1]).slice(0, 500).map(([name]) => name) };
}

/** Words a reader would search for, all present in the generated pages (and in real city dailies). */
export function searchWords(): string[] {
  const words = new Set<string>([...TOPICS, ...INDUSTRIES, ...GOALS]);
  for (const action of ACTIONS) words.add(action.slice(-4));
  return [...words].filter((word) => word.length >= 2);
}

/** Purges the work streams of this private stack if messages are still waiting, and lets in-flight work end. */
async function waitingMessages(stack: BenchStack): Promise<number> {
  let waiting = 0;
  for (const name of ['BAOXUN_PAGES', 'BAOXUN_ARTICLES']) {
    for await (const info of stack.jsm.consumers.list(name)) waiting += info.num_pending + info.num_ack_pending;
  }
  return waiting;
}

async function dropBacklog(stack: BenchStack, log: LogFn): Promise<number> {
  const waiting = await waitingMessages(stack);
  if (waiting === 0) return 0;
  log(`api: ${waiting} messages still waiting; purging the work streams so that the reads run on a quiet store`);
  for (const name of ['BAOXUN_PAGES', 'BAOXUN_ARTICLES']) await stack.jsm.streams.purge(name).catch(() => undefined);
  // Work already handed out still finishes: wait (up to 2 minutes) until the api and the store are idle.
  const busy = stack.processes().filter((proc) => proc.name.startsWith('api') || proc.name.startsWith('ferretdb') || proc.name.startsWith('postgres'));
  for (let i = 0; i < 60; i++) {
    const sampler = new ProcessSampler(busy, 1_000).start();
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const cores = sampler
      .stop()
      .filter((usage) => usage.pid !== 0)
      .reduce((sum, usage) => sum + usage.cpuCores, 0);
    if (cores < 0.15) break;
  }
  return waiting;
}

function rotate(values: readonly string[]): () => string {
  let i = 0;
  return () => values[i++ % values.length];
}

async function runCase(url: string, paths: () => string, rate: number, options: ApiOptions): Promise<autocannon.Result> {
  return autocannon({
    url,
    connections: options.connections,
    duration: options.durationSeconds,
    overallRate: rate,
    timeout: 10,
    requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: paths() }) }],
  });
}

export async function runApiBench(options: ApiOptions, loadedBy: string): Promise<ApiSection> {
  const { stack, log } = options;
  const section: ApiSection = { storedArticles: 0, load: null, loadedBy, durationSeconds: options.durationSeconds, connections: options.connections, cases: [], pools: { ids: 0, people: 0, words: 0 }, backlogDropped: 0, errors: [] };
  // A store still behind on earlier work would not get through more: measure with what it has.
  if ((await waitingMessages(stack)) === 0) section.load = await loadArticles(stack, options.targetArticles, options.seed, log, options.maxLoadSeconds);
  else log('api: the store is still behind on the end-to-end run; not adding more articles');
  if (section.load) section.loadedBy = section.load.path === 'scanner' ? `${loadedBy}, topped up through the scanner path` : `pages.received + pages.parsed + articles.enriched published to the api's consumers (parsed and tagged by the bench)`;
  section.backlogDropped = await dropBacklog(stack, log);
  section.storedArticles = await storedArticleCount(stack);
  const { ids, people } = await collectPools(stack, 5_000, log);
  const words = searchWords();
  section.pools = { ids: ids.length, people: people.length, words: words.length };
  if (ids.length === 0) throw new Error('the api lists no articles');
  const byId = rotate(ids.map((id) => `/v1/articles/${id}`));
  const byPerson = rotate((people.length ? people : ['陈正明']).map((name) => `/v1/articles?person=${encodeURIComponent(name)}`));
  const byText = rotate(words.map((word) => `/v1/articles?q=${encodeURIComponent(word)}`));
  const health = () => '/health';
  const cases: Array<{ name: ApiCaseName; paths: () => string; example: string }> = [
    { name: 'health', paths: health, example: '/health' },
    { name: 'article-by-id', paths: byId, example: `/v1/articles/${ids[0]}` },
    { name: 'list-person', paths: byPerson, example: `/v1/articles?person=${people[0] ?? '陈正明'}` },
    { name: 'text-query', paths: byText, example: `/v1/articles?q=${words[0]}` },
  ];
  const api = stack.processes().filter((proc) => proc.name.startsWith('api') || proc.name.startsWith('ferretdb') || proc.name.startsWith('postgres'));
  for (const rate of options.rates) {
    let healthP99: number | null = null;
    for (const spec of cases) {
      // A short warm-up at the same rate, not recorded.
      await runCase(stack.apiUrl, spec.paths, rate, { ...options, durationSeconds: 2 });
      const sampler = new ProcessSampler(api, 500).start();
      const result = await runCase(stack.apiUrl, spec.paths, rate, options);
      const usage: ProcessUsage[] = sampler.stop();
      const completed = result.requests.total > 0;
      if (spec.name === 'health') healthP99 = completed ? result.latency.p99 : null;
      const entry: ApiCaseResult = {
        name: spec.name,
        example: spec.example,
        targetRate: rate,
        achievedRate: result.requests.total / result.duration,
        requests: result.requests.total,
        // Nothing completed within the run: no latency to report (not 0 ms).
        latencyMs: completed
          ? { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max, mean: result.latency.mean }
          : { p50: Number.NaN, p90: Number.NaN, p99: Number.NaN, max: Number.NaN, mean: Number.NaN },
        non2xx: result.non2xx,
        errors: result.errors,
        timeouts: result.timeouts,
        p99VsHealth: healthP99 && completed && spec.name !== 'health' ? result.latency.p99 / healthP99 : null,
        cpu: Object.fromEntries(usage.map((proc) => [proc.name, proc.cpuCores])),
      };
      section.cases.push(entry);
      log(`api: ${spec.name} at ${rate}/s: p50 ${entry.latencyMs.p50} ms, p99 ${entry.latencyMs.p99} ms, ${entry.achievedRate.toFixed(0)} req/s, ${entry.non2xx} non-2xx`);
    }
  }
  return section;
}
