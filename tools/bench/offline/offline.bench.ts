import { fork } from 'node:child_process';
import { join } from 'node:path';
import type { LogFn } from '../../infra/infra.types';
import type { OfflineCase, OfflineKind, OfflineResult } from './offline-case.types';

export interface OfflineOptions {
  corpusPages: number;
  seed: number;
  minSeconds: number;
  profile: boolean;
  log: LogFn;
}

export interface OfflineSection {
  corpusPages: number;
  seed: number;
  results: OfflineResult[];
  errors: Array<{ case: string; error: string }>;
}

/** Runs one case in a fresh Node process (with --expose-gc) and returns what it measured. */
function runCase(spec: OfflineCase): Promise<OfflineResult> {
  return new Promise((resolve, reject) => {
    const child = fork(join(__dirname, 'offline.worker.js'), [JSON.stringify(spec)], { execArgv: ['--expose-gc'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let settled = false;
    child.on('message', (message: { ok: boolean; result?: OfflineResult; error?: string }) => {
      settled = true;
      if (message.ok && message.result) resolve(message.result);
      else reject(new Error(message.error ?? 'offline worker failed'));
    });
    child.on('exit', (code) => {
      if (!settled) reject(new Error(`offline worker exited with ${code} before reporting`));
    });
  });
}

const SAMPLE_KINDS: OfflineKind[] = ['parse', 'tag', 'both', 'tag-model', 'both-model', 'segment'];
const CORPUS_KINDS: OfflineKind[] = ['parse', 'tag', 'both', 'tag-model', 'both-model', 'segment', 'segment-pos', 'parser-stage', 'enricher-stage'];

export async function runOfflineBench(options: OfflineOptions): Promise<OfflineSection> {
  const section: OfflineSection = { corpusPages: options.corpusPages, seed: options.seed, results: [], errors: [] };
  const cases: OfflineCase[] = [
    ...SAMPLE_KINDS.map((kind) => ({ kind, input: 'sample' as const, pages: 1, seed: options.seed, minSeconds: options.minSeconds, profile: options.profile })),
    ...CORPUS_KINDS.map((kind) => ({ kind, input: 'corpus' as const, pages: options.corpusPages, seed: options.seed, minSeconds: options.minSeconds, profile: options.profile })),
  ];
  for (const spec of cases) {
    const label = `${spec.kind} on ${spec.input === 'sample' ? 'the sample page' : `${spec.pages} generated pages`}`;
    options.log(`offline: ${label}…`);
    try {
      const result = await runCase(spec);
      section.results.push(result);
      options.log(`offline: ${label}: ${result.pagesPerSec.toFixed(1)} pages/s, ${(result.charsPerSec / 1e6).toFixed(2)} M chars/s`);
    } catch (error) {
      section.errors.push({ case: label, error: error instanceof Error ? error.message : String(error) });
      options.log(`offline: ${label} failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    }
  }
  return section;
}
