// npm run bench [-- --only offline,transport,e2e,api] [--quick] …: measures baoxun on this machine, prints a table
// (each figure next to the limit it is compared with in the same run) and writes a JSON report.
// It starts and stops its own servers; it reports figures and never fails on speed.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { findRepoRoot } from '../infra/repo-root.util';
import { startInfra } from '../infra/infra.service';
import { runApiBench } from './api/api.bench';
import { parseBenchArgs, USAGE } from './bench.options';
import { generateCorpus } from './corpus/page.generator';
import { pageMessagesOf } from './corpus/pipeline-messages';
import { activeStacks, type BenchStack, startBenchStack } from './e2e/bench-stack';
import { runE2eBench } from './e2e/e2e.bench';
import { runOfflineBench } from './offline/offline.bench';
import { type BenchReport, checkTargets, machineOf } from './report/bench.report';
import { renderTable } from './report/table.renderer';
import { runTransportBench } from './transport/transport.bench';

const started = Date.now();
const log = (line: string): void => {
  process.stderr.write(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}\n`);
};

/** Rounds floats to 4 significant digits so the committed report stays small and readable. */
const compact = (_key: string, value: unknown): unknown => (typeof value === 'number' && !Number.isInteger(value) ? Number(value.toPrecision(4)) : value);

function commitOf(root: string): string | null {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return dirty ? `${head}+changes` : head;
  } catch {
    return null;
  }
}

/** The api must not rate-limit the load generator, which comes from one IP. */
const SERVICE_ENV = { RATE_LIMIT_PER_MINUTE: '0', SHUTDOWN_GRACE_MS: '2000' };

async function main(): Promise<void> {
  const options = parseBenchArgs(process.argv.slice(2));
  if (options.help) {
    process.stdout.write(USAGE);
    return;
  }
  const root = findRepoRoot();
  const report: Omit<BenchReport, 'targets'> = {
    schema: 1,
    date: new Date().toISOString(),
    machine: machineOf(),
    commit: commitOf(root),
    command: ['npm run bench', ...(process.argv.length > 2 ? ['--', ...process.argv.slice(2)] : [])].join(' '),
    durationSeconds: 0,
  };
  log(`${report.machine.cpu}, ${report.machine.cores} cores; running ${options.sections.join(', ')}${options.quick ? ' (quick)' : ''}`);

  if (options.sections.includes('offline')) {
    report.offline = await runOfflineBench({ ...options.offline, seed: options.seed, profile: options.profile, log });
  }

  if (options.sections.includes('transport')) {
    log(`transport: parsing and tagging ${options.transport.pages} pages for their messages…`);
    const pages = generateCorpus(options.seed, options.transport.pages).map((page) => pageMessagesOf({ source: page.source, date: page.date, page: page.page }, page.text));
    const infra = await startInfra({ log });
    try {
      report.transport = await runTransportBench({ natsUrl: infra.natsUrl, pages, window: options.transport.window, awaitedMessages: options.transport.awaitedMessages, log });
    } finally {
      await infra.stop();
    }
  }

  let kept: BenchStack | undefined;
  let keptLabel = '';
  if (options.sections.includes('e2e')) {
    const runs = options.e2e.runs;
    const keepStackOf = options.sections.includes('api') ? runs[runs.length - 1].label : undefined;
    const cap = options.e2e.maxRunSeconds;
    const maxRunSeconds = (pages: number) => cap ?? (options.quick ? 20 : Math.max(300, pages * 0.2));
    const result = await runE2eBench({ seed: options.seed, runs, scanners: options.e2e.scanners, stallSeconds: options.e2e.stallSeconds, maxRunSeconds, profile: options.profile, keepStackOf, env: SERVICE_ENV, log });
    report.e2e = result.section;
    kept = result.kept;
    keptLabel = keepStackOf ? `the ${keepStackOf}-page end-to-end run's store (scanner path)` : '';
  }

  if (options.sections.includes('api')) {
    const stack = kept ?? (await startBenchStack({ label: 'api', replicas: 1, apiOnly: true, env: SERVICE_ENV, log }));
    try {
      report.api = await runApiBench({ stack, ...options.api, maxLoadSeconds: options.quick ? 20 : 2_400, seed: options.seed + 1, log }, keptLabel || 'generated pages');
    } catch (error) {
      log(`api failed: ${error instanceof Error ? error.message : String(error)}`);
      report.api = { storedArticles: 0, load: null, loadedBy: '', durationSeconds: options.api.durationSeconds, connections: options.api.connections, cases: [], pools: { ids: 0, people: 0, words: 0 }, backlogDropped: 0, errors: [error instanceof Error ? (error.stack ?? error.message) : String(error)] };
    } finally {
      await stack.stop();
    }
  }

  report.durationSeconds = (Date.now() - started) / 1000;
  const full: BenchReport = { ...report, targets: checkTargets(report) };
  const out = resolve(root, options.out);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(full, compact, 1)}\n`);
  process.stdout.write(`${renderTable(full)}\n\nreport: ${join(options.out)}\n`);
}

let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (interrupted) process.exit(130);
    interrupted = true;
    log(`${signal}: stopping the services and servers this benchmark started…`);
    void Promise.allSettled([...activeStacks].map((stack) => stack.stop())).then(() => process.exit(130));
  });
}

main().catch(async (error: unknown) => {
  log(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  await Promise.allSettled([...activeStacks].map((stack) => stack.stop()));
  process.exit(1);
});
