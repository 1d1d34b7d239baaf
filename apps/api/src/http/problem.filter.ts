import { type ArgumentsHost, Catch, type ExceptionFilter, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { throwError } from 'rxjs';
import { PROBLEM_CONTENT_TYPE, problemOf } from './problem';

/**
 * Every HTTP error as application/problem+json (RFC 9457), including unknown routes, bad JSON and oversized
 * bodies. Errors of the JetStream consumers pass straight through, so the transport retries or dead-letters.
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost) {
    if (host.getType() !== 'http') return throwError(() => exception);
    const request = host.switchToHttp().getRequest<Request>();
    const response = host.switchToHttp().getResponse<Response>();
    const correlationId = request.headers['x-correlation-id'];
    const { problem, log } = problemOf(exception, request.originalUrl?.split('?')[0] ?? request.url, typeof correlationId === 'string' ? correlationId : undefined);
    if (log) this.logger.error({ err: exception, correlationId, path: problem.instance }, `${request.method} ${problem.instance} failed: ${problem.type}`);
    if (response.headersSent) return;
    response.status(problem.status).setHeader('Cache-Control', 'no-store').type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
  }
}
