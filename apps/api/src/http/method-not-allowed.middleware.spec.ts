import type { NextFunction, Request, Response } from 'express';
import { documentedPaths, methodNotAllowedMiddleware } from './method-not-allowed.middleware';

const paths = {
  '/v1/articles': { get: {} },
  '/v1/admin/dead-letters/counts': { get: {} },
  '/v1/admin/dead-letters/{seq}': { get: {}, delete: {} },
  '/v1/admin/reprocess': { get: {}, post: {} },
};

function call(method: string, path: string) {
  const sent: { status?: number; headers: Record<string, string>; body?: string; next: boolean } = { headers: {}, next: false };
  const response = {
    status(code: number) {
      sent.status = code;
      return this;
    },
    setHeader(name: string, value: string) {
      sent.headers[name] = value;
      return this;
    },
    type(value: string) {
      sent.headers['content-type'] = value;
      return this;
    },
    send(body: string) {
      sent.body = body;
      return this;
    },
  } as unknown as Response;
  const next: NextFunction = () => {
    sent.next = true;
  };
  methodNotAllowedMiddleware(paths)({ method, path } as Request, response, next);
  return sent;
}

describe('methodNotAllowedMiddleware', () => {
  it('answers 405 with Allow for a documented path asked with another method', () => {
    const sent = call('DELETE', '/v1/articles');
    expect(sent).toMatchObject({ status: 405, next: false, headers: { Allow: 'GET, HEAD', 'content-type': 'application/problem+json' } });
    expect(JSON.parse(sent.body as string)).toMatchObject({ status: 405, type: 'urn:baoxun:problem:method-not-allowed' });
  });

  it('passes documented methods, HEAD with GET, OPTIONS (CORS) and undocumented paths to the routes', () => {
    for (const [method, path] of [['GET', '/v1/articles'], ['HEAD', '/v1/articles/'], ['OPTIONS', '/v1/articles'], ['PUT', '/docs'], ['POST', '/v1/articles/x/y']]) {
      expect([method, path, call(method, path).next]).toEqual([method, path, true]);
    }
  });

  it('judges a literal path by its own methods, not by a templated path it also matches', () => {
    expect(call('DELETE', '/v1/admin/dead-letters/counts')).toMatchObject({ status: 405, headers: { Allow: 'GET, HEAD' } });
    expect(call('DELETE', '/v1/admin/dead-letters/12').next).toBe(true);
    expect(call('PUT', '/v1/admin/dead-letters/12')).toMatchObject({ status: 405, headers: { Allow: 'GET, DELETE, HEAD' } });
  });

  it('orders documented paths literal first', () => {
    expect(documentedPaths(paths).map((p) => p.template)[0]).not.toContain('{');
  });
});
