// End to end through NATS and the store: pages submitted as a scanner does (NATS request on pages.submit),
// the time until the last one is queryable, pages/s and articles/s, publish-to-queryable latency at a steady
// lighter rate, per-stage consumer lag over time, and CPU and memory of every process.
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { findRepoRoot } from '../../infra/repo-root.util';
import type { LogFn } from '../../infra/infra.types';
import { submitPage } from '../../scanner/submit-page';
import { generatePage, type GeneratedPage } from '../corpus/page.generator';
import { readProfiles, summarizeProfile, type ProfileSummary } from '../profile/cpu-profile.summary';
import { type Distribution, distributionOf } from '../stats/percentile.util';
import { ProcessSampler, type ProcessUsage } from '../system/process.sampler';
import { type BenchStack, startBenchStack } from './bench-stack';
import { ConsumerLagMonitor, type ConsumerTotals, type LagPoint } from './consumer-lag.monitor';

const WORK_STREAMS = ['BAOXUN_PAGES', 'BAOXUN_ARTICLES'];

interface Submitted {
  pageId?: string;
  /** Date.now() when the request was sent. */
  sentAt: number;
  replyMs: number;
  ok: boolean;
  duplicate: boolean;
  error?: string;
}

export interface ThroughputResult {
  label: string;
  replicas: number;
  pages: number;
  scanners: number;
  accepted: number;
  rejected: number;
  firstError?: string;
  /** Time to submit every page (ingest replied for all). */
  submitSeconds: number;
  replyMs: Distribution;
  completed: boolean;
  storedPages: number;
  /** Articles of the stored pages (queryable). */
  articles: number;
  /** Articles the enricher published (all of them once the run is complete). */
  enriched: number;
  storedArticles: number | null;
  /** From the first submission to the last page queryable (status stored). */
  lastQueryableSeconds: number;
  pagesPerSec: number;
  articlesPerSec: number;
  deadLetters: number;
  consumers: ConsumerTotals[];
  lag: LagPoint[];
  processes: ProcessUsage[];
  /** CPU milliseconds per submitted page, per process (each page passes every stage once). */
  cpuMsPerPage: Record<string, number>;
  profiles?: Record<string, ProfileSummary>;
}

export interface LatencyResult {
  label: string;
  ratePerSec: number;
  seconds: number;
  pages: number;
  completed: boolean;
  /** Publish (request sent) to queryable (storedAt in the store, the write that makes GET /v1/pages/:id say stored). */
  latencyMs: Distribution;
  replyMs: Distribution;
  consumers: ConsumerTotals[];
  processes: ProcessUsage[];
}

export interface E2eSection {
  throughput: ThroughputResult[];
  latency: LatencyResult[];
  errors: Array<{ scenario: string; error: string }>;
}

export interface E2eOptions {
  seed: number;
  /** Throughput runs: pages and replicas of parser and enricher. */
  runs: Array<{ label: string; pages: number; replicas: number; latency?: { ratePerSec: number; seconds: number } }>;
  scanners: number;
  stallSeconds: number;
  /** Longest a run may take from its first submission (then it is reported as incomplete). */
  maxRunSeconds: (pages: number) => number;
  profile: boolean;
  /** Keep the stack of this run alive for the API benchmark (it has the most stored articles). */
  keepStackOf?: string;
  /** Extra environment for every service. */
  env?: Record<string, string>;
  log: LogFn;
}

const downsample = <T>(items: T[], max: number): T[] => (items.length <= max ? items : items.filter((_, i) => i % Math.ceil(items.length / max) === 0 || i === items.length - 1));

async function submitAll(stack: BenchStack, pages: readonly GeneratedPage[], source: string, scanners: number): Promise<Submitted[]> {
  const results: Submitted[] = new Array(pages.length);
  let next = 0;
  const scanner = async () => {
    while (next < pages.length) {
      const index = next++;
      const page = pages[index];
      const sentAt = Date.now();
      const started = performance.now();
      try {
        const reply = await submitPage(stack.nats, { source, date: page.date, page: page.page, text: page.text }, 60_000);
        results[index] = reply.ok
          ? { pageId: reply.pageId, sentAt, replyMs: performance.now() - started, ok: true, duplicate: reply.duplicate }
          : { sentAt, replyMs: performance.now() - started, ok: false, duplicate: false, error: reply.error };
      } catch (error) {
        results[index] = { sentAt, replyMs: performance.now() - started, ok: false, duplicate: false, error: String(error) };
      }
    }
  };
  await Promise.all(Array.from({ length: scanners }, scanner));
  return results;
}

