/** One dependency's health, as /health reports it. */
export interface HealthCheckResult {
  status: 'up' | 'down';
  detail?: string;
}

export interface HealthCheck {
  name: string;
  check(): Promise<HealthCheckResult>;
}

export interface HealthReport {
  status: 'ok' | 'degraded';
  service: string;
  checks: Record<string, HealthCheckResult>;
}

/** Runs every check with a timeout: a hung dependency must not hang the health endpoint. */
export async function runHealthChecks(service: string, checks: HealthCheck[], timeoutMs = 2_000): Promise<HealthReport> {
  const results = await Promise.all(
    checks.map(async (check) => {
      const timeout = new Promise<HealthCheckResult>((resolve) => setTimeout(() => resolve({ status: 'down', detail: `no answer within ${timeoutMs} ms` }), timeoutMs).unref());
      const result = await Promise.race([check.check().catch((error: unknown) => ({ status: 'down' as const, detail: String(error) })), timeout]);
      return [check.name, result] as const;
    }),
  );
  const status = results.every(([, result]) => result.status === 'up') ? 'ok' : 'degraded';
  return { status, service, checks: Object.fromEntries(results) };
}
