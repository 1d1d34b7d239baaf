import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { HealthController } from './health.controller';
import { HEALTH_CHECKS, SERVICE_CONFIG } from './service.tokens';

describe('HealthController', () => {
  let app: INestApplication;
  let base: string;
  let natsCalls = 0;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      controllers: [HealthController],
      providers: [
        { provide: SERVICE_CONFIG, useValue: { SERVICE_NAME: 'parser' } },
        // a dependency that is down: /health reports it, /health/live must not ask it
        { provide: HEALTH_CHECKS, useValue: [{ name: 'nats', check: async () => (natsCalls++, { status: 'down', detail: 'connection closed' }) }] },
      ],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${((app.getHttpServer() as Server).address() as AddressInfo).port}`;
  });

  afterAll(() => app.close());

  it('GET /health is 503 while a dependency is down', async () => {
    const response = await fetch(`${base}/health`);
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ status: 'degraded', checks: { nats: { status: 'down' } } });
  });

  it('GET /health/live is 200 without asking any dependency (liveness must not restart pods for an outage)', async () => {
    const before = natsCalls;
    const response = await fetch(`${base}/health/live`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', service: 'parser' });
    expect(natsCalls).toBe(before);
  });
});
