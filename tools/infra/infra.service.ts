import { DEFAULT_DATABASE, probeMongo, startFerretDb } from './ferretdb.launcher';
import type { Infra, InfraOptions, LogFn, ManagedNatsServer, ManagedServer } from './infra.types';
import { redactUrl, stderrLog } from './log.util';
import { probeNats, startNatsServer } from './nats-server.launcher';
import { findRepoRoot } from './repo-root.util';
import { DEFAULT_READY_TIMEOUT_MS } from './server-options.types';
import { waitUntilReady } from './wait-ready.util';

/** An external server is only checked, never owned: nothing to stop later. */
async function checkExternal(name: string, url: string, probe: () => Promise<void>, timeoutMs: number, log: LogFn): Promise<undefined> {
  log(`using external ${name} at ${redactUrl(url)}`);
  await waitUntilReady({ name: `external ${name}`, url, probe, timeoutMs });
  return undefined;
}

function fulfilled<T>(result: PromiseSettledResult<T>): T | undefined {
  return result.status === 'fulfilled' ? result.value : undefined;
}

/**
 * The broker and the store for tests and local runs. NATS_URL / MONGO_URL (from opts.env or
 * process.env) select servers that are already running; otherwise nats-server and FerretDB (on a PostgreSQL of
 * its own) are started on free ports with temporary data, or the store in opts.persistentStore (binaries are
 * built or unpacked on first use).
 */
export async function startInfra(opts: InfraOptions = {}): Promise<Infra> {
  const env = opts.env ?? process.env;
  const log = opts.log ?? stderrLog;
  const readyTimeoutMs = opts.readyTimeoutMs ?? DEFAULT_READY_TIMEOUT_MS;
  const root = findRepoRoot();
  const natsAuth = { user: env.NATS_USER || undefined, pass: env.NATS_PASSWORD || undefined };

  const [natsResult, storeResult] = await Promise.allSettled([
    env.NATS_URL
      ? checkExternal('NATS', env.NATS_URL, () => probeNats(env.NATS_URL as string, natsAuth), readyTimeoutMs, log)
      : startNatsServer({ log, root, readyTimeoutMs, preferredPort: opts.preferredPorts?.nats }),
    env.MONGO_URL
      ? checkExternal('MongoDB', env.MONGO_URL, () => probeMongo(env.MONGO_URL as string), readyTimeoutMs, log)
      : startFerretDb({ log, root, readyTimeoutMs, database: opts.database ?? DEFAULT_DATABASE, persistentDir: opts.persistentStore, preferredPort: opts.preferredPorts?.store }),
  ]);
  const nats: ManagedNatsServer | undefined = fulfilled(natsResult);
  const store: ManagedServer | undefined = fulfilled(storeResult);

  // One failed: stop the other, so a failed setup leaves no server behind.
  const failures = [natsResult, storeResult].filter((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failures.length > 0) {
    await Promise.allSettled([nats?.dispose(), store?.dispose()]);
    if (failures.length === 1) throw failures[0].reason;
    const reasons = failures.map((f) => f.reason as Error);
    throw new AggregateError(reasons, reasons.map((e) => e.message).join('\n\n'));
  }

  let stopping: Promise<void> | undefined;
  return {
    natsUrl: nats?.url ?? (env.NATS_URL as string),
    mongoUrl: store?.url ?? (env.MONGO_URL as string),
    nats,
    store,
    stop: () => {
      stopping ??= Promise.all([nats?.dispose(), store?.dispose()]).then(() => undefined);
      return stopping;
    },
  };
}
