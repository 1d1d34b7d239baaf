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

  it('checks combinations', () => {
    expect(issuesOf({ sort: 'relevance' })).toEqual([{ parameter: 'sort', message: 'relevance needs a text query q' }]);
    expect(issuesOf({ date: '2024-01-01', from: '2024-01-01' })[0].parameter).toBe('date');
    expect(issuesOf({ from: '2024-02-01', to: '2024-01-01' })[0].parameter).toBe('to');
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
