// The JSON report (tools/bench/reports/latest.json) and the targets of issue 6 checked against it.
import { cpus, release, totalmem } from 'node:os';
import { API_TARGET_MS, type ApiSection, targetOf } from '../api/api.bench';
import type { E2eSection, ThroughputResult } from '../e2e/e2e.bench';
import type { OfflineSection } from '../offline/offline.bench';
import type { ProcessUsage } from '../system/process.sampler';
import type { TransportSection } from '../transport/transport.bench';

export interface Machine {
  cpu: string;
  cores: number;
  memoryGb: number;
  node: string;
  kernel: string;
}

export interface TargetCheck {
  target: string;
  figure: string;
  /** true met, false missed, null not measured in this run. */
  met: boolean | null;
}

export interface BenchReport {
  schema: 1;
  date: string;
  machine: Machine;
  commit: string | null;
  command: string;
  durationSeconds: number;
  offline?: OfflineSection;
  transport?: TransportSection;
  e2e?: E2eSection;
  api?: ApiSection;
  targets: TargetCheck[];
}

export function machineOf(): Machine {
  const list = cpus();
  return { cpu: list[0]?.model.trim() ?? 'unknown', cores: list.length, memoryGb: Math.round((totalmem() / 1024 ** 3) * 10) / 10, node: process.version, kernel: release() };
}

/** RSS growth from the middle of the run to its end, as a share of the RSS at the middle (flat ≈ 0). */
export function rssGrowthSecondHalf(usage: ProcessUsage): number {
  const samples = usage.samples;
  if (samples.length < 4) return Number.NaN;
  const end = samples[samples.length - 1];
  const mid = samples.reduce((best, s) => (Math.abs(s.t - end.t / 2) < Math.abs(best.t - end.t / 2) ? s : best), samples[0]);
  return (end.rssMb - mid.rssMb) / mid.rssMb;
}

export const SERVICE_PREFIXES = ['ingest', 'parser', 'enricher', 'api'];
export const isService = (name: string): boolean => SERVICE_PREFIXES.some((prefix) => name === prefix || name.startsWith(`${prefix}#`));

/** The largest completed single-replica run: the sustained figure. */
export function largestRun(e2e: E2eSection | undefined): ThroughputResult | undefined {
  return e2e?.throughput.filter((run) => run.replicas === 1).sort((a, b) => b.pages - a.pages)[0];
}

const fmt = (value: number, digits = 1): string => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');

