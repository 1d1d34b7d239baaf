// The table `npm run bench` prints: every figure next to the limit it is compared with in the same run.
import { isService, largestRun, type BenchReport } from './bench.report';
import { scalingExponent } from '../stats/percentile.util';
import type { OfflineResult } from '../offline/offline-case.types';

const n = (value: number | null | undefined, digits = 1): string => (value === null || value === undefined || !Number.isFinite(value) ? 'n/a' : value.toFixed(digits));
/** A rate: two decimals below 10, so that 0.04 pages/s does not print as 0.0. */
const rate = (value: number | null | undefined): string => n(value, value !== null && value !== undefined && Math.abs(value) < 10 ? 2 : 1);
const int = (value: number | null | undefined): string => (value === null || value === undefined || !Number.isFinite(value) ? 'n/a' : Math.round(value).toLocaleString('en-US'));

/** Display width: CJK characters take two columns. */
const width = (text: string): number => [...text].reduce((sum, char) => sum + (/[\u1100-\uffff]/.test(char) ? 2 : 1), 0);
const pad = (text: string, size: number, right: boolean): string => (right ? ' '.repeat(Math.max(0, size - width(text))) + text : text + ' '.repeat(Math.max(0, size - width(text))));

export function grid(header: string[], rows: string[][], indent = '  '): string[] {
  const sizes = header.map((title, i) => Math.max(width(title), ...rows.map((row) => width(row[i] ?? ''))));
  const line = (cells: string[]) => indent + cells.map((cell, i) => pad(cell ?? '', sizes[i], i > 0)).join('  ');
  return [line(header), indent + sizes.map((size) => '-'.repeat(size)).join('  '), ...rows.map(line)];
}

const OFFLINE_LABELS: Record<string, string> = {
  parse: 'parser alone',
  tag: 'tagger alone',
  both: 'parser + tagger',
  'tag-model': 'tagger + model',
  'both-model': 'parser + tagger + model',
  segment: 'jieba cut (reference)',
  'segment-pos': 'jieba POS tag',
  'parser-stage': 'parser stage (+JSON, zod)',
  'enricher-stage': 'enricher stage (+JSON, zod)',
};

function offlineRows(results: OfflineResult[]): string[][] {
  return results.map((r) => [
    `${OFFLINE_LABELS[r.kind] ?? r.kind}, ${r.input === 'sample' ? 'sample' : `${r.distinctPages} pages`}`,
    n(r.pagesPerSec),
    n(r.articlesPerSec, 0),
    n(r.mbPerSec, 2),
    n(r.charsPerSec / 1e6, 2),
    n(r.peakRssMb, 0),
    n(r.peakHeapDeltaMb, 1),
    int(r.outputs / r.pages),
    n(r.otherLoadCores, 2),
  ]);
}

