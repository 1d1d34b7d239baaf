import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { LogFn } from './infra.types';

export interface LockOptions {
  log?: LogFn;
  /** What is locked, for the waiting message. */
  label: string;
  /** A lock older than this is taken over even if its pid looks alive (pid reuse). Default 30 min. */
  staleAfterMs?: number;
  pollMs?: number;
}

/** True when the lock file names a process that is gone, or is too old to trust. */
export function isLockStale(content: string, ageMs: number, staleAfterMs: number, isAlive: (pid: number) => boolean): boolean {
  if (ageMs > staleAfterMs) return true;
  const pid = Number.parseInt(content.trim(), 10);
  if (!Number.isInteger(pid) || pid <= 0) return ageMs > 5_000; // being written right now, or garbage
  return !isAlive(pid);
}

export function isPidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Runs fn while holding an exclusive lock file, so two processes starting at once (two jest runs,
 * a jest run and the CLI) don't build the same binary into the same folder concurrently.
 */
export async function withFileLock<T>(lockPath: string, fn: () => Promise<T>, opts: LockOptions): Promise<T> {
  const staleAfterMs = opts.staleAfterMs ?? 30 * 60_000;
  const pollMs = opts.pollMs ?? 500;
  mkdirSync(dirname(lockPath), { recursive: true });
  let announced = false;
  for (;;) {
    try {
      writeFileSync(lockPath, String(process.pid), { flag: 'wx' });
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    try {
      const ageMs = Date.now() - statSync(lockPath).mtimeMs;
      if (isLockStale(readFileSync(lockPath, 'utf8'), ageMs, staleAfterMs, isPidAlive)) {
        rmSync(lockPath, { force: true });
        continue;
      }
    } catch {
      continue; // released between our attempts
    }
    if (!announced) {
      opts.log?.(`waiting for another process that is preparing ${opts.label} (lock ${lockPath})…`);
      announced = true;
    }
    await new Promise((r) => setTimeout(r, pollMs));
  }
  try {
    return await fn();
  } finally {
    rmSync(lockPath, { force: true });
  }
}
