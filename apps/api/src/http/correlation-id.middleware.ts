import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

const HEADER = 'x-correlation-id';
const VALID = /^[\w.:-]{1,128}$/;

/**
 * Every request has a correlation id: the caller's X-Correlation-Id when it is sane, else a new one. It is put
 * back on the request (the JSON logs read it there), echoed on the response and into problem details.
 */
export function correlationIdMiddleware(request: Request, response: Response, next: NextFunction): void {
  const given = request.headers[HEADER];
  const id = typeof given === 'string' && VALID.test(given) ? given : randomUUID();
  request.headers[HEADER] = id;
  response.setHeader('X-Correlation-Id', id);
  next();
}