export function checkTargets(report: Omit<BenchReport, 'targets'>): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const offline = report.offline?.results ?? [];
  const both = offline.find((r) => r.kind === 'both' && r.input === 'corpus');
  const bothSample = offline.find((r) => r.kind === 'both' && r.input === 'sample');
  checks.push({
    target: 'offline parse + enrich >= 100 pages/s of the sample size on one core',
    figure: both ? `${fmt(both.pagesPerSec)} pages/s on the corpus, ${fmt(bothSample?.pagesPerSec ?? Number.NaN)} on the sample` : 'not measured',
    met: both ? both.pagesPerSec >= 100 && (bothSample?.pagesPerSec ?? Infinity) >= 100 : null,
  });
  const bothModel = offline.find((r) => r.kind === 'both-model' && r.input === 'corpus');
  const perCore = bothModel ? bothModel.pages / (bothModel.seconds * bothModel.cpuPerWall) : Number.NaN;
  checks.push({
    target: 'offline parse + tag with the sequence model >= 10 pages/s per core',
    figure: bothModel
      ? `${fmt(perCore)} pages/s per CPU-second (${fmt(bothModel.pagesPerSec)} pages/s wall) on the corpus, the model ${fmt((((bothModel.model?.encoderSeconds ?? 0) + (bothModel.model?.decoderSeconds ?? 0)) / bothModel.seconds) * 100, 0)}% of the time`
      : 'not measured',
    met: bothModel ? perCore >= 10 : null,
  });
  const tag = offline.find((r) => r.kind === 'tag' && r.input === 'corpus');
  const segment = offline.find((r) => r.kind === 'segment' && r.input === 'corpus');
  checks.push({
    target: 'tagging >= 1 M characters/s per core (next to the segmenter alone)',
    figure: tag ? `${fmt(tag.charsPerSec / 1e6, 2)} M chars/s (jieba cut alone ${fmt((segment?.charsPerSec ?? Number.NaN) / 1e6, 2)} M chars/s)` : 'not measured',
    met: tag ? tag.charsPerSec >= 1e6 : null,
  });
  const large = largestRun(report.e2e);
  checks.push({
    target: 'end to end >= 50 pages/s sustained (all services, broker and store on this machine)',
    figure: large ? `${fmt(large.pagesPerSec, 2)} pages/s over ${large.pages} pages${large.completed ? '' : ` (incomplete: ${large.storedPages} stored)`}` : 'not measured',
    met: large ? large.completed && large.pagesPerSec >= 50 : null,
  });
  const latency = report.e2e?.latency[0];
  checks.push({
    target: 'p50 publish-to-queryable < 250 ms at 10 pages/s',
    figure: latency ? `p50 ${fmt(latency.latencyMs.p50, 0)} ms, p99 ${fmt(latency.latencyMs.p99, 0)} ms at ${latency.ratePerSec} pages/s` : 'not measured',
    met: latency ? latency.completed && latency.latencyMs.p50 < 250 : null,
  });
  const services = (large?.processes ?? []).filter((proc) => isService(proc.name));
  const growth = services.map((proc) => ({ name: proc.name, growth: rssGrowthSecondHalf(proc) }));
  const flat = growth.length > 0 && growth.every((g) => Number.isFinite(g.growth) && g.growth < 0.1);
  checks.push({
    target: `memory of each service flat over the ${large?.pages ?? 10000}-page run (RSS growth in the second half < 10%)`,
    figure: growth.length
      ? `${growth.map((g) => `${g.name} ${g.growth >= 0 ? '+' : ''}${fmt(g.growth * 100, 0)}%`).join(', ')}${large?.completed ? '' : ` (run incomplete: the api stored ${large?.storedPages} pages, so its figure proves nothing)`}`
      : 'not measured',
    // An incomplete run cannot show the api flat; the other services did handle every page.
    met: growth.length ? (flat && !large?.completed ? null : flat) : null,
  });
  // Issue 12's targets, each case at the highest fixed rate and with the closed-loop clients: the worst p99 of each kind.
  const api = report.api?.cases ?? [];
  const topRate = Math.max(0, ...api.map((c) => c.targetRate));
  const apiTarget = (kind: string, limitMs: number, label: string) => {
    const entries = api.filter((c) => c.name !== 'health' && targetOf(c.name) === limitMs && c.name.startsWith(kind) && (c.targetRate === topRate || c.targetRate === 0));
    const worst = [...entries].sort((a, b) => (Number.isNaN(b.latencyMs.p99) ? Infinity : b.latencyMs.p99) - (Number.isNaN(a.latencyMs.p99) ? Infinity : a.latencyMs.p99))[0];
    const mode = (c: (typeof api)[number]) => (c.targetRate ? `${c.targetRate}/s` : `${c.connections} clients`);
    checks.push({
      target: `${label} p99 < ${limitMs} ms at ${topRate || 1000} requests/s and with ${report.api?.clients ?? 8} clients`,
      figure: worst
        ? worst.requests === 0
          ? `${worst.name} (${mode(worst)}): no request completed within ${report.api?.durationSeconds} s`
          : `worst ${worst.name} (${mode(worst)}): p99 ${fmt(worst.latencyMs.p99, 0)} ms, ${fmt(worst.achievedRate, 0)} req/s achieved, ${worst.non2xx} non-2xx; ${entries.filter((c) => c.requests > 0 && c.latencyMs.p99 < limitMs && c.non2xx === 0).length}/${entries.length} cases met`
        : 'not measured',
      met: entries.length ? entries.every((c) => c.requests > 0 && c.latencyMs.p99 < limitMs && c.non2xx === 0 && (c.targetRate === 0 || c.achievedRate >= c.targetRate * 0.95)) : null,
    });
  };
  apiTarget('article-by-id', API_TARGET_MS.byId, 'API article by id');
  apiTarget('list-', API_TARGET_MS.list, 'API lists (person, place name/code, within, organization, campaign, next page, source/date range)');
  apiTarget('text-', API_TARGET_MS.text, 'API Chinese text query (rare, common, alone and with a filter)');
  apiTarget('facets-', API_TARGET_MS.facets, 'API facets on a filtered list');
  return checks;
}
