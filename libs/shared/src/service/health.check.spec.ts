import { runHealthChecks } from './health.check';

describe('runHealthChecks', () => {
  it('is ok when every check is up', async () => {
    const report = await runHealthChecks('api', [{ name: 'nats', check: async () => ({ status: 'up' }) }]);
    expect(report).toEqual({ status: 'ok', service: 'api', checks: { nats: { status: 'up' } } });
  });

  it('is degraded when a check fails, throws or hangs', async () => {
    const report = await runHealthChecks(
      'api',
      [
        { name: 'down', check: async () => ({ status: 'down', detail: 'x' }) },
        { name: 'throws', check: async () => Promise.reject(new Error('boom')) },
        { name: 'hangs', check: () => new Promise(() => undefined) },
      ],
      50,
    );
    expect(report.status).toBe('degraded');
    expect(report.checks.throws).toEqual({ status: 'down', detail: 'Error: boom' });
    expect(report.checks.hangs.detail).toContain('no answer within 50 ms');
  });
});