interface StoredInfo {
  stored: number;
  storedAt: Map<string, number>;
  /** Articles of the stored pages (what a reader can get). */
  articles: number;
}

type PageDoc = { _id: string; status?: string; storedAt?: Date | null; live?: { storedAt?: Date; articleIds?: string[] } | null; parsed?: { articleIds?: string[] } | null };

async function storedPages(stack: BenchStack, ids: readonly string[]): Promise<StoredInfo> {
  const docs = await stack.db
    .collection<PageDoc>('pages')
    .find({ _id: { $in: [...ids] } }, { projection: { status: 1, storedAt: 1, 'live.storedAt': 1, 'live.articleIds': 1, 'parsed.articleIds': 1 } })
    .toArray();
  const storedAt = new Map<string, number>();
  let articles = 0;
  for (const doc of docs) {
    const at = doc.storedAt ?? doc.live?.storedAt;
    if (doc.status !== 'stored' || !at) continue;
    storedAt.set(doc._id, new Date(at).getTime());
    articles += (doc.live?.articleIds ?? doc.parsed?.articleIds ?? []).length;
  }
  return { stored: storedAt.size, storedAt, articles };
}

async function subjectCount(stack: BenchStack, stream: string, subject: string): Promise<number> {
  const info = await stack.jsm.streams.info(stream, { subjects_filter: subject }).catch(() => null);
  return info?.state.subjects?.[subject] ?? 0;
}

async function deadLetterCount(stack: BenchStack): Promise<number> {
  const info = await stack.jsm.streams.info('BAOXUN_DLQ').catch(() => null);
  return info?.state.messages ?? 0;
}

/** Waits until every consumer has no lag, the parser summarized every page and the store has them all stored. */
async function waitQueryable(stack: BenchStack, monitor: ConsumerLagMonitor, ids: readonly string[], parsedBefore: number, limits: { stallSeconds: number; deadline: number }, log: LogFn): Promise<boolean> {
  const { stallSeconds, deadline } = limits;
  let lastProgress = Date.now();
  let lastSignature = '';
  let lastLog = 0;
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const point = await monitor.sample();
    if (!point) continue;
    const lagTotal = Object.values(point.lag).reduce((a, b) => a + b, 0);
    const parsed = (await subjectCount(stack, 'BAOXUN_PAGES', 'pages.parsed')) - parsedBefore;
    const signature = JSON.stringify([point.lag, parsed]);
    if (signature !== lastSignature) {
      lastSignature = signature;
      lastProgress = Date.now();
    }
    if (Date.now() - lastLog > 10_000) {
      lastLog = Date.now();
      log(`${stack.label}: ${parsed}/${ids.length} pages parsed, lag ${Object.entries(point.lag).map(([name, lag]) => `${name}=${lag}`).join(' ')}`);
    }
    if (lagTotal === 0 && parsed >= ids.length) {
      const { stored } = await storedPages(stack, ids);
      if (stored >= ids.length) return true;
    }
    if (Date.now() - lastProgress > stallSeconds * 1000) {
      log(`${stack.label}: no progress for ${stallSeconds} s; giving up on the rest`);
      return false;
    }
    if (Date.now() > deadline) {
      log(`${stack.label}: the run's time limit has passed; reporting what is stored so far`);
      return false;
    }
    // Far too slow to finish in time: say so now instead of waiting out the limit.
    const left = monitor.projectedSecondsLeft();
    if (left !== null && left > 3 * ((deadline - Date.now()) / 1000) && left > 60) {
      log(`${stack.label}: at the current rate the backlog needs about ${Math.round(left)} s more, well past the run's limit; reporting what is stored so far`);
      return false;
    }
  }
}

