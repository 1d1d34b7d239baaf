import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiError, createApiClient, expectOk } from './api-client';

// The client's own wiring (key header, repeated filters, problems) against a tiny local HTTP server; the client
// against the real api is exercised by the api's integration tests and the bench.
describe('createApiClient', () => {
  let server: Server;
  let base: string;
  const seen: IncomingMessage[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      seen.push(request);
      if (request.url?.startsWith('/v1/articles/ar_')) {
        response.writeHead(404, { 'content-type': 'application/problem+json' });
        response.end(JSON.stringify({ type: 'urn:baoxun:problem:not-found', title: 'Not Found', status: 404, detail: 'no article', instance: request.url }));
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ items: [], nextCursor: null, facets: null }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('sends the key and repeats a filter given several values', async () => {
    const api = createApiClient(base, { apiKey: 'k'.repeat(16), timeoutMs: 5_000 });
    const list = await expectOk(api.GET('/v1/articles', { params: { query: { person: ['陈正明', '李明'], sort: '-date' } } }));
    expect(list.items).toEqual([]);
    const request = seen.at(-1);
    expect(request?.headers['x-api-key']).toBe('k'.repeat(16));
    expect(new URL(request?.url ?? '', base).searchParams.getAll('person')).toEqual(['陈正明', '李明']);
  });

  it('turns a problem answer into an ApiError with its status and detail', async () => {
    const api = createApiClient(base);
    const failure = await expectOk(api.GET('/v1/articles/{id}', { params: { path: { id: 'ar_000000000000000000000000' } } })).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({ status: 404, problem: { type: 'urn:baoxun:problem:not-found' } });
  });
});
