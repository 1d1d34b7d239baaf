import type { ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';

// Last resort when the owner exits without stopping its servers (process.exit, a crash in a test run):
// no orphaned nats-server/ferretdb keeps a port, no temp store is left behind.
const children = new Map<ChildProcess, NodeJS.Signals>();
const dirs = new Set<string>();
let hooked = false;

function hook(): void {
  if (hooked) return;
  hooked = true;
  process.once('exit', () => {
    for (const [child, signal] of children) child.kill(signal);
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });
}

/** signal: what the exit hook sends (PostgreSQL gets SIGQUIT, an immediate shutdown, so no backend is orphaned). */
export function trackChild(child: ChildProcess, signal: NodeJS.Signals = 'SIGKILL'): void {
  hook();
  children.set(child, signal);
  child.once('exit', () => children.delete(child));
}

export function trackDir(dir: string): void {
  hook();
  dirs.add(dir);
}

export function forgetDir(dir: string): void {
  dirs.delete(dir);
}
