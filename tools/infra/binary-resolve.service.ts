import { join, relative } from 'node:path';
import { withFileLock } from './file-lock.util';
import { buildWithGo } from './go-build.service';
import type { LogFn } from './infra.types';
import { type BinarySpec, builtVersion, parseVersion } from './pinned-binaries.constants';
import { runCommand } from './run-command.util';
import { findOnPath } from './which.util';

export interface ResolveOptions {
  root: string;
  log: LogFn;
  env?: NodeJS.ProcessEnv;
}

/** Version a binary reports, or undefined if it is missing or broken. */
export async function readBinaryVersion(path: string): Promise<string | undefined> {
  const result = await runCommand(path, ['--version'], { timeoutMs: 15_000 });
  return result.code === 0 ? parseVersion(result.output) : undefined;
}

/**
 * Path to spec's binary at exactly its built version (release and patch suffix): .cache/bin first, then PATH, else built with Go
 * under a lock (the second of two racing processes waits and then uses the first one's build).
 */
export async function ensureBinary(spec: BinarySpec, opts: ResolveOptions): Promise<string> {
  const env = opts.env ?? process.env;
  const wanted = builtVersion(spec);
  const binDir = join(opts.root, '.cache', 'bin');
  const cached = join(binDir, spec.name);
  if ((await readBinaryVersion(cached)) === wanted) return cached;

  const onPath = findOnPath(spec.name, env.PATH);
  if (onPath && onPath !== cached) {
    const version = await readBinaryVersion(onPath);
    if (version === wanted) return onPath;
    opts.log(`${spec.name} on PATH (${onPath}) is v${version ?? '?'}, need v${wanted}: using the pinned build`);
  }

  const lockPath = join(opts.root, '.cache', 'locks', `${spec.name}.lock`);
  return withFileLock(
    lockPath,
    async () => {
      if ((await readBinaryVersion(cached)) === wanted) return cached; // built while we waited
      const built = await buildWithGo(spec, { root: opts.root, binDir, log: opts.log, env });
      const version = await readBinaryVersion(built);
      if (version !== wanted) {
        throw new Error(`built ${relative(opts.root, built)} but it reports v${version ?? '?'} instead of v${wanted}`);
      }
      return built;
    },
    { log: opts.log, label: `${spec.name} v${spec.version}` },
  );
}