export function renderTable(report: BenchReport): string {
  const out: string[] = [];
  const m = report.machine;
  out.push(`baoxun benchmark  ${report.date.slice(0, 16).replace('T', ' ')} UTC  |  ${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB, Node ${m.node}, Linux ${m.kernel}  |  commit ${report.commit ?? 'unknown'}`);
  out.push(`command: ${report.command}  (${n(report.durationSeconds / 60, 1)} min)`);

  if (report.offline) {
    const o = report.offline;
    out.push('', `OFFLINE  one thread, one process per case; corpus = ${o.corpusPages} generated pages (seed ${o.seed}), sample = zhuzhou-daily p01 (21 KB)`);
    out.push(...grid(['case', 'pages/s', 'articles/s', 'MB/s', 'M chars/s', 'peak RSS MB', 'heap +MB', 'out/page', 'other load'], offlineRows(o.results)));
    const tag = o.results.find((r) => r.kind === 'tag' && r.input === 'corpus');
    const seg = o.results.find((r) => r.kind === 'segment' && r.input === 'corpus');
    const parse = o.results.find((r) => r.kind === 'parse' && r.input === 'corpus');
    const stage = o.results.find((r) => r.kind === 'parser-stage' && r.input === 'corpus');
    const enr = o.results.find((r) => r.kind === 'enricher-stage' && r.input === 'corpus');
    if (tag && seg) out.push(`  tagger vs segmenter alone (same text): ${n(tag.charsPerSec / 1e6, 2)} vs ${n(seg.charsPerSec / 1e6, 2)} M chars/s = ${n(tag.charsPerSec / seg.charsPerSec, 2)}x`);
    if (parse && stage) out.push(`  parser stage without transport: ${n(stage.pagesPerSec)} pages/s = ${n((stage.pagesPerSec / parse.pagesPerSec) * 100, 0)}% of the parser alone (the rest is JSON + zod)`);
    for (const r of o.results.filter((x) => x.model)) {
      const m = r.model as NonNullable<OfflineResult['model']>;
      const cpuSeconds = r.seconds * r.cpuPerWall;
      out.push(
        `  ${OFFLINE_LABELS[r.kind]}, ${r.input === 'sample' ? 'sample' : `${r.distinctPages} pages`}: ${n(r.pages / cpuSeconds)} pages/s per CPU-second; the model's share ${n(((m.encoderSeconds + m.decoderSeconds) / r.seconds) * 100, 0)}% (encoder ${n((m.encoderSeconds / r.seconds) * 100, 0)}%, Viterbi ${n((m.decoderSeconds / r.seconds) * 100, 0)}%, ${int(m.calls / r.pages)} encoder calls/page)`,
      );
    }
    if (tag && enr) out.push(`  enricher stage without transport: ${n(enr.articlesPerSec, 0)} articles/s = ${n((enr.articlesPerSec / tag.articlesPerSec) * 100, 0)}% of the tagger alone`);
    for (const error of o.errors) out.push(`  FAILED ${error.case}: ${error.error.split('\n')[0]}`);
  }

  if (report.transport) {
    const t = report.transport;
    out.push('', `TRANSPORT  JetStream (file store, msg-id dedupe, explicit acks), the pipeline's own bytes for ${t.pages} pages, no work: ${int(t.messages)} messages, ${n(t.bytes / 1024 ** 2, 1)} MB`);
    out.push(
      ...grid(
        ['what', 'msgs/s', 'MB/s', 'pages/s'],
        [
          [`publish, pipelined (${t.publish.window} in flight)`, int(t.publish.messagesPerSec), n(t.publish.mbPerSec), n(t.pages / t.publish.seconds)],
          ['publish, each awaited (article-sized)', int(t.publishAwaited.messagesPerSec), n(t.publishAwaited.mbPerSec), ''],
          ['consume + ack, the 5 pipeline readers', int(t.consume.messagesPerSec), n(t.consume.mbPerSec), n(t.pages / t.consume.seconds)],
          ['publish + consume at once = LIMIT', int(t.concurrent.messagesPerSec), n(t.concurrent.mbPerSec), n(t.concurrent.pagesPerSec)],
        ],
      ),
    );
    out.push(`  mean sizes: ${Object.entries(t.hopSizes).map(([hop, s]) => `${hop} ${n(s.meanBytes / 1024, 1)} KB`).join(', ')}`);
  }

  const limit = report.transport?.concurrent.pagesPerSec;
  if (report.e2e) {
    const e = report.e2e;
    out.push('', 'END TO END  scanner -> ingest -> parser -> enricher -> api -> FerretDB; 4 services + nats-server + FerretDB + this bench on the same cores');
    out.push(
      ...grid(
        ['run', 'pages', 'parser/enricher', 'submit s', 'last queryable s', 'pages/s', 'articles/s', 'of transport limit', 'reply p99 ms', 'DLQ', 'complete'],
        e.throughput.map((r) => [
          r.label,
          int(r.accepted),
          `x${r.replicas}`,
          n(r.submitSeconds),
          n(r.lastQueryableSeconds),
          rate(r.pagesPerSec),
          rate(r.articlesPerSec),
          limit ? `${n((r.pagesPerSec / limit) * 100, 0)}% of ${n(limit, 0)}` : 'n/a',
          n(r.replyMs.p99, 0),
          String(r.deadLetters),
          r.completed ? 'yes' : `NO (${r.storedPages} stored)`,
        ]),
      ),
    );
    for (const l of e.latency) {
      out.push(`  latency at ${l.ratePerSec} pages/s for ${l.seconds} s (${l.pages} pages): publish-to-queryable p50 ${n(l.latencyMs.p50, 0)} ms, p90 ${n(l.latencyMs.p90, 0)} ms, p99 ${n(l.latencyMs.p99, 0)} ms, max ${n(l.latencyMs.max, 0)} ms; ingest reply p50 ${n(l.replyMs.p50, 0)} ms, p99 ${n(l.replyMs.p99, 0)} ms`);
    }
    const small = e.throughput.find((r) => r.replicas === 1 && r.pages === Math.min(...e.throughput.filter((x) => x.replicas === 1).map((x) => x.pages)));
    const large = largestRun(e);
    if (small && large && large.pages > small.pages && !(small.completed && large.completed)) {
      out.push(`  growth ${small.label} -> ${large.label}: not measured, the runs did not complete (${small.storedPages} and ${large.storedPages} pages stored)`);
    } else if (small && large && large.pages > small.pages) {
      const exponent = scalingExponent(small.storedPages, small.lastQueryableSeconds, large.storedPages, large.lastQueryableSeconds);
      out.push(`  growth ${small.label} -> ${large.label}: ${rate(small.pagesPerSec)} -> ${rate(large.pagesPerSec)} pages/s; time grows as pages^${n(exponent, 2)} (1.00 = linear)`);
      const cpuOf = (r: typeof small) => Object.entries(r.cpuMsPerPage).filter(([name]) => isService(name) || name.startsWith('ferretdb') || name.startsWith('postgres') || name.startsWith('nats'));
      out.push(`  CPU ms per page ${small.label} -> ${large.label}: ${cpuOf(small).map(([name, ms]) => `${name} ${n(ms, 1)}->${n(large.cpuMsPerPage[name], 1)}`).join(', ')}`);
    }
    const x2 = e.throughput.find((r) => r.replicas > 1);
    const x1 = x2 && e.throughput.find((r) => r.replicas === 1 && r.pages === x2.pages);
    if (x1 && x2) out.push(`  replicas: parser and enricher x${x2.replicas} vs x1 on ${x2.pages} pages: ${rate(x2.pagesPerSec)} vs ${rate(x1.pagesPerSec)} pages/s = ${n(x2.pagesPerSec / x1.pagesPerSec, 2)}x${x1.completed && x2.completed ? '' : ' (runs incomplete: the store, not the replicated stages, set the pace)'}`);
    for (const r of e.throughput) {
      out.push(`  processes in run ${r.label}:`);
      out.push(
        ...grid(
          ['process', 'CPU cores', 'CPU ms/page', 'RSS start MB', 'RSS end MB', 'RSS peak MB', 'MB/min (2nd half)'],
          r.processes.map((p) => [p.name, n(p.cpuCores, 2), n(r.cpuMsPerPage[p.name], 1), n(p.rssStartMb, 0), n(p.rssEndMb, 0), n(p.rssPeakMb, 0), n(p.rssSlopeMbPerMin, 1)]),
          '    ',
        ),
      );
      const rates = r.consumers.filter((c) => c.clearedAt && c.acked).map((c) => `${c.durable} ${int(c.acked / ((c.clearedAt as number) / 1000))}/s`);
      if (rates.length) out.push(`    stage throughput in the pipeline (messages acked / time until its backlog was gone): ${rates.join(', ')}`);
      out.push(`    consumer lag (max backlog, cleared after s): ${r.consumers.map((c) => `${c.durable} ${int(c.maxLag)}/${c.clearedAt === null ? 'never' : n(c.clearedAt / 1000, 0)}${c.redelivered ? ` (${c.redelivered} redelivered)` : ''}`).join(', ')}`);
      if (r.firstError) out.push(`    ${r.rejected} rejected, first: ${r.firstError}`);
      for (const [name, profile] of Object.entries(r.profiles ?? {})) {
        out.push(`    profile ${name}: idle ${n(profile.idleShare * 100, 0)}%, GC ${n(profile.gcShare * 100, 0)}% of busy; hottest: ${profile.top.slice(0, 6).map((f) => `${f.where} ${n(f.selfShare * 100, 1)}%`).join('; ')}`);
      }
    }
    for (const error of e.errors) out.push(`  FAILED ${error.scenario}: ${error.error.split('\n')[0]}`);
  }

  if (report.api) {
    const a = report.api;
    out.push('', `API  ${int(a.storedArticles)} stored articles (${a.loadedBy}); autocannon ${a.connections} connections at fixed rates${a.clients ? `, then ${a.clients} closed-loop clients (rate "c${a.clients}")` : ''}, ${a.durationSeconds} s per case, rotating over ${a.pools.ids} ids / ${a.pools.people} people / ${a.pools.words} words${a.pools.cursors !== undefined ? ` / ${a.pools.cursors} next-page cursors` : ''}`);
    if (a.backlogDropped) out.push(`  loading stopped with ${int(a.backlogDropped)} messages still waiting; they were dropped (streams purged) so that the reads ran on a quiet store`);
    if (a.load) out.push(`  loaded ${int(a.load.articles)} articles in ${n(a.load.seconds, 0)} s = ${n(a.load.articlesPerSec, 0)} articles/s through the api's consumers (${a.load.path})${a.load.complete ? '' : `; stopped early: ${a.load.projectedSecondsLeft && Number.isFinite(a.load.projectedSecondsLeft) ? `at that rate the rest would take ${n(a.load.projectedSecondsLeft / 3600, 1)} h more` : 'time limit'}`}`);
    out.push(
      ...grid(
        ['case', 'rate/s', 'achieved/s', 'p50 ms', 'p90 ms', 'p99 ms', 'p99 / health', 'non-2xx', 'errors', 'api CPU', 'store CPU', 'other CPU', 'backlog s'],
        a.cases.map((c) => {
          const apiCpu = Object.entries(c.cpu).filter(([name]) => name.startsWith('api')).reduce((sum, [, v]) => sum + v, 0);
          const storeCpu = Object.entries(c.cpu).filter(([name]) => name.startsWith('ferretdb') || name.startsWith('postgres')).reduce((sum, [, v]) => sum + v, 0);
          const otherCpu = Object.entries(c.cpu).filter(([name]) => !name.startsWith('api') && !name.startsWith('ferretdb') && !name.startsWith('postgres')).reduce((sum, [, v]) => sum + v, 0);
          return [c.name, c.targetRate ? int(c.targetRate) : `c${c.connections}`, int(c.achievedRate), n(c.latencyMs.p50, 0), n(c.latencyMs.p90, 0), n(c.latencyMs.p99, 0), c.p99VsHealth === null ? '' : `${n(c.p99VsHealth, 1)}x`, int(c.non2xx), int(c.errors + c.timeouts), n(apiCpu, 2), storeCpu ? n(storeCpu, 2) : 'n/a', n(otherCpu, 2), c.backlogSeconds === undefined ? '' : n(c.backlogSeconds, 0)];
        }),
      ),
    );
    for (const error of a.errors) out.push(`  FAILED ${error.split('\n')[0]}`);
  }

  out.push('', 'TARGETS (a benchmark reports; it never fails on speed)');
  for (const t of report.targets) out.push(`  ${t.met === null ? '[ -- ]' : t.met ? '[ met ]' : '[MISSED]'} ${t.target}: ${t.figure}`);
  return out.join('\n');
}
