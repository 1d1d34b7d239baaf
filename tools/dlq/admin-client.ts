import { type ApiClient, type ApiOperations, type ApiSchemas, createApiClient } from '@baoxun/api-client/api-client';
type Schemas = ApiSchemas;
export type DeadLetterItem = Schemas['DeadLetter'];
export type DeadLetterDetail = Schemas['DeadLetterDetail'];
export type DeadLetterPage = Schemas['DeadLetterPage'];
export type ReprocessProgress = Schemas['ReprocessProgress'];

type ListQuery = NonNullable<ApiOperations['listDeadLetters']['parameters']['query']>;
type ReplayManyBody = NonNullable<ApiOperations['replayDeadLetters']['requestBody']>['content']['application/json'];
type ReprocessBody = ApiOperations['startReprocess']['requestBody']['content']['application/json'];

/**
 * The operators' client of the api's /v1/admin routes (the CLI and the tests): the client generated from the
 * OpenAPI document, with a non-2xx answer thrown as an AdminError carrying the status and the problem's detail.
 */
export class AdminClient {
  readonly api: ApiClient;

  constructor(
    readonly baseUrl: string,
    apiKey: string | undefined,
  ) {
    this.api = createApiClient(baseUrl, { apiKey, timeoutMs: 60_000 });
  }

  counts(): Promise<Schemas['DeadLetterCounts']> {
    return this.answer('GET /v1/admin/dead-letters/counts', () => this.api.GET('/v1/admin/dead-letters/counts'));
  }

  list(query: ListQuery = {}): Promise<DeadLetterPage> {
    return this.answer('GET /v1/admin/dead-letters', () => this.api.GET('/v1/admin/dead-letters', { params: { query } }));
  }

  /** Every letter (of one stage) after `after`, page by page. */
  async *letters(query: { stage?: string; after?: number } = {}): AsyncGenerator<DeadLetterItem> {
    let after: number | null | undefined = query.after;
    do {
      const page = await this.list({ ...(query.stage ? { stage: query.stage } : {}), ...(after ? { after } : {}), limit: 100 });
      yield* page.items;
      after = page.nextAfter;
    } while (after !== null);
  }

  letter(seq: number): Promise<DeadLetterDetail> {
    return this.answer(`GET /v1/admin/dead-letters/${seq}`, () => this.api.GET('/v1/admin/dead-letters/{seq}', { params: { path: { seq: String(seq) } } }));
  }

  /** Publishes a letter back onto its subject: as it was, or with a corrected payload. */
  replay(seq: number, payload?: unknown): Promise<Schemas['ReplayResult']> {
    return this.answer(`POST /v1/admin/dead-letters/${seq}/replay`, () =>
      this.api.POST('/v1/admin/dead-letters/{seq}/replay', { params: { path: { seq: String(seq) } }, body: payload === undefined ? {} : { payload: payload as Record<string, unknown> } }),
    );
  }

  replayMany(body: ReplayManyBody): Promise<Schemas['ReplayManyResult']> {
    return this.answer('POST /v1/admin/dead-letters/replay', () => this.api.POST('/v1/admin/dead-letters/replay', { body }));
  }

  discard(seq: number): Promise<Schemas['DiscardResult']> {
    return this.answer(`DELETE /v1/admin/dead-letters/${seq}`, () => this.api.DELETE('/v1/admin/dead-letters/{seq}', { params: { path: { seq: String(seq) } } }));
  }

  startReprocess(scope: ReprocessBody): Promise<ReprocessProgress> {
    return this.answer('POST /v1/admin/reprocess', () => this.api.POST('/v1/admin/reprocess', { body: scope }));
  }

  reprocess(id: string): Promise<ReprocessProgress> {
    return this.answer(`GET /v1/admin/reprocess/${id}`, () => this.api.GET('/v1/admin/reprocess/{id}', { params: { path: { id } } }));
  }

  pipelineVersions(): Promise<Array<Schemas['PipelineVersionCount']>> {
    return this.answer('GET /v1/admin/pipeline-versions', () => this.api.GET('/v1/admin/pipeline-versions'));
  }

  /** The data of a 2xx answer; otherwise an AdminError (status 0 when the api can't be reached). */
  async answer<T>(what: string, call: () => Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
    const { data, error, response } = await call().catch((failure: unknown) => {
      const cause = failure instanceof Error ? ((failure.cause as Error | undefined)?.message ?? failure.message) : String(failure);
      throw new AdminError(0, `cannot reach the api at ${this.baseUrl} (${cause}); set --api or BAOXUN_API_URL`);
    });
    if (response.ok) return data as T;
    const detail = typeof error === 'object' && error !== null ? ((error as { detail?: unknown }).detail ?? JSON.stringify(error)) : String(error ?? response.statusText);
    throw new AdminError(response.status, `${what}: HTTP ${response.status}: ${typeof detail === 'string' ? detail : JSON.stringify(detail)}`);
  }
}

export class AdminError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'AdminError';
  }
}
