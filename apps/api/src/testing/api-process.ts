import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

// Integration tests run the api as it runs in production: the compiled service as its own process, against
// the real NATS and store the global setup started (NATS_URL, MONGO_URL), on a database of its own.

export interface ApiProcess {
  url: string;
  mongoUrl: string;
  logFile: string;
  stop(): Promise<void>;
}

function repoRoot(): string {
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, 'nx.json')) && existsSync(join(dir, 'package.json'))) return dir;
  }
  throw new Error('repository root not found');
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });

/** The servers the global setup started; the test file passes in what it read from its environment. */
export function integrationServers(env: { NATS_URL?: string; MONGO_URL?: string }): { natsUrl: string; mongoUrl: string } {
  if (!env.NATS_URL || !env.MONGO_URL) throw new Error('NATS_URL and MONGO_URL are not set: run with jest.integration.config.js');
  return { natsUrl: env.NATS_URL, mongoUrl: env.MONGO_URL };
}

/** A database name no other test file uses. */
export function isolatedMongoUrl(mongoUrl: string, label: string): string {
  const url = new URL(mongoUrl);
  url.pathname = `/${label}_${randomBytes(4).toString('hex')}`;
  return url.toString();
}

const logTail = (file: string) => {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-30).join('\n');
  } catch {
    return '(no log)';
  }
};

/** Starts dist/apps/api/src/main.js and waits until /health answers 200. */
export async function startApi(options: { natsUrl: string; mongoUrl: string; env?: Record<string, string> }): Promise<ApiProcess> {
  const port = await freePort();
  const logFile = join(mkdtempSync(join(tmpdir(), 'baoxun-api-test-')), 'api.log');
  const log = openSync(logFile, 'a');
  const child: ChildProcess = spawn(process.execPath, [join(repoRoot(), 'dist', 'apps', 'api', 'src', 'main.js')], {
    // Only what the api reads: the test runner's own environment stays out.
    env: { NATS_URL: options.natsUrl, MONGO_URL: options.mongoUrl, HTTP_PORT: String(port), LOG_LEVEL: 'info', ...options.env },
    stdio: ['ignore', log, log],
  });
  closeSync(log);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`api exited while starting:\n${logTail(logFile)}`);
    try {
      if ((await fetch(`${url}/health`, { signal: AbortSignal.timeout(2_000) })).ok) return { url, mongoUrl: options.mongoUrl, logFile, stop };
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`api not healthy within 60 s:\n${logTail(logFile)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

/** Polls until check returns a value (not undefined) or the time is up. */
export async function eventually<T>(check: () => Promise<T | undefined>, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${lastError ? `: ${String(lastError)}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
