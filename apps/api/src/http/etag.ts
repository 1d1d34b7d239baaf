import { createHash } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

/**
 * A strong ETag from the response bytes: the same representation always gets the same tag, on every replica,
 * and nothing needs invalidating.
 */
export function etagOf(body: string | Buffer, encoding: BufferEncoding = 'utf8'): string {
  const bytes = typeof body === 'string' ? Buffer.from(body, encoding) : body;
  return `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 32)}"`;
}

/** If-None-Match against a tag: "*" or any listed tag, compared weakly (RFC 9110 §13.1.2). */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === opaque(etag));
}

/**
 * Conditional GET for every read: tags the 200 body and answers 304 when the client's If-None-Match holds it.
 * The origin evaluates the validator even when the request says Cache-Control: no-cache (fetch adds it to
 * conditional requests), which Express's own check would not.
 */
export function conditionalGetMiddleware(request: Request, response: Response, next: NextFunction): void {
  if (request.method !== 'GET' && request.method !== 'HEAD') return next();
  const send = response.send.bind(response);
  response.send = (body?: unknown) => {
    if (response.statusCode === 200 && (typeof body === 'string' || Buffer.isBuffer(body))) {
      const tag = etagOf(body);
      response.setHeader('ETag', tag);
      if (matchesIfNoneMatch(request.headers['if-none-match'], tag)) response.status(304);
    }
    return send(body);
  };
  next();
}
