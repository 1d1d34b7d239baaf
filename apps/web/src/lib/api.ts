import { createApiClient, type ApiClient, type ApiSchemas } from '@baoxun/api-client/api-client';

/** The reader talks to the api it was served from, only through the typed client generated from /docs-json. */
export const api: ApiClient = createApiClient(window.location.origin, { timeoutMs: 20_000 });

const KEY_STORAGE = 'baoxun.apiKey';

/** The operator's API key, kept for this browser tab only (sessionStorage). */
export const operatorKey = {
  get: (): string => window.sessionStorage.getItem(KEY_STORAGE) ?? '',
  set: (key: string): void => (key ? window.sessionStorage.setItem(KEY_STORAGE, key) : window.sessionStorage.removeItem(KEY_STORAGE)),
};

/** A client that sends the operator's key, for /v1/admin. */
export const adminApi = (key: string): ApiClient => createApiClient(window.location.origin, { apiKey: key, timeoutMs: 20_000 });

/** What went wrong, said for a reader: the api's problem detail when it sent one. */
export class LoadError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export function describeFailure(status: number, problem: unknown): LoadError {
  const detail = typeof problem === 'object' && problem !== null && 'detail' in problem ? String((problem as ApiSchemas['Problem']).detail) : '';
  if (status === 0) return new LoadError(0, 'The api did not answer: check that baoxun is running, then try again.');
  if (status === 503) return new LoadError(503, `The archive's store is not answering right now (503)${detail ? `: ${detail}` : ''}. Try again in a moment.`);
  if (status === 404) return new LoadError(404, `没有找到 Not found${detail ? `: ${detail}` : '.'}`);
  if (status === 401 || status === 403) return new LoadError(status, detail || 'This needs the API key.');
  if (status === 429) return new LoadError(429, 'Too many requests: wait a moment and try again.');
  return new LoadError(status, `${status}: ${detail || 'the api could not answer this request'}`);
}

/** The data of a 2xx answer, else a LoadError (a network failure is status 0). */
export async function load<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await call;
  } catch (error) {
    if (error instanceof LoadError) throw error;
    throw describeFailure(0, undefined);
  }
  if (result.response.ok && result.data !== undefined) return result.data;
  throw describeFailure(result.response.status, result.error);
}
