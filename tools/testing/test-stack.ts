import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, type NatsConnection } from 'nats';
import { type LocalStack, type LocalStackOptions, startLocalStack } from '../local-stack/local-stack';

/** The servers the global setup started (or the external ones NATS_URL / MONGO_URL name). */
export function integrationServers(): { natsUrl: string; mongoUrl: string } {
  const natsUrl = process.env.NATS_URL;
  const mongoUrl = process.env.MONGO_URL;
  if (!natsUrl || !mongoUrl) throw new Error('NATS_URL and MONGO_URL are not set: run integration tests with jest.integration.config.js');
  return { natsUrl, mongoUrl };
}

/** A database of its own for one test file, on the shared store. */
export function isolatedMongoUrl(mongoUrl: string, label: string): string {
  const url = new URL(mongoUrl);
  url.pathname = `/${label}_${randomBytes(4).toString('hex')}`;
  return url.toString();
}

/** A source name no other test uses, so that page ids never collide across test files. */
export const uniqueSource = (label: string): string => `${label}-${randomBytes(3).toString('hex')}`;

export async function startTestStack(
  label: string,
  options: Partial<LocalStackOptions> = {},
): Promise<{ stack: LocalStack; nats: NatsConnection; mongoUrl: string; apiKey: string }> {
  const servers = integrationServers();
  const mongoUrl = isolatedMongoUrl(servers.mongoUrl, label);
  // HTTP ingest and /v1/admin refuse every request without a configured key.
  const apiKey = randomBytes(24).toString('hex');
  const stack = await startLocalStack({
    natsUrl: servers.natsUrl,
    mongoUrl,
    logDir: mkdtempSync(join(tmpdir(), `baoxun-${label}-logs-`)),
    ...options,
    env: { API_KEY: apiKey, RATE_LIMIT_PER_MINUTE: '0', ...options.env },
  });
  const nats = await connect({ servers: servers.natsUrl, name: `test-${label}` });
  return { stack, nats, mongoUrl, apiKey };
}

/** Polls until check returns a value (not undefined) or the time is up. */
export async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs = 60_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastError ? `: ${String(lastError)}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
