import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mongo } from 'mongoose';
import { ensureBinary } from './binary-resolve.service';
import { getFreePort, preferredOrFreePort } from './free-port.util';
import type { LogFn, ManagedServer } from './infra.types';
import { stderrLog } from './log.util';
import { ManagedServerProcess, isPortConflict } from './managed-server.service';
import { FERRETDB } from './pinned-binaries.constants';
import { preparePostgres } from './postgres.launcher';
import { forgetDir, trackDir } from './process-cleanup.util';
import { findRepoRoot } from './repo-root.util';
import { DEFAULT_READY_TIMEOUT_MS, START_ATTEMPTS, type StartServerOptions } from './server-options.types';

export const DEFAULT_DATABASE = 'baoxun';

/** FerretDB's storage: PostgreSQL (the default, with the pushdown patches) or SQLite (upstream's embedded backend). */
export type FerretDbBackend = 'postgresql' | 'sqlite';

export interface FerretDbArgsInput {
  port: number;
  stateDir: string;
  backend: FerretDbBackend;
  /** postgresql: the cluster's URL; sqlite: the data folder. */
  postgresUrl?: string;
  sqliteDir?: string;
}

export function ferretDbArgs(input: FerretDbArgsInput): string[] {
  const storage =
    input.backend === 'postgresql'
      ? ['--handler=postgresql', `--postgresql-url=${input.postgresUrl}`]
      : [
          '--handler=sqlite',
          // WAL with synchronous=NORMAL: a commit survives a crash of any process; only a power cut could lose the last ones.
          `--sqlite-url=file:${input.sqliteDir}/?_pragma=synchronous(normal)`,
        ];
  return [
    ...storage,
    // state.json would otherwise land in the working directory
    `--state-dir=${input.stateDir}`,
    `--listen-addr=127.0.0.1:${input.port}`,
    // the debug listener defaults to a fixed port, so two instances would collide
    '--debug-addr=-',
    '--telemetry=disable',
    '--log-level=warn',
  ];
}

/** Ready means a real MongoDB driver connects and `ping` succeeds. */
export async function probeMongo(url: string): Promise<void> {
  const client = new mongo.MongoClient(url, { serverSelectionTimeoutMS: 2_000, connectTimeoutMS: 2_000 });
  try {
    await client.connect();
    await client.db('admin').command({ ping: 1 });
  } finally {
    await client.close();
  }
}

export interface StartFerretDbOptions extends StartServerOptions {
  /** Database name in the returned URL. Default "baoxun". */
  database?: string;
  /** Default postgresql. */
  backend?: FerretDbBackend;
  /**
   * A folder that keeps the store across runs (npm start: .cache/store). Default: a fresh temporary folder,
   * removed by dispose(), with fsync off (nothing in it outlives the run).
   */
  persistentDir?: string;
}

/**
 * The store as one server: PostgreSQL (when the backend is postgresql) and FerretDB in front of it. stop() stops
 * FerretDB, then PostgreSQL; start() starts them in the other order, on the same ports and data (store-outage
 * tests); kill9() crashes both (SIGKILL for FerretDB, an immediate shutdown for PostgreSQL, which then recovers
 * from its WAL at the next start). pid is FerretDB's (SIGSTOP it to simulate a hung store).
 */
class FerretDbStore implements ManagedServer {
  constructor(
    private readonly ferretdb: ManagedServerProcess,
    private readonly postgres: ManagedServerProcess | undefined,
    private readonly tmpDir: string | undefined,
  ) {
    if (tmpDir) trackDir(tmpDir);
  }

  get name(): string {
    return this.postgres ? `${this.ferretdb.name} on ${this.postgres.name}` : this.ferretdb.name;
  }
  get url(): string {
    return this.ferretdb.url;
  }
  get port(): number {
    return this.ferretdb.port;
  }
  get dataDir(): string {
    return this.postgres?.dataDir ?? this.ferretdb.dataDir;
  }
  get running(): boolean {
    return this.ferretdb.running;
  }
  get pid(): number | undefined {
    return this.ferretdb.pid;
  }
  /** PostgreSQL's postmaster (its backends are its children). */
  get postgresPid(): number | undefined {
    return this.postgres?.pid;
  }
  get postgresUrl(): string | undefined {
    return this.postgres?.url;
  }

