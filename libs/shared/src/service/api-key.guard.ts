import { type CanActivate, type ExecutionContext, Inject, Injectable, SetMetadata, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { SERVICE_CONFIG } from './service.tokens';

/** The header a client sends its key in ("Authorization: Bearer <key>" works too). */
export const API_KEY_HEADER = 'x-api-key';

/** What the guard reads from the app's parsed config (API_KEY in ingest and api; READS_REQUIRE_API_KEY in api). */
export interface ApiKeySettings {
  API_KEY?: string;
  READS_REQUIRE_API_KEY?: boolean;
}

const ACCESS_METADATA = 'baoxun:api-key-access';

/** Marks a route or controller as a read: it needs the key only when READS_REQUIRE_API_KEY is true. */
export const ReadAccess = () => SetMetadata(ACCESS_METADATA, 'read');

const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();

/** The key a request presents, from x-api-key or a Bearer authorization header. */
export function presentedApiKey(headers: IncomingHttpHeaders): string | undefined {
  const header = headers[API_KEY_HEADER];
  const direct = Array.isArray(header) ? header[0] : header;
  if (direct) return direct;
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(headers.authorization ?? '');
  return bearer?.[1];
}

/**
 * One guard for every keyed HTTP route: @UseGuards(ApiKeyGuard) on a controller or route. Routes need the key
 * unless marked @ReadAccess() (then only when READS_REQUIRE_API_KEY is true). Keys are compared in constant
 * time (SHA-256 digests of equal length, timingSafeEqual). Without API_KEY configured, keyed routes refuse
 * every request: they never fall open.
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  private readonly expected: Buffer | null;

  constructor(
    @Inject(SERVICE_CONFIG) private readonly config: ApiKeySettings,
    private readonly reflector: Reflector,
  ) {
    this.expected = config.API_KEY ? digest(config.API_KEY) : null;
  }

  canActivate(context: ExecutionContext): boolean {
    const access = this.reflector.getAllAndOverride<string | undefined>(ACCESS_METADATA, [context.getHandler(), context.getClass()]);
    if (access === 'read' && !this.config.READS_REQUIRE_API_KEY) return true;
    if (!this.expected) throw new UnauthorizedException('this route needs an API key, and the server has none configured (API_KEY)');
    const presented = presentedApiKey(context.switchToHttp().getRequest<{ headers: IncomingHttpHeaders }>().headers);
    if (!presented) throw new UnauthorizedException(`this route needs an API key: send it in the ${API_KEY_HEADER} header`);
    if (!timingSafeEqual(digest(presented), this.expected)) throw new UnauthorizedException('invalid API key');
    return true;
  }
}
