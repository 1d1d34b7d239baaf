/** A thin client of the api's /v1/admin routes, for the CLI and the tests. */
export class AdminClient {
  constructor(
    readonly baseUrl: string,
    private readonly apiKey: string | undefined,
  ) {}

  async request<T>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.apiKey) headers['x-api-key'] = this.apiKey;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(new URL(path, this.baseUrl), { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal: AbortSignal.timeout(60_000) }).catch((error: unknown) => {
      throw new AdminError(0, `cannot reach the api at ${this.baseUrl} (${error instanceof Error ? (error.cause as Error | undefined)?.message ?? error.message : String(error)}); set --api or BAOXUN_API_URL`);
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON: keep the text for the message
    }
    if (!response.ok) {
      const detail = typeof parsed === 'object' && parsed !== null ? ((parsed as { detail?: string; message?: string }).detail ?? (parsed as { message?: string }).message ?? text) : text;
      throw new AdminError(response.status, `${method} ${path}: HTTP ${response.status}: ${typeof detail === 'string' ? detail : JSON.stringify(detail)}`);
    }
    return parsed as T;
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

export interface DeadLetterItem {
  seq: number;
  stage: string;
  subject: string;
  reason: string;
  deliveries: number;
  failedAt: string;
  payloadBytes: number;
  payloadPreview: string | null;
  headers: Record<string, string[]>;
}

export interface DeadLetterDetail extends DeadLetterItem {
  payloadBase64: string;
  payloadText: string | null;
  payloadJson: unknown;
}

export interface ReprocessProgress {
  id: string;
  scope: unknown;
  status: string;
  total: number;
  published: number;
  pagesReprocessed: number;
  articlesRewritten: number;
  done: boolean;
  error: string | null;
}