function cpuPerPage(processes: ProcessUsage[], pages: number): Record<string, number> {
  return Object.fromEntries(processes.map((proc) => [proc.name, pages > 0 ? (proc.cpuSeconds * 1000) / pages : Number.NaN]));
}

const slimProcesses = (processes: ProcessUsage[]): ProcessUsage[] => processes.map((proc) => ({ ...proc, samples: downsample(proc.samples, 120) }));

async function throughputRun(stack: BenchStack, run: E2eOptions['runs'][number], options: E2eOptions, runId: string): Promise<ThroughputResult> {
  options.log(`${run.label}: generating ${run.pages} pages…`);
  const pages = Array.from({ length: run.pages }, (_, i) => generatePage(options.seed, i));
  const source = `bench-${runId}-${run.label}`;
  const parsedBefore = await subjectCount(stack, 'BAOXUN_PAGES', 'pages.parsed');
  const articlesBefore = await subjectCount(stack, 'BAOXUN_ARTICLES', 'articles.enriched');
  const monitor = new ConsumerLagMonitor(stack.jsm, WORK_STREAMS).start();
  const sampler = new ProcessSampler(stack.processes()).start();
  options.log(`${run.label}: submitting ${run.pages} pages with ${options.scanners} scanners in parallel…`);
  const started = Date.now();
  const submitted = await submitAll(stack, pages, source, options.scanners);
  const submitSeconds = (Date.now() - started) / 1000;
  const accepted = submitted.filter((s) => s.ok && !s.duplicate);
  const ids = accepted.map((s) => s.pageId as string);
  options.log(`${run.label}: ${accepted.length} accepted in ${submitSeconds.toFixed(1)} s; waiting until the last is queryable…`);
  const completed = await waitQueryable(stack, monitor, ids, parsedBefore, { stallSeconds: options.stallSeconds, deadline: started + options.maxRunSeconds(run.pages) * 1000 }, options.log);
  const processes = sampler.stop();
  const consumers = monitor.stop();
  const { stored, storedAt, articles } = await storedPages(stack, ids);
  const last = storedAt.size ? Math.max(...storedAt.values()) : Date.now();
  const lastQueryableSeconds = (last - started) / 1000;
  const enriched = (await subjectCount(stack, 'BAOXUN_ARTICLES', 'articles.enriched')) - articlesBefore;
  const storedArticles = await stack.db
    .collection('articles')
    .estimatedDocumentCount()
    .catch(() => null);
  const result: ThroughputResult = {
    label: run.label,
    replicas: run.replicas,
    pages: run.pages,
    scanners: options.scanners,
    accepted: accepted.length,
    rejected: submitted.filter((s) => !s.ok).length,
    firstError: submitted.find((s) => !s.ok)?.error,
    submitSeconds,
    replyMs: distributionOf(submitted.map((s) => s.replyMs)),
    completed,
    storedPages: stored,
    articles,
    enriched,
    storedArticles,
    lastQueryableSeconds,
    pagesPerSec: stored / lastQueryableSeconds,
    articlesPerSec: articles / lastQueryableSeconds,
    deadLetters: await deadLetterCount(stack),
    consumers,
    lag: downsample(monitor.points, 150),
    processes: slimProcesses(processes),
    cpuMsPerPage: cpuPerPage(processes, accepted.length),
  };
  options.log(`${run.label}: ${stored}/${accepted.length} pages stored in ${lastQueryableSeconds.toFixed(1)} s = ${result.pagesPerSec.toFixed(1)} pages/s, ${result.articlesPerSec.toFixed(0)} articles/s`);
  return result;
}

