import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mongo } from 'mongoose';
import { ensureBinary } from './binary-resolve.service';
import { getFreePort } from './free-port.util';
import type { ManagedServer } from './infra.types';
import { stderrLog } from './log.util';
import { ManagedServerProcess, isPortConflict } from './managed-server.service';
import { FERRETDB } from './pinned-binaries.constants';
import { findRepoRoot } from './repo-root.util';
import { DEFAULT_READY_TIMEOUT_MS, START_ATTEMPTS, type StartServerOptions } from './server-options.types';

export const DEFAULT_DATABASE = 'baoxun';

export interface FerretDbArgsInput {
  port: number;
  dataDir: string;
  stateDir: string;
}

export function ferretDbArgs(input: FerretDbArgsInput): string[] {
  return [
    '--handler=sqlite',
    // WAL (FerretDB's default) with synchronous=NORMAL: a commit survives a crash of any process, kill -9 of
    // FerretDB included; only a power cut could lose the last ones. Saves an fsync per write.
    `--sqlite-url=file:${input.dataDir}/?_pragma=synchronous(normal)`,
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
}

/**
 * Starts FerretDB v1.24.2 (MongoDB wire protocol, SQLite backend) on a free port with a temporary data
 * folder. stop()/start() keep port and data, for store-outage tests.
 */
export async function startFerretDb(opts: StartFerretDbOptions = {}): Promise<ManagedServer> {
  const log = opts.log ?? stderrLog;
  const bin = await ensureBinary(FERRETDB, { root: opts.root ?? findRepoRoot(), log });
  for (let attempt = 1; ; attempt++) {
    const tmpDir = mkdtempSync(join(tmpdir(), 'baoxun-ferretdb-'));
    const dataDir = join(tmpDir, 'data');
    const stateDir = join(tmpDir, 'state');
    mkdirSync(dataDir);
    mkdirSync(stateDir);
    const port = await getFreePort();
    const url = `mongodb://127.0.0.1:${port}/${opts.database ?? DEFAULT_DATABASE}`;
    const server = new ManagedServerProcess({
      name: `ferretdb v${FERRETDB.version}`,
      bin,
      args: ferretDbArgs({ port, dataDir, stateDir }),
      url,
      port,
      dataDir,
      tmpDir,
      probe: () => probeMongo(url),
      readyTimeoutMs: opts.readyTimeoutMs ?? DEFAULT_READY_TIMEOUT_MS,
      log,
    });
    try {
      await server.start();
      return server;
    } catch (err) {
      const retry = attempt < START_ATTEMPTS && isPortConflict(server.logTail());
      await server.dispose();
      if (!retry) throw err;
      log(`ferretdb lost its port to another process; retrying on a new port`);
    }
  }
}
