import { type CallHandler, type ExecutionContext, Inject, Injectable, type NestInterceptor } from '@nestjs/common';
import type { Response } from 'express';
import type { Observable } from 'rxjs';
import type { ApiConfig } from '@baoxun/shared/config/api.config';
import { SERVICE_CONFIG } from '@baoxun/shared/service/service.tokens';

/**
 * Cache-Control on reads: shared caches may keep public reads for CACHE_MAX_AGE_SECONDS; keyed reads only the
 * client. Revalidation is cheap: the ETag (see etag.ts) turns an unchanged answer into a 304.
 */
@Injectable()
export class ReadCacheInterceptor implements NestInterceptor {
  private readonly value: string;

  constructor(@Inject(SERVICE_CONFIG) config: ApiConfig) {
    this.value = `${config.READS_REQUIRE_API_KEY ? 'private' : 'public'}, max-age=${config.CACHE_MAX_AGE_SECONDS}`;
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const response = context.switchToHttp().getResponse<Response>();
    response.setHeader('Cache-Control', this.value);
    response.vary('Authorization').vary('X-API-Key');
    return next.handle();
  }
}
