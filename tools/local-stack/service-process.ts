import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync, type WriteStream } from 'node:fs';
import { dirname, join } from 'node:path';
import { findRepoRoot } from '../infra/repo-root.util';

export const SERVICE_NAMES = ['ingest', 'parser', 'enricher', 'api'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

export interface ServiceProcessOptions {
  name: ServiceName;
  /** HTTP port for /health (and the api's routes). */
  port: number;
  env: Record<string, string>;
  logFile: string;
  /** Tells replicas of one service apart in logs and tests. */
  replica?: number;
}

/**
 * One baoxun service running as its own process from the compiled dist/, as in production: the tests can
 * kill -9 it, SIGTERM it and start it again.
 */
export class ServiceProcess {
  private child: ChildProcess | null = null;
  private log: WriteStream | null = null;
  private exited: Promise<number | null> = Promise.resolve(null);

  constructor(readonly options: ServiceProcessOptions) {}

  get name(): string {
    return this.options.replica === undefined ? this.options.name : `${this.options.name}#${this.options.replica}`;
  }
  get url(): string {
    return `http://127.0.0.1:${this.options.port}`;
  }
  get pid(): number | undefined {
    return this.child?.pid;
  }
  get running(): boolean {
    return this.child !== null && this.child.exitCode === null && this.child.signalCode === null;
  }

  async start(timeoutMs = 60_000): Promise<void> {
    const entry = join(findRepoRoot(), 'dist', 'apps', this.options.name, 'src', 'main.js');
    mkdirSync(dirname(this.options.logFile), { recursive: true });
    this.log = createWriteStream(this.options.logFile, { flags: 'a' });
    const child = spawn(process.execPath, [entry], {
      env: { ...process.env, ...this.options.env, HTTP_PORT: String(this.options.port) },
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group: Ctrl-C in the terminal reaches only the supervisor, which stops services in order.
      detached: true,
    });
    this.child = child;
    child.stdout?.pipe(this.log, { end: false });
    child.stderr?.pipe(this.log, { end: false });
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    await this.waitHealthy(timeoutMs);
  }

  /** Polls /health until it answers 200; fails fast, with the log's tail, if the process dies. */
  async waitHealthy(timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (!this.running) throw new Error(`${this.name} exited while starting.\n${this.logTail()}`);
      try {
        const response = await fetch(`${this.url}/health`, { signal: AbortSignal.timeout(2_000) });
        if (response.ok) return;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`${this.name} was not healthy within ${timeoutMs} ms.\n${this.logTail()}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  /** SIGTERM, as an orchestrator sends it: the service drains and exits. SIGKILL after the grace period. */
  async stop(graceMs = 20_000): Promise<number | null> {
    if (!this.running) return this.exited;
    this.child?.kill('SIGTERM');
    const timer = setTimeout(() => this.child?.kill('SIGKILL'), graceMs);
    const code = await this.exited;
    clearTimeout(timer);
    this.log?.end();
    return code;
  }

  /** kill -9: no shutdown hooks, in-flight messages unacked. */
  async kill9(): Promise<void> {
    if (!this.running) return;
    this.child?.kill('SIGKILL');
    await this.exited;
    this.log?.end();
  }

  logTail(lines = 30): string {
    try {
      return readFileSync(this.options.logFile, 'utf8').split('\n').slice(-lines).join('\n');
    } catch {
      return '(no log)';
    }
  }
}
