import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, type NatsConnection } from 'nats';
import { type LocalStack, type LocalStackOptions, startLocalStack } from '../local-stack/local-stack';
import { integrationServers, isolatedMongoUrl } from '../testing/test-stack';

/** The key the fault tests configure (API_KEY) for ingest's HTTP door and the admin routes. */
export const CHAOS_API_KEY = 'chaos-api-key-0123456789abcdef';

/**
 * Pages a fault test sends: its share of CHAOS_PAGES (1000 in npm run test:chaos and so in npm test; default
 * 200), at least `min`. The crash test sends them all; the others a share, which keeps the whole run near ten
 * minutes on two cores (the api on FerretDB stores a few pages a second).
 */
export const chaosPages = (share = 1, min = 20): number => Math.max(min, Math.round(Number(process.env.CHAOS_PAGES ?? 200) * share));

/** How long a test may wait for its pages to be stored: the api on FerretDB stores a few pages a second at best. */
export const storeTimeoutMs = (pages = chaosPages()): number => Math.max(600_000, pages * 3_000);

/** A fault test's jest timeout: sending, two waits for the store, and the audit. */
export const chaosTestTimeoutMs = (pages = chaosPages()): number => 2 * storeTimeoutMs(pages) + 600_000;

/** Seed of the random moments; printed, and taken from CHAOS_SEED to repeat a run. */
export const chaosSeed = (): number => {
  const seed = process.env.CHAOS_SEED ? Number(process.env.CHAOS_SEED) : Math.floor(Math.random() * 2 ** 31);
  process.stderr.write(`[chaos] seed ${seed} (CHAOS_SEED=${seed} repeats these moments)\n`);
  return seed;
};

export interface ChaosStackOptions {
  /** Servers of the test's own (for broker and store faults; a cluster's URLs comma separated); default: the global setup's. */
  natsUrl?: string;
  mongoUrl?: string;
  natsCredentials?: { user: string; password: string };
  replicas?: LocalStackOptions['replicas'];
  env?: Record<string, string>;
  /**
   * How often the test's own connection (its scanner and probes) pings its server; the client's default is 2
   * minutes, too slow to notice a server cut off without a reset (a network cut). Two missed pings drop it, and a
   * connection attempt waits this long too (the default 20 s, spent on the cut server before trying the next).
   */
  clientPingIntervalMs?: number;
}

export interface ChaosStack {
  stack: LocalStack;
  nats: NatsConnection;
  natsUrl: string;
  /** The api's database (freshDatabase() moves it). */
  mongoUrl: string;
  logDir: string;
  stop(): Promise<void>;
}

/**
 * The four services as real processes from dist/, on a database of their own. Redelivery after a crash comes
 * after ACK_WAIT_MS (10 s here, so kill -9 recovery fits the time budget).
 */
export async function startChaosStack(label: string, options: ChaosStackOptions = {}): Promise<ChaosStack> {
  const shared = options.natsUrl && options.mongoUrl ? null : integrationServers();
  const natsUrl = options.natsUrl ?? (shared as { natsUrl: string }).natsUrl;
  const mongoUrl = isolatedMongoUrl(options.mongoUrl ?? (shared as { mongoUrl: string }).mongoUrl, label);
  const logDir = mkdtempSync(join(tmpdir(), `baoxun-chaos-${label}-`));
  const credentials: Record<string, string> = options.natsCredentials ? { NATS_USER: options.natsCredentials.user, NATS_PASSWORD: options.natsCredentials.password } : {};
  const stack = await startLocalStack({
    natsUrl,
    mongoUrl,
    logDir,
    replicas: options.replicas,
    // No rate limit: the tests' own readers poll the api as fast as it answers (the limit has its own tests).
    env: { ACK_WAIT_MS: '10000', API_KEY: CHAOS_API_KEY, RATE_LIMIT_PER_MINUTE: '0', ...credentials, ...options.env },
  });
  const nats = await connect({
    // NATS_URL's form: one URL, or a cluster's servers separated by commas.
    servers: natsUrl.split(',').map((url) => url.trim()),
    name: `chaos-${label}`,
    maxReconnectAttempts: -1,
    reconnectTimeWait: 500,
    ...(options.clientPingIntervalMs ? { pingInterval: options.clientPingIntervalMs, maxPingOut: 2, timeout: options.clientPingIntervalMs } : {}),
    ...(options.natsCredentials ? { user: options.natsCredentials.user, pass: options.natsCredentials.password } : {}),
  });
  process.stderr.write(`[chaos] ${label}: services up, logs in ${logDir}\n`);
  return {
    stack,
    nats,
    natsUrl,
    mongoUrl,
    logDir,
    stop: async () => {
      await nats.close().catch(() => undefined);
      await stack.stop();
    },
  };
}

/** Restarts the api on an empty database of its own, so the next test's store starts small. */
export async function freshDatabase(chaos: ChaosStack, label: string): Promise<void> {
  const api = chaos.stack.services.api[0];
  await api.stop(60_000);
  chaos.mongoUrl = isolatedMongoUrl(chaos.mongoUrl, label);
  api.options.env.MONGO_URL = chaos.mongoUrl;
  await api.start(180_000);
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
