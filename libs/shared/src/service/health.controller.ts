import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import { type HealthCheck, runHealthChecks } from './health.check';
import { HEALTH_CHECKS, SERVICE_CONFIG } from './service.tokens';

/**
 * GET /health: 200 when every dependency answers, 503 "degraded" otherwise (readiness, startup, load balancers and
 * compose read the code). GET /health/live: 200 while the process answers at all, no dependency asked (liveness:
 * a long NATS or MongoDB outage must take pods out of their Service, not restart them all at once).
 */
@Controller()
export class HealthController {
  constructor(
    @Inject(HEALTH_CHECKS) private readonly checks: HealthCheck[],
    @Inject(SERVICE_CONFIG) private readonly config: { SERVICE_NAME: string },
  ) {}

  @Get('health')
  async health(@Res({ passthrough: true }) response: Response) {
    const report = await runHealthChecks(this.config.SERVICE_NAME, this.checks);
    response.status(report.status === 'ok' ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return report;
  }

  @Get('health/live')
  live() {
    return { status: 'ok', service: this.config.SERVICE_NAME };
  }
}
