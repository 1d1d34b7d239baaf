import createClient, { type Client } from 'openapi-fetch';
import type { components, operations, paths } from './api.generated';

/**
 * A typed client of the baoxun api: openapi-fetch over the types openapi-typescript generates from the api's
 * OpenAPI document (api.generated.ts). Paths, parameters, bodies and answers are checked by the compiler, so
 * an API change that breaks a caller breaks its build.
 *
 *   const api = createApiClient('http://127.0.0.1:3000', { apiKey });
 *   const { data, error, response } = await api.GET('/v1/articles', { params: { query: { person: '陈正明', sort: '-date' } } });
 */
export type ApiClient = Client<paths>;
export type ApiPaths = paths;
export type ApiSchemas = components['schemas'];
export type ApiOperations = operations;

export interface ApiClientOptions {
  /** Sent as x-api-key: admin routes, and reads when READS_REQUIRE_API_KEY is set. */
  apiKey?: string;
  /** Extra headers on every request (say X-Correlation-Id). */
  headers?: Record<string, string>;
  /** Per-request time limit in ms (none by default). */
  timeoutMs?: number;
  fetch?: typeof globalThis.fetch;
}

export function createApiClient(baseUrl: string, options: ApiClientOptions = {}): ApiClient {
  const baseFetch = options.fetch ?? globalThis.fetch;
  return createClient<paths>({
    baseUrl: baseUrl.replace(/\/$/, ''),
    headers: { ...(options.apiKey ? { 'x-api-key': options.apiKey } : {}), ...options.headers },
    // A repeated filter (?person=a&person=b) is how the api takes several values.
    querySerializer: { array: { style: 'form', explode: true } },
    fetch: options.timeoutMs ? (request: Request) => baseFetch(request, { signal: AbortSignal.timeout(options.timeoutMs as number) }) : (request: Request) => baseFetch(request),
  });
}

/** An answer that is not 2xx: its status and problem details (RFC 9457), for callers that throw. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: ApiSchemas['Problem'] | undefined,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The data of a 2xx answer, or an ApiError with the problem's detail. */
export async function expectOk<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (response.ok) return data as T;
  const problem = typeof error === 'object' && error !== null ? (error as ApiSchemas['Problem']) : undefined;
  throw new ApiError(response.status, problem, `${response.status} ${problem?.detail ?? (typeof error === 'string' ? error : response.statusText)}`);
}
