import { type ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { Request } from 'express';

/**
 * Rate limiting per client IP on the public /v1 routes (RATE_LIMIT_PER_MINUTE). Health and metrics stay open
 * for probes and scrapers, and the JetStream consumers (which share the app's global guards) are never limited.
 */
@Injectable()
export class ApiThrottlerGuard extends ThrottlerGuard {
  protected override async shouldSkip(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<Request>();
    return !request.path.startsWith('/v1/');
  }
}
