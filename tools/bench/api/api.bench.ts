// The API under load (autocannon, fixed request rates, latencies corrected for coordinated omission), each
// figure next to GET /health on the same server at the same rate in the same run: the ratio is the figure that
// travels between machines. Requests rotate over thousands of article ids, many people and many words, so no
// answer is served from a warm single-key path.
import autocannon from 'autocannon';
import { createApiClient } from '@baoxun/api-client/api-client';
import type { LogFn } from '../../infra/infra.types';
import { ACTIONS, GOALS, INDUSTRIES, TOPICS } from '../corpus/news.vocabulary';
import { generatePage } from '../corpus/page.generator';
import type { BenchStack } from '../e2e/bench-stack';
import { ProcessSampler, type ProcessUsage } from '../system/process.sampler';
import { type LoadResult, loadArticles, storedArticleCount } from './article.loader';

/** The cases of issue 12: by id; lists newest first (20 a page) and their next pages; text; facets. */
export const API_CASES = [
  'health',
  'article-by-id',
  'list-person',
  'list-person-next',
  'list-place-name',
  'list-place-code',
  'list-within',
  'list-organization',
  'list-campaign',
  'list-source',
  'list-date-range',
  'list-source-range',
  'text-rare',
  'text-common',
  'text-rare-person',
  'text-common-range',
  'facets-person',
  'facets-source-range',
] as const;
export type ApiCaseName = (typeof API_CASES)[number];

/** Target p99 of each kind of case (issue 12). */
export const API_TARGET_MS = { byId: 20, list: 300, text: 1_000, facets: 1_000 } as const;
export const targetOf = (name: ApiCaseName): number | null =>
  name === 'health' ? null : name === 'article-by-id' ? API_TARGET_MS.byId : name.startsWith('list-') ? API_TARGET_MS.list : name.startsWith('text-') ? API_TARGET_MS.text : API_TARGET_MS.facets;

export interface ApiCaseResult {
  name: ApiCaseName;
  /** Example of the requests sent. */
  example: string;
  /** Requests per second asked for; 0 in the closed-loop run (`connections` clients, each waiting for its answer). */
  targetRate: number;
  connections: number;
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
  /**
   * Seconds the api and the store stayed busy after the case ended, on requests its clients had given up on (an
   * overloaded case leaves a backlog); the next case starts only when they are idle, so it is not charged for it.
   */
  backlogSeconds: number;
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
  pools: { ids: number; people: number; words: number; places?: number; organizations?: number; campaigns?: number; cursors?: number };
  /** Clients of the closed-loop run (0: not run). */
  clients?: number;
  errors: string[];
}

export interface ApiOptions {
  stack: BenchStack;
  targetArticles: number;
  rates: number[];
  durationSeconds: number;
  connections: number;
  /** Concurrent clients of the closed-loop run, each sending its next request when the last one is answered (0: none). */
  clients: number;
  /** Longest the load may take; the reads then run on what is stored. */
  maxLoadSeconds: number;
  seed: number;
  log: LogFn;
}

interface SampledArticle {
  _id: string;
  page?: { source?: string; date?: string };
  entities?: {
    people?: Array<{ name?: string }>;
    places?: Array<{ name?: string; code?: string | null; parents?: Array<{ code?: string; name?: string }> }>;
    organizations?: Array<{ name?: string }>;
    campaigns?: Array<{ name?: string }>;
  };
}

export interface ApiPools {
  ids: string[];
  people: string[];
  placeNames: string[];
  placeCodes: string[];
  within: string[];
  organizations: string[];
  campaigns: string[];
  sources: string[];
  dates: string[];
}

/** The most frequent values first (so lists are long enough to page), at most `max`. */
function top(counts: Map<string, number>, max: number): string[] {
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, max).map(([value]) => value);
}

/**
 * What the requests rotate over, from the newest served articles in the store itself (the bench's own read,
 * not measured): ids, and the entities, places, divisions, sources and dates they mention.
 */