async function latencyRun(stack: BenchStack, label: string, spec: { ratePerSec: number; seconds: number }, options: E2eOptions, runId: string, offset: number): Promise<LatencyResult> {
  const count = Math.max(1, Math.round(spec.ratePerSec * spec.seconds));
  const pages = Array.from({ length: count }, (_, i) => generatePage(options.seed, offset + i));
  const source = `bench-${runId}-${label}`;
  const parsedBefore = await subjectCount(stack, 'BAOXUN_PAGES', 'pages.parsed');
  options.log(`${label}: ${count} pages at ${spec.ratePerSec} pages/s (open loop)…`);
  const monitor = new ConsumerLagMonitor(stack.jsm, WORK_STREAMS).start();
  const sampler = new ProcessSampler(stack.processes()).start();
  const started = performance.now();
  const inFlight: Array<Promise<Submitted>> = [];
  for (let i = 0; i < count; i++) {
    const due = started + (i * 1000) / spec.ratePerSec;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const page = pages[i];
    const sentAt = Date.now();
    const t = performance.now();
    inFlight.push(
      submitPage(stack.nats, { source, date: page.date, page: page.page, text: page.text }, 60_000).then(
        (reply): Submitted => (reply.ok ? { pageId: reply.pageId, sentAt, replyMs: performance.now() - t, ok: true, duplicate: reply.duplicate } : { sentAt, replyMs: performance.now() - t, ok: false, duplicate: false, error: reply.error }),
        (error): Submitted => ({ sentAt, replyMs: performance.now() - t, ok: false, duplicate: false, error: String(error) }),
      ),
    );
  }
  const submitted = await Promise.all(inFlight);
  const accepted = submitted.filter((s) => s.ok && !s.duplicate);
  const ids = accepted.map((s) => s.pageId as string);
  const completed = await waitQueryable(stack, monitor, ids, parsedBefore, { stallSeconds: options.stallSeconds, deadline: Date.now() + options.maxRunSeconds(count) * 1000 }, options.log);
  const processes = sampler.stop();
  const consumers = monitor.stop();
  const { storedAt } = await storedPages(stack, ids);
  const latencies = accepted.filter((s) => storedAt.has(s.pageId as string)).map((s) => (storedAt.get(s.pageId as string) as number) - s.sentAt);
  const result: LatencyResult = {
    label,
    ratePerSec: spec.ratePerSec,
    seconds: spec.seconds,
    pages: accepted.length,
    completed,
    latencyMs: distributionOf(latencies),
    replyMs: distributionOf(submitted.map((s) => s.replyMs)),
    consumers,
    processes: slimProcesses(processes),
  };
  options.log(`${label}: publish-to-queryable p50 ${result.latencyMs.p50} ms, p99 ${result.latencyMs.p99} ms`);
  return result;
}

/** Attributes each .cpuprofile (named service.<pid>.cpuprofile) to its service. */
function serviceProfiles(dir: string, names: Map<number, string>): Record<string, ProfileSummary> {
  const out: Record<string, ProfileSummary> = {};
  for (const { file, profile } of readProfiles(dir)) {
    const pid = Number(/\.(\d+)\.cpuprofile$/.exec(file)?.[1]);
    out[names.get(pid) ?? file] = summarizeProfile(profile, findRepoRoot(), 15);
  }
  return out;
}

export async function runE2eBench(options: E2eOptions): Promise<{ section: E2eSection; kept?: BenchStack }> {
  const section: E2eSection = { throughput: [], latency: [], errors: [] };
  const runId = randomBytes(3).toString('hex');
  let kept: BenchStack | undefined;
  for (const run of options.runs) {
    const profileDir = options.profile ? join(tmpdir(), `baoxun-bench-profiles-${runId}-${run.label}`) : undefined;
    let stack: BenchStack | undefined;
    let result: ThroughputResult | undefined;
    try {
      stack = await startBenchStack({ label: run.label, replicas: run.replicas, env: options.env, cpuProfileDir: profileDir, log: options.log });
      if (run.pages > 0) {
        result = await throughputRun(stack, run, options, runId);
        section.throughput.push(result);
      }
      if (run.latency) section.latency.push(await latencyRun(stack, run.label, run.latency, options, runId, run.pages));
    } catch (error) {
      section.errors.push({ scenario: run.label, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      options.log(`${run.label} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (stack && run.label === options.keepStackOf && !profileDir) {
      kept = stack;
      continue;
    }
    if (stack) {
      const names = new Map(stack.processes().map((proc) => [proc.pid, proc.name]));
      await stack.stop();
      if (profileDir && result) result.profiles = serviceProfiles(profileDir, names);
      if (profileDir) rmSync(profileDir, { recursive: true, force: true });
    }
  }
  return { section, kept };
}
