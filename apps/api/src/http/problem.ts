import { HttpException, HttpStatus } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import type { Problem } from '@baoxun/shared/contracts/api.contract';
import { CursorError } from '../read/cursor.codec';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** The kinds of problem, as URNs (RFC 9457 `type`); clients switch on these, not on the detail text. */
const TYPES: Record<number, string> = {
  400: 'bad-request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
  405: 'method-not-allowed',
  406: 'not-acceptable',
  409: 'conflict',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
  429: 'too-many-requests',
  500: 'internal-error',
  503: 'service-unavailable',
};

export const problemType = (slug: string): string => `urn:baoxun:problem:${slug}`;

interface Issue {
  parameter: string;
  message: string;
}

const MONGO_UNAVAILABLE = new Set(['MongoServerSelectionError', 'MongoNetworkError', 'MongoNetworkTimeoutError', 'MongoNotConnectedError', 'MongoTopologyClosedError', 'MongooseServerSelectionError']);

/** What an exception becomes on the wire; `log` says whether it is ours to look into (5xx). */
export interface MappedProblem {
  problem: Problem;
  log: boolean;
}

function base(status: number, slug: string, detail: string, instance: string, correlationId?: string): Problem {
  return { type: problemType(slug), title: STATUS_CODES[status] ?? 'Error', status, detail, instance, ...(correlationId ? { correlationId } : {}) };
}

/**
 * Maps anything a request can throw to one RFC 9457 shape. 4xx keep their message (they are about the
 * request); 5xx say only what kind of failure it was, never internals.
 */
export function problemOf(exception: unknown, instance: string, correlationId?: string): MappedProblem {
  if (exception instanceof CursorError) {
    // The cursor has the documented form (else zod said 400) but names no place in this query's results.
    return { problem: { ...base(404, 'cursor-not-found', `cursor ${exception.message}`, instance, correlationId), errors: [{ parameter: 'cursor', message: exception.message }] }, log: false };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const response = exception.getResponse();
    const body = typeof response === 'object' && response !== null ? (response as { message?: unknown; issues?: Issue[] }) : { message: response };
    const message = Array.isArray(body.message) ? body.message.join('; ') : typeof body.message === 'string' ? body.message : exception.message;
    if (status >= 500) return { problem: base(status, TYPES[status] ?? 'server-error', 'the api could not answer this request; try again later', instance, correlationId), log: true };
    if (Array.isArray(body.issues)) {
      const slug = status === HttpStatus.BAD_REQUEST ? 'invalid-parameters' : (TYPES[status] ?? 'client-error');
      return { problem: { ...base(status, slug, message, instance, correlationId), errors: body.issues.map((issue) => ({ parameter: issue.parameter, message: issue.message })) }, log: false };
    }
    const detail = status === HttpStatus.TOO_MANY_REQUESTS ? 'too many requests from this client; slow down and retry after the Retry-After seconds' : message;
    return { problem: base(status, TYPES[status] ?? 'client-error', detail, instance, correlationId), log: false };
  }
  const error = exception as { name?: string; code?: number; status?: number; statusCode?: number; expose?: boolean; message?: string };
  // http-errors (body parser): a client error with a message meant to be shown.
  const status = error?.status ?? error?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500 && error.expose) {
    return { problem: base(status, TYPES[status] ?? 'client-error', error.message ?? STATUS_CODES[status] ?? 'bad request', instance, correlationId), log: false };
  }
  if (error?.code === 50 || error?.name === 'MongoOperationTimeoutError') {
    return { problem: base(503, 'query-timeout', 'the query took too long; narrow it (filters, dates) and try again', instance, correlationId), log: true };
  }
  if (error?.name && MONGO_UNAVAILABLE.has(error.name)) {
    return { problem: base(503, 'store-unavailable', 'the store is not answering; try again shortly', instance, correlationId), log: true };
  }
  return { problem: base(500, TYPES[500], 'the api failed to answer this request; it has been logged', instance, correlationId), log: true };
}