export async function collectPools(stack: BenchStack, wantIds: number, log: LogFn): Promise<ApiPools> {
  const docs = await stack.db
    .collection<SampledArticle>('articles')
    .find(
      { live: true },
      { projection: { _id: 1, 'page.source': 1, 'page.date': 1, 'entities.people.name': 1, 'entities.places.name': 1, 'entities.places.code': 1, 'entities.places.parents': 1, 'entities.organizations.name': 1, 'entities.campaigns.name': 1 } },
    )
    .sort({ sortKey: -1 })
    .limit(wantIds)
    .toArray();
  const counters = { people: new Map<string, number>(), placeNames: new Map<string, number>(), placeCodes: new Map<string, number>(), within: new Map<string, number>(), organizations: new Map<string, number>(), campaigns: new Map<string, number>(), sources: new Map<string, number>(), dates: new Map<string, number>() };
  const count = (map: Map<string, number>, value: string | null | undefined) => {
    if (value) map.set(value, (map.get(value) ?? 0) + 1);
  };
  for (const doc of docs) {
    count(counters.sources, doc.page?.source);
    count(counters.dates, doc.page?.date);
    for (const person of doc.entities?.people ?? []) count(counters.people, person.name);
    for (const place of doc.entities?.places ?? []) {
      count(counters.placeNames, place.name);
      count(counters.placeCodes, place.code);
      for (const parent of place.parents ?? []) count(counters.within, parent.name);
    }
    for (const org of doc.entities?.organizations ?? []) count(counters.organizations, org.name);
    for (const campaign of doc.entities?.campaigns ?? []) count(counters.campaigns, campaign.name);
  }
  const pools: ApiPools = {
    ids: docs.map((doc) => doc._id),
    people: top(counters.people, 500),
    placeNames: top(counters.placeNames, 200),
    placeCodes: top(counters.placeCodes, 200),
    within: top(counters.within, 50),
    organizations: top(counters.organizations, 300),
    campaigns: top(counters.campaigns, 100),
    sources: top(counters.sources, 20),
    dates: [...counters.dates.keys()].sort(),
  };
  log(`api: rotating over ${pools.ids.length} ids, ${pools.people.length} people, ${pools.placeNames.length} place names, ${pools.placeCodes.length} codes, ${pools.within.length} divisions, ${pools.organizations.length} organizations, ${pools.campaigns.length} campaigns, ${pools.sources.length} sources, ${pools.dates.length} dates`);
  return pools;
}

/**
 * Second pages: the nextCursor of each list's first page (each `/v1/articles?…` path), asked of the api with the
 * typed client (not measured), within a time budget.
 */
async function nextPagePaths(stack: BenchStack, firstPages: string[], budgetMs: number): Promise<string[]> {
  const api = createApiClient(stack.apiUrl, { timeoutMs: 30_000 });
  const paths: string[] = [];
  const deadline = Date.now() + budgetMs;
  for (const path of firstPages) {
    if (Date.now() > deadline) break;
    const { person, sort, limit } = Object.fromEntries(new URL(path, stack.apiUrl).searchParams);
    const { data } = await api.GET('/v1/articles', { params: { query: { person, sort: sort as '-date', limit: Number(limit) } } }).catch(() => ({ data: undefined }));
    if (data?.nextCursor) paths.push(`${path}&cursor=${encodeURIComponent(data.nextCursor)}`);
  }
  return paths;
}

/**
 * The search words split by how many generated pages hold them (the loaded corpus: same seed): the rarest
 * quarter and the most common quarter of those that occur at all.
 */
export function wordsByFrequency(seed: number, pages = 300): { rare: string[]; common: string[] } {
  const words = searchWords();
  const counts = new Map(words.map((word) => [word, 0]));
  for (let i = 0; i < pages; i++) {
    const text = generatePage(seed, i).text;
    for (const word of words) if (text.includes(word)) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  const present = words.filter((word) => (counts.get(word) ?? 0) > 0).sort((a, b) => (counts.get(a) ?? 0) - (counts.get(b) ?? 0));
  const quarter = Math.max(1, Math.floor(present.length / 4));
  return { rare: present.slice(0, quarter), common: present.slice(-quarter) };
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

const q = encodeURIComponent;

/** Below this many cores (api, FerretDB, PostgreSQL together) for a second, nothing is left over from a case. */
const IDLE_CORES = 0.15;
const MAX_DRAIN_MS = 120_000;

/** Waits until the watched processes are idle (or MAX_DRAIN_MS passed); returns the seconds it took. */
async function waitUntilIdle(processes: ConstructorParameters<typeof ProcessSampler>[0]): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < MAX_DRAIN_MS) {
    const sampler = new ProcessSampler(processes, 1_000).start();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const busy = sampler.stop().reduce((sum, usage) => sum + usage.cpuCores, 0);
    if (busy < IDLE_CORES) break;
  }
  return Math.max(0, (Date.now() - started) / 1000 - 1);
}

async function runCase(url: string, paths: () => string, rate: number, connections: number, seconds: number): Promise<autocannon.Result> {
  return autocannon({
    url,
    connections,
    duration: seconds,
    // 0: closed loop, each connection sends its next request when the last one is answered.
    ...(rate > 0 ? { overallRate: rate } : {}),
    timeout: 10,
    requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: paths() }) }],
  });
}

