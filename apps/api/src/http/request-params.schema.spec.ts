import { articleListQuerySchema, entityListQuerySchema } from './request-params.schema';
import { parseRequest } from './zod-request';

const schema = articleListQuerySchema(100);
const issuesOf = (query: Record<string, unknown>) => {
  try {
    parseRequest(schema, query, 'query');
    return [];
  } catch (error) {
    return (error as { getResponse(): { issues: Array<{ parameter: string; message: string }> } }).getResponse().issues;
  }
};

describe('article list query', () => {
  it('applies defaults', () => {
    expect(schema.parse({})).toEqual({ sort: 'date', limit: 20, facets: false, facetLimit: 10 });
  });

  it('accepts a repeated filter as a list, and normalizes page numbers', () => {
    expect(schema.parse({ person: ['陈正明', '李明'], place: '株洲', page: 'a3' })).toMatchObject({ person: ['陈正明', '李明'], place: ['株洲'], page: 'A03' });
  });

  it('rejects operator injection in either form Express may deliver it', () => {
    // Express 5 (simple parser) keeps "person[$ne]" as a name; the qs parser would make an object.
    expect(issuesOf({ 'person[$ne]': 'x' })).toEqual([{ parameter: 'person[$ne]', message: 'is not a parameter of this route' }]);
    expect(issuesOf({ person: { $ne: 'x' } })).toEqual([{ parameter: 'person', message: 'must be a string' }]);
    expect(issuesOf({ q: { $regex: '.*' } })[0].parameter).toBe('q');
    expect(issuesOf({ limit: { $gt: 0 } })[0].parameter).toBe('limit');
  });

  it('bounds sizes and values', () => {
    expect(issuesOf({ limit: '1000' })).toEqual([{ parameter: 'limit', message: 'must be at most 100' }]);
    expect(issuesOf({ q: 'x'.repeat(101) })[0].parameter).toBe('q');
    expect(issuesOf({ person: Array.from({ length: 6 }, () => 'a') })[0]).toMatchObject({ parameter: 'person', message: 'may be given at most 5 times' });
    expect(issuesOf({ date: '2024-02-30' })[0].parameter).toBe('date');
  });

  it('gives every combination the document allows a meaning (OpenAPI cannot state rules between query parameters)', () => {
    expect(schema.parse({ sort: 'relevance' })).toMatchObject({ sort: '-date' });
    expect(schema.parse({ q: '会议', sort: 'relevance' })).toMatchObject({ sort: 'relevance' });
    // date with from/to: the intersection; outside the range, from ends up after to and nothing matches.
    expect(schema.parse({ date: '2024-01-05', from: '2024-01-01' })).toMatchObject({ from: '2024-01-05', to: '2024-01-05' });
    expect(schema.parse({ date: '2024-01-05', from: '2024-01-01' })).not.toHaveProperty('date');
    expect(schema.parse({ date: '2024-01-05', from: '2024-02-01', to: '2024-03-01' })).toMatchObject({ from: '2024-02-01', to: '2024-01-05' });
    expect(schema.parse({ from: '2024-02-01', to: '2024-01-01' })).toMatchObject({ from: '2024-02-01', to: '2024-01-01' });
  });

  it('checks text as the document states it: a non-blank character, at most max code points, then trimmed', () => {
    expect(issuesOf({ q: ' \u3000\ufeff' })).toEqual([{ parameter: 'q', message: 'is empty' }]);
    expect(schema.parse({ q: ' 会议 ' })).toMatchObject({ q: '会议' });
    // 100 astral characters are 100 for JSON Schema's maxLength, 200 UTF-16 units for String.length.
    expect(schema.safeParse({ q: '𠀀'.repeat(100) }).success).toBe(true);
    expect(issuesOf({ q: '𠀀'.repeat(101) })[0].parameter).toBe('q');
    expect(issuesOf({ cursor: 'not base64url' })[0].parameter).toBe('cursor');
    // PostgreSQL (under FerretDB) cannot hold a NUL: it never reaches the store.
    expect(issuesOf({ place: '株\u0000洲' })).toEqual([{ parameter: 'place', message: 'holds a NUL character' }]);
  });
});

describe('entity list query', () => {
  it('takes a type, a name part and a page size, and nothing else', () => {
    const entities = entityListQuerySchema(50);
    expect(entities.parse({ type: 'place', q: '株洲', limit: '5' })).toEqual({ type: 'place', q: '株洲', limit: 5 });
    expect(entities.safeParse({ type: 'ship' }).success).toBe(false);
    expect(entities.safeParse({ 'q[$regex]': '.*' }).success).toBe(false);
  });
});