  async start(): Promise<void> {
    await this.postgres?.start();
    await this.ferretdb.start();
  }
  async stop(): Promise<void> {
    await this.ferretdb.stop();
    await this.postgres?.stop();
  }
  kill9(): void {
    this.ferretdb.kill9();
    this.postgres?.kill9();
  }
  logTail(): string {
    return [this.ferretdb.logTail(), this.postgres ? `--- ${this.postgres.name}:\n${this.postgres.logTail()}` : ''].filter(Boolean).join('\n');
  }
  async dispose(): Promise<void> {
    await this.ferretdb.dispose();
    await this.postgres?.dispose();
    if (this.tmpDir) {
      rmSync(this.tmpDir, { recursive: true, force: true });
      forgetDir(this.tmpDir);
    }
  }
}

/** A FerretDB an earlier run (killed -9) left on a kept store: it is ours if it runs with that state folder. */
function stopLeftoverFerretDb(stateDir: string, log: LogFn): void {
  try {
    const pid = Number(readFileSync(join(stateDir, 'ferretdb.pid'), 'utf8'));
    if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').includes(`--state-dir=${stateDir}`)) return;
    log(`stopping a FerretDB (pid ${pid}) left running by an earlier run`);
    process.kill(pid, 'SIGTERM');
  } catch {
    // none left
  }
}

/**
 * Starts FerretDB v1.24.2 (MongoDB wire protocol; patched, see pinned-binaries.constants.ts) on PostgreSQL from
 * the npm package (or on SQLite), on free ports, with temporary data unless persistentDir is given.
 */
export async function startFerretDb(opts: StartFerretDbOptions = {}): Promise<ManagedServer> {
  const log = opts.log ?? stderrLog;
  const backend = opts.backend ?? 'postgresql';
  const readyTimeoutMs = opts.readyTimeoutMs ?? DEFAULT_READY_TIMEOUT_MS;
  const bin = await ensureBinary(FERRETDB, { root: opts.root ?? findRepoRoot(), log });
  for (let attempt = 1; ; attempt++) {
    const tmpDir = opts.persistentDir ? undefined : mkdtempSync(join(tmpdir(), 'baoxun-ferretdb-'));
    const dir = opts.persistentDir ?? (tmpDir as string);
    const stateDir = join(dir, 'ferretdb-state');
    mkdirSync(stateDir, { recursive: true });
    if (opts.persistentDir) stopLeftoverFerretDb(stateDir, log);
    let postgres: ManagedServerProcess | undefined;
    let sqliteDir: string | undefined;
    if (backend === 'postgresql') {
      postgres = await preparePostgres({
        dir,
        port: await getFreePort(),
        durable: Boolean(opts.persistentDir),
        keepDir: true, // the store's folder is removed (or kept) by FerretDbStore
        readyTimeoutMs,
        log,
      });
    } else {
      sqliteDir = join(dir, 'sqlite');
      mkdirSync(sqliteDir, { recursive: true });
    }
    // The PostgreSQL behind it stays on a private port: only FerretDB's is a user's concern.
    const port = attempt === 1 ? await preferredOrFreePort(opts.preferredPort, 'the store (MongoDB wire protocol)', log) : await getFreePort();
    const url = `mongodb://127.0.0.1:${port}/${opts.database ?? DEFAULT_DATABASE}`;
    const ferretdb = new ManagedServerProcess({
      name: `ferretdb v${FERRETDB.version}`,
      bin,
      args: ferretDbArgs({ port, stateDir, backend, postgresUrl: postgres?.url, sqliteDir }),
      url,
      port,
      dataDir: sqliteDir ?? dir,
      tmpDir: dir,
      keepDir: true,
      probe: () => probeMongo(url),
      readyTimeoutMs,
      log,
    });
    const store = new FerretDbStore(ferretdb, postgres, tmpDir);
    try {
      await store.start();
      if (opts.persistentDir) writeFileSync(join(stateDir, 'ferretdb.pid'), String(store.pid));
      return store;
    } catch (err) {
      const retry = attempt < START_ATTEMPTS && isPortConflict(store.logTail());
      if (opts.persistentDir) await store.stop();
      else await store.dispose();
      if (!retry) throw err;
      log(`the store lost a port to another process; retrying on new ports`);
    }
  }
}
