import { type ChildProcess, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import type { LogFn, ManagedServer } from './infra.types';
import { LogTail } from './log-tail.util';
import { forgetDir, trackChild, trackDir } from './process-cleanup.util';
import { waitUntilReady } from './wait-ready.util';

export interface ManagedServerConfig {
  name: string;
  bin: string;
  args: string[];
  url: string;
  port: number;
  dataDir: string;
  /** Folder owned by this server (config, data, state); removed by dispose() unless keepDir. Also its cwd. */
  tmpDir: string;
  /** A persistent data folder (npm start's store): dispose() and the exit hook leave it in place. */
  keepDir?: boolean;
  /** Signal of a graceful stop (default SIGTERM; PostgreSQL's fast shutdown is SIGINT). */
  stopSignal?: NodeJS.Signals;
  /** Signal of kill9() and of the exit hook (default SIGKILL; PostgreSQL's immediate shutdown is SIGQUIT). */
  crashSignal?: NodeJS.Signals;
  probe: () => Promise<void>;
  readyTimeoutMs: number;
  log: LogFn;
  /** SIGTERM → SIGKILL delay. Default 10 s. */
  stopGraceMs?: number;
}

/** One server process: spawned with fixed args, so a restart keeps its port and data. */
export class ManagedServerProcess implements ManagedServer {
  readonly name: string;
  readonly url: string;
  readonly port: number;
  readonly dataDir: string;
  private child?: ChildProcess;
  private exited: Promise<void> = Promise.resolve();
  private exitDescription?: string;
  private expectExit = true; // until ready: start() reports failures itself
  private exitRequested = false; // stop()/kill9() sent a signal; the process may not be gone yet
  private tail = new LogTail();

  constructor(private readonly config: ManagedServerConfig) {
    this.name = config.name;
    this.url = config.url;
    this.port = config.port;
    this.dataDir = config.dataDir;
    if (!config.keepDir) trackDir(config.tmpDir);
  }

  /** True while the process exists, including the moment between kill9() and its exit. */
  get running(): boolean {
    return this.child !== undefined && this.exitDescription === undefined;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  logTail(): string {
    return this.tail.text();
  }

  async start(): Promise<void> {
    if (this.running && !this.exitRequested) return;
    await this.exited; // after kill9(), the old process must be gone before the port is reused
    this.spawnChild();
    try {
      await waitUntilReady({
        name: this.name,
        url: this.url,
        probe: this.config.probe,
        timeoutMs: this.config.readyTimeoutMs,
        exitReason: () => this.exitDescription,
        logTail: () => this.logTail(),
      });
    } catch (err) {
      await this.stop();
      throw err;
    }
    this.expectExit = false;
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || !this.running) return;
    this.expectExit = true;
    this.exitRequested = true;
    child.kill(this.config.stopSignal ?? 'SIGTERM');
    const grace = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), this.config.stopGraceMs ?? 10_000).unref());
    if ((await Promise.race([this.exited, grace])) === 'timeout') {
      this.config.log(`${this.name} ignored ${this.config.stopSignal ?? 'SIGTERM'} for ${(this.config.stopGraceMs ?? 10_000) / 1000}s; sending SIGKILL`);
      child.kill('SIGKILL');
    }
    await this.exited;
  }

  kill9(): void {
    if (!this.child || !this.running) return;
    this.expectExit = true;
    this.exitRequested = true;
    this.child.kill(this.config.crashSignal ?? 'SIGKILL');
  }

  async dispose(): Promise<void> {
    await this.stop();
    if (this.config.keepDir) return;
    rmSync(this.config.tmpDir, { recursive: true, force: true });
    forgetDir(this.config.tmpDir);
  }

  private spawnChild(): void {
    this.tail = new LogTail();
    this.exitDescription = undefined;
    this.expectExit = true;
    this.exitRequested = false;
    const child = spawn(this.config.bin, this.config.args, { cwd: this.config.tmpDir, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    this.child = child;
    trackChild(child, this.config.crashSignal);
    child.stdout?.on('data', (chunk: Buffer) => this.tail.push(chunk));
    child.stderr?.on('data', (chunk: Buffer) => this.tail.push(chunk));
    this.exited = new Promise((resolve) => {
      const onEnd = (description: string) => {
        if (this.child !== child || this.exitDescription !== undefined) return resolve();
        this.exitDescription = description;
        if (!this.expectExit) this.config.log(`${this.name} exited unexpectedly (${description})\n${this.logTail()}`);
        resolve();
      };
      child.once('exit', (code, signal) => onEnd(signal ? `signal ${signal}` : `exit code ${code}`));
      child.once('error', (err) => onEnd(`could not run ${this.config.bin}: ${err.message}`));
    });
  }
}

/** Start failures caused by a port taken between asking the OS and binding it; worth a retry. */
export function isPortConflict(logText: string): boolean {
  return /address already in use/i.test(logText);
}