export async function runApiBench(options: ApiOptions, loadedBy: string): Promise<ApiSection> {
  const { stack, log } = options;
  const section: ApiSection = { storedArticles: 0, load: null, loadedBy, durationSeconds: options.durationSeconds, connections: options.connections, clients: options.clients, cases: [], pools: { ids: 0, people: 0, words: 0 }, backlogDropped: 0, errors: [] };
  // A store still behind on earlier work would not get through more: measure with what it has.
  if ((await waitingMessages(stack)) === 0) section.load = await loadArticles(stack, options.targetArticles, options.seed, log, options.maxLoadSeconds);
  else log('api: the store is still behind on the end-to-end run; not adding more articles');
  if (section.load) section.loadedBy = section.load.path === 'scanner' ? `${loadedBy}, topped up through the scanner path` : `generated pages parsed and tagged by the loader (tools/loader), published to the api's consumers`;
  section.backlogDropped = await dropBacklog(stack, log);
  section.storedArticles = await storedArticleCount(stack);
  const pools = await collectPools(stack, 5_000, log);
  if (pools.ids.length === 0) throw new Error('the store has no served articles');
  const words = wordsByFrequency(options.seed);
  const orDefault = (values: string[], fallback: string) => (values.length ? values : [fallback]);
  const people = orDefault(pools.people, '陈正明');
  const dates = orDefault(pools.dates, '2024-01-01');
  // Date ranges of about a month, newest first; a source with one of them.
  const ranges = dates.filter((_, i) => i % 7 === 0).map((from) => `from=${from}&to=${dates[Math.min(dates.length - 1, dates.indexOf(from) + 30)]}`);
  const source = orDefault(pools.sources, 'none');
  const list = (filter: string) => `/v1/articles?${filter}&sort=-date&limit=20`;
  const personPaths = people.map((name) => list(`person=${q(name)}`));
  const next = await nextPagePaths(stack, personPaths.slice(0, 100), 60_000);
  section.pools = { ids: pools.ids.length, people: people.length, words: words.rare.length + words.common.length, places: pools.placeNames.length, organizations: pools.organizations.length, campaigns: pools.campaigns.length, cursors: next.length };
  const rangeAt = (i: number) => ranges[i % ranges.length];
  const specs: Array<{ name: ApiCaseName; values: string[] }> = [
    { name: 'health', values: ['/health'] },
    { name: 'article-by-id', values: pools.ids.map((id) => `/v1/articles/${id}`) },
    { name: 'list-person', values: personPaths },
    { name: 'list-person-next', values: next.length ? next : personPaths },
    { name: 'list-place-name', values: orDefault(pools.placeNames, '株洲').map((name) => list(`place=${q(name)}`)) },
    { name: 'list-place-code', values: orDefault(pools.placeCodes, '430200').map((code) => list(`place=${code}`)) },
    { name: 'list-within', values: orDefault(pools.within, '株洲市').map((name) => list(`within=${q(name)}`)) },
    { name: 'list-organization', values: orDefault(pools.organizations, '株洲市委').map((name) => list(`organization=${q(name)}`)) },
    { name: 'list-campaign', values: orDefault(pools.campaigns, '三个高地').map((name) => list(`campaign=${q(name)}`)) },
    { name: 'list-source', values: source.map((name) => list(`source=${q(name)}`)) },
    { name: 'list-date-range', values: ranges.map((range) => list(range)) },
    { name: 'list-source-range', values: ranges.map((range, i) => list(`source=${q(source[i % source.length])}&${range}`)) },
    { name: 'text-rare', values: words.rare.map((word) => list(`q=${q(word)}`)) },
    { name: 'text-common', values: words.common.map((word) => list(`q=${q(word)}`)) },
    { name: 'text-rare-person', values: words.rare.flatMap((word, i) => people.slice(i, i + 5).map((name) => list(`q=${q(word)}&person=${q(name)}`))) },
    { name: 'text-common-range', values: words.common.map((word, i) => list(`q=${q(word)}&${rangeAt(i)}`)) },
    { name: 'facets-person', values: people.map((name) => list(`person=${q(name)}&facets=true`)) },
    { name: 'facets-source-range', values: ranges.map((range, i) => list(`source=${q(source[i % source.length])}&${range}&facets=true`)) },
  ];
  const api = stack.processes().filter((proc) => proc.name.startsWith('api') || proc.name.startsWith('ferretdb') || proc.name.startsWith('postgres'));
  const modes: Array<{ rate: number; connections: number }> = [...options.rates.map((rate) => ({ rate, connections: options.connections })), ...(options.clients > 0 ? [{ rate: 0, connections: options.clients }] : [])];
  for (const mode of modes) {
    let healthP99: number | null = null;
    for (const spec of specs) {
      const paths = rotate(spec.values);
      // A short warm-up in the same mode, not recorded.
      await runCase(stack.apiUrl, paths, mode.rate, mode.connections, 2);
      await waitUntilIdle(api);
      const sampler = new ProcessSampler(api, 500).start();
      const result = await runCase(stack.apiUrl, paths, mode.rate, mode.connections, options.durationSeconds);
      const usage: ProcessUsage[] = sampler.stop();
      const backlogSeconds = await waitUntilIdle(api);
      const completed = result.requests.total > 0;
      if (spec.name === 'health') healthP99 = completed ? result.latency.p99 : null;
      const entry: ApiCaseResult = {
        name: spec.name,
        example: decodeURIComponent(spec.values[0]),
        targetRate: mode.rate,
        connections: mode.connections,
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
        backlogSeconds,
      };
      section.cases.push(entry);
      log(`api: ${spec.name} ${mode.rate ? `at ${mode.rate}/s` : `with ${mode.connections} clients`}: p50 ${entry.latencyMs.p50} ms, p99 ${entry.latencyMs.p99} ms, ${entry.achievedRate.toFixed(0)} req/s, ${entry.non2xx} non-2xx${backlogSeconds >= 1 ? `, ${backlogSeconds.toFixed(0)} s of backlog after it` : ''}`);
    }
  }
  return section;
}
