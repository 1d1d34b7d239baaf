import { startInfra } from './infra.service';
import type { Infra } from './infra.types';
import { redactUrl } from './log.util';

/** Where the teardown (same process as the setup) finds the running servers. */
export const INFRA_GLOBAL_KEY = '__BAOXUN_INFRA__';

/**
 * Jest globalSetup for the integration tests: one nats-server and one FerretDB for the whole run
 * (or NATS_URL / MONGO_URL when set). The URLs go into process.env, which the test workers inherit.
 * Tests that stop or crash the broker start their own with startNatsServer()/startFerretDb().
 */
export default async function globalSetup(): Promise<void> {
  process.stderr.write('\n');
  const infra = await startInfra();
  process.env.NATS_URL = infra.natsUrl;
  process.env.MONGO_URL = infra.mongoUrl;
  (globalThis as Record<string, unknown>)[INFRA_GLOBAL_KEY] = infra satisfies Infra;
  process.stderr.write(`[infra] NATS_URL=${redactUrl(infra.natsUrl)} MONGO_URL=${redactUrl(infra.mongoUrl)}\n`);
}
