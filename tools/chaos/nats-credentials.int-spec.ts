import { join } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { ManagedServer } from '../infra/infra.types';
import { getFreePort } from '../infra/free-port.util';
import { ServiceProcess } from '../local-stack/service-process';
import { integrationServers, uniqueSource } from '../testing/test-stack';
import { type NatsCredentials, startNatsServerWithAuth } from './auth-nats.launcher';
import { submitUntilAccepted } from './chaos-scanner';
import { type ChaosStack, startChaosStack } from './chaos-stack';
import { corpusPage } from './page-corpus';
import { auditThroughApi, waitUntilStored } from './pipeline-audit';

// NATS credentials: against a nats-server that requires a user and password (started as docker-compose.yml
// starts it), the services work when NATS_USER / NATS_PASSWORD are set, and refuse to start without them.

describe('a nats-server that requires user/password', () => {
  const credentials: NatsCredentials = { user: 'scanner-gateway', password: 'p@ss w0rd:with/odd#chars' };
  let broker: ManagedServer;
  let chaos: ChaosStack | undefined;

  beforeAll(async () => {
    broker = await startNatsServerWithAuth(credentials);
  }, 120_000);

  afterAll(async () => {
    await chaos?.stop();
    await broker?.dispose();
  }, 120_000);

  it('carries a page through all four services given the credentials', async () => {
    chaos = await startChaosStack('creds', { natsUrl: broker.url, mongoUrl: integrationServers().mongoUrl, natsCredentials: credentials });
    const source = uniqueSource('creds');
    const pages = [corpusPage(source, 0), corpusPage(source, 24)];
    for (const page of pages) await submitUntilAccepted(chaos.nats, page, 60_000);
    expect(await waitUntilStored(chaos.nats, chaos.mongoUrl, pages.map((page) => page.pageId), { timeoutMs: 120_000, label: 'credentials' })).toBe(pages.length);
    const figures = await auditThroughApi(chaos.stack.apiUrl, pages, [source]);
    expect(figures).toMatchObject({ pagesStored: 2, lost: 0, duplicated: 0, problems: [] });
  }, 300_000);

  it('does not start a service without them or with a wrong password, and says why', async () => {
    for (const [label, env] of [
      ['none', {}],
      ['wrong password', { NATS_USER: credentials.user, NATS_PASSWORD: 'wrong' }],
    ] as const) {
      const service = new ServiceProcess({
        name: 'parser',
        port: await getFreePort(),
        env: { NATS_URL: broker.url, ...env },
        logFile: join(mkdtempSync(join(tmpdir(), 'baoxun-creds-')), `parser-${label.replace(' ', '-')}.log`),
      });
      await expect(service.start(60_000)).rejects.toThrow(/Authorization Violation|AUTHORIZATION_VIOLATION/i);
      await service.kill9();
    }
  }, 180_000);
});
