import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBinary } from '../infra/binary-resolve.service';
import type { LogFn } from '../infra/infra.types';
import type { BinarySpec } from '../infra/pinned-binaries.constants';

export const DEPLOY_CHECK_DIR = 'tools/deploy-check';

/**
 * The checker's version: a hash of its go.mod, go.sum and Go sources. It is linked into the binary, so the
 * copy cached in .cache/bin is rebuilt exactly when the sources or the pinned dependencies change.
 */
export function deployCheckVersion(root: string): string {
  const dir = join(root, DEPLOY_CHECK_DIR);
  const files = readdirSync(dir)
    .filter((name) => name === 'go.mod' || name === 'go.sum' || name.endsWith('.go'))
    .sort();
  const hash = createHash('sha256');
  for (const name of files) hash.update(`${name}\0`).update(readFileSync(join(dir, name))).update('\0');
  return `0.1.0-${hash.digest('hex').slice(0, 12)}`;
}

export function deployCheckSpec(root: string): BinarySpec {
  return {
    name: 'deploy-check',
    version: deployCheckVersion(root),
    goModuleDir: DEPLOY_CHECK_DIR,
    toolPackage: '.',
    coldBuildHint: '3-5 min on two cores, Kubernetes and KEDA API types',
  };
}

/** The deploy checker in .cache/bin at the version of the sources, built with Go (under a lock) when missing. */
export async function ensureDeployCheck(root: string, log: LogFn, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const spec = deployCheckSpec(root);
  // The same mechanism as nats-server and FerretDB (tools/infra); the version goes in through the linker.
  const goFlags = [env.GOFLAGS ?? '', `-ldflags=-X=main.version=${spec.version}`].join(' ').trim();
  return ensureBinary(spec, { root, log, env: { ...env, GOFLAGS: goFlags } });
}

/** Secrets every overlay may reference without rendering them: production creates them itself (README). */
export const EXTERNAL_SECRETS = ['baoxun-nats', 'baoxun-api-key', 'baoxun-mongo'] as const;

export interface OverlayReport {
  path: string;
  objects: number;
  kinds: Record<string, number>;
  errors: string[];
  rendered: K8sObject[];
  ms: number;
}

export interface DeployCheckReport {
  version: string;
  overlays: OverlayReport[];
  errors: number;
  ms: number;
}

/** A rendered object as JSON: only what the config checks read is typed. */
export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  [field: string]: unknown;
}

/** Runs the checker on overlay folders; its report, its exit code and what it wrote to stderr. */
export function runDeployCheck(binary: string, overlays: string[], opts: { cwd: string; root?: string }): Promise<{ code: number | null; report: DeployCheckReport | null; stderr: string }> {
  const args = ['--external-secrets', EXTERNAL_SECRETS.join(','), ...(opts.root ? ['--root', opts.root] : []), ...overlays];
  return new Promise((resolve) => {
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    const child = spawn(binary, args, { cwd: opts.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.once('error', (error) => stderr.push(Buffer.from(error.message)));
    child.once('close', (code) => {
      clearTimeout(timer);
      let report: DeployCheckReport | null = null;
      try {
        report = JSON.parse(Buffer.concat(stdout).toString()) as DeployCheckReport;
      } catch {
        report = null;
      }
      resolve({ code, report, stderr: Buffer.concat(stderr).toString() });
    });
  });
}
