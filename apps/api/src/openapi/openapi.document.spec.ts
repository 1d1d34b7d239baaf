import { buildOpenApiDocument } from './openapi.document';

describe('the OpenAPI document', () => {
  const document = buildOpenApiDocument({ MAX_PAGE_SIZE: 100, READS_REQUIRE_API_KEY: false });
  const operations = Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
    Object.entries(item as Record<string, { responses: Record<string, { content?: Record<string, { example?: unknown }> }>; parameters?: Array<{ name: string }> }>).map(([method, operation]) => ({ path, method, operation })),
  );

  it('is OpenAPI 3.1 with every public route', () => {
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths ?? {})).toEqual(
      expect.arrayContaining(['/v1/articles', '/v1/articles/{id}', '/v1/entities', '/v1/entities/{type}/{name}', '/v1/pages/{id}', '/health', '/metrics']),
    );
  });

  it('has an example for the success answer of every operation', () => {
    for (const { path, method, operation } of operations) {
      const success = Object.entries(operation.responses).find(([status]) => status.startsWith('2'));
      const content = Object.values(success?.[1].content ?? {});
      expect({ path, method, example: content.some((media) => media.example !== undefined) }).toEqual({ path, method, example: true });
    }
  });

  it('documents the query parameters from the same schema the api validates with', () => {
    const list = operations.find((entry) => entry.path === '/v1/articles' && entry.method === 'get');
    expect(list?.operation.parameters?.map((parameter) => parameter.name)).toEqual(
      expect.arrayContaining(['q', 'person', 'place', 'within', 'organization', 'campaign', 'source', 'from', 'to', 'sort', 'limit', 'cursor', 'facets']),
    );
  });

  it('describes errors as problem details', () => {
    const schemas = document.components?.schemas ?? {};
    expect(Object.keys(schemas)).toEqual(expect.arrayContaining(['Problem', 'WholeArticle', 'ArticleList', 'Facets', 'Entity', 'Page']));
  });
});
