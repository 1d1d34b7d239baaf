import { OpenAPIRegistry, OpenApiGeneratorV31, type ResponseConfig } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import type { ApiConfig } from '@baoxun/shared/config/api.config';
import {
  ArticleListSchema,
  ArticleSummarySchema,
  EntityDetailSchema,
  EntityTimelineSchema,
  EntityListSchema,
  EntitySummarySchema,
  FacetsSchema,
  PageViewSchema,
  ProblemSchema,
  RecountResultSchema,
  WholeArticleSchema,
} from '@baoxun/shared/contracts/api.contract';
import { API_KEY_HEADER } from '@baoxun/shared/service/api-key.guard';
import {
  ArticleIdSchema,
  articleListQuerySchema,
  entityDetailQuerySchema,
  entityListQuerySchema,
  EntityPathSchema,
  PageIdSchema,
} from '../http/request-params.schema';
import { registerAdminPaths } from './admin.paths';

type Example = Record<string, unknown>;
const exampleOf = (schema: z.ZodType): Example => (schema.meta() as { example?: Example } | undefined)?.example ?? {};

const problem = (status: number, slug: string, detail: string, instance: string): ResponseConfig => ({
  description: `${status}: ${detail}`,
  content: {
    'application/problem+json': {
      schema: ProblemSchema,
      example: { type: `urn:baoxun:problem:${slug}`, title: slug, status, detail, instance },
    },
  },
});

const json = (description: string, schema: z.ZodType, example: unknown, headers = true): ResponseConfig => ({
  description,
  ...(headers
    ? {
        headers: {
          ETag: { description: 'Strong validator of the body; send it back in If-None-Match for a 304.', schema: { type: 'string' } },
          'Cache-Control': { description: 'public (or private when reads need a key), max-age=CACHE_MAX_AGE_SECONDS', schema: { type: 'string' } },
        },
      }
    : {}),
  content: { 'application/json': { schema, example } },
});

const notModified: ResponseConfig = { description: 'Not modified: the If-None-Match ETag still matches.' };

const readErrors = (instance: string): Record<string, ResponseConfig> => ({
  '400': problem(400, 'invalid-parameters', 'invalid query: limit must be at most 100', instance),
  '401': problem(401, 'unauthorized', 'this route needs an API key: send it in the x-api-key header', instance),
  '429': problem(429, 'too-many-requests', 'too many requests from this client; slow down and retry after the Retry-After seconds', instance),
  '503': problem(503, 'store-unavailable', 'the store is not answering, or the query took longer than QUERY_TIMEOUT_MS; try again shortly', instance),
});

/** A list with a keyset cursor: one of the documented form that this api did not give out for the same query. */
const cursorNotFound = (instance: string): ResponseConfig =>
  problem(404, 'cursor-not-found', 'cursor belongs to another query: keep the filters and sort of the request that returned it', instance);

/**
 * Links between operations (OpenAPI 3.1 Link objects, by operationId): where an answer's ids lead. Clients and
 * schemathesis's stateful phase follow them from a list to its items, from an article to its page, from a
 * reprocessing run to its progress.
 */
const link = (operationId: string, parameters: Record<string, string>, description: string) => ({ operationId, parameters, description });

/**
 * The OpenAPI 3.1 document of the api, generated from the zod schemas the code validates requests with and
 * the response schemas in libs/shared/src/contracts/api.contract.ts, with an example on every operation.
 */
export function buildOpenApiDocument(config: Pick<ApiConfig, 'MAX_PAGE_SIZE' | 'READS_REQUIRE_API_KEY'>) {
  const registry = new OpenAPIRegistry();
  const apiKey = registry.registerComponent('securitySchemes', 'apiKey', { type: 'apiKey', in: 'header', name: API_KEY_HEADER, description: 'Or Authorization: Bearer <key>.' });
  const readSecurity = config.READS_REQUIRE_API_KEY ? [{ [apiKey.name]: [] }] : [];
  const summary = exampleOf(ArticleSummarySchema);

  registry.registerPath({
    method: 'get',
    path: '/v1/articles',
    operationId: 'listArticles',
    tags: ['articles'],
    summary: 'Search articles',
    description:
      'Filters combine (all must match; a repeated parameter means all of its values). q matches Chinese without spaces: every term must appear as written. ' +
      'Pages with nextCursor; facets=true adds the most frequent entities of the matching articles. Only articles of complete page versions are listed.',
    security: readSecurity,
    request: { query: articleListQuerySchema(config.MAX_PAGE_SIZE) },
    responses: {
      '200': {
        ...json('A page of matching articles.', ArticleListSchema, { items: [summary], nextCursor: 'WzEsImFydGljbGVzIiwiLi4uIl0', facets: exampleOf(FacetsSchema) }),
        links: {
          getArticle: link('getArticle', { id: '$response.body#/items/0/id' }, 'The first article, whole.'),
          getPage: link('getPage', { id: '$response.body#/items/0/pageId' }, 'The page the first article is on.'),
        },
      },
      '304': notModified,
      '404': cursorNotFound('/v1/articles'),
      ...readErrors('/v1/articles'),
    },
  });

  registry.registerPath({
    method: 'get',
    path: '/v1/articles/{id}',
    operationId: 'getArticle',
    tags: ['articles'],
    summary: 'An article, whole',
    description: 'Stitched across pages when it continues on another page (▶▶下转02版② / ▲▲上接01版②), with each part and its page. Mentions carry offsets to highlight.',
    security: readSecurity,
    request: { params: z.object({ id: ArticleIdSchema }) },
    responses: {
      '200': { ...json('The article.', WholeArticleSchema, exampleOf(WholeArticleSchema)), links: { getPage: link('getPage', { id: '$response.body#/pageId' }, 'The page it starts on.') } },
      '304': notModified,
      '404': problem(404, 'not-found', 'no article ar_3f1c9a0b7d2e4c5a6b7c8d9e', '/v1/articles/ar_3f1c9a0b7d2e4c5a6b7c8d9e'),
      ...readErrors('/v1/articles/ar_3f1c9a0b7d2e4c5a6b7c8d9e'),
    },
  });

  registry.registerPath({
    method: 'get',
    path: '/v1/entities',
    operationId: 'listEntities',
    tags: ['entities'],
    summary: 'People, places, organizations and campaigns',
    description: 'Most mentioned first, with the number of articles that mention each.',
    security: readSecurity,
    request: { query: entityListQuerySchema(config.MAX_PAGE_SIZE) },
    responses: {
      '200': {
        ...json('A page of entities.', EntityListSchema, { items: [exampleOf(EntitySummarySchema)], nextCursor: null }),
        links: { getEntity: link('getEntity', { type: '$response.body#/items/0/type', name: '$response.body#/items/0/name' }, 'The first entity, with its articles.') },
      },
      '304': notModified,
      '404': cursorNotFound('/v1/entities'),
      ...readErrors('/v1/entities'),
    },
  });

  registry.registerPath({
    method: 'get',
    path: '/v1/entities/{type}/{name}',
    operationId: 'getEntity',
    tags: ['entities'],
    summary: 'One entity, its articles and who appears with it',
    security: readSecurity,
    request: { params: EntityPathSchema, query: entityDetailQuerySchema(config.MAX_PAGE_SIZE) },
    responses: {
      '200': {
        ...json('The entity.', EntityDetailSchema, {
          entity: exampleOf(EntitySummarySchema),
          articles: { items: [summary], nextCursor: null, href: '/v1/articles?place=430211&sort=-date' },
          related: exampleOf(FacetsSchema),
        }),
        links: { getArticle: link('getArticle', { id: '$response.body#/articles/items/0/id' }, 'Its newest article.') },
      },
      '304': notModified,
      '404': problem(404, 'not-found', 'no place 不存在', '/v1/entities/place/%E4%B8%8D%E5%AD%98%E5%9C%A8'),
      ...readErrors('/v1/entities/place/430211'),
    },
  });

  registry.registerPath({
    method: 'get',
    path: '/v1/entities/{type}/{name}/timeline',
    operationId: 'getEntityTimeline',
    tags: ['entities'],
    summary: 'Articles per month and roles over time of one entity',
    security: readSecurity,
    request: { params: EntityPathSchema },
    responses: {
      '200': json('The timeline.', EntityTimelineSchema, exampleOf(EntityTimelineSchema)),
      '304': notModified,
      '404': problem(404, 'not-found', 'no place 不存在', '/v1/entities/place/%E4%B8%8D%E5%AD%98%E5%9C%A8/timeline'),
      ...readErrors('/v1/entities/person/%E9%99%88%E6%AD%A3%E6%98%8E/timeline'),
    },
  });

  registry.registerPath({
    method: 'get',
    path: '/v1/pages/{id}',
    operationId: 'getPage',
    tags: ['pages'],
    summary: 'A page and its status in the pipeline',
    security: readSecurity,
    request: { params: z.object({ id: PageIdSchema }) },
    responses: {
      '200': { ...json('The page.', PageViewSchema, exampleOf(PageViewSchema)), links: { getArticle: link('getArticle', { id: '$response.body#/articles/0/id' }, 'Its first article, whole.') } },
      '304': notModified,
      '404': problem(404, 'not-found', 'no page pg_0a1b2c3d4e5f60718293a4b5', '/v1/pages/pg_0a1b2c3d4e5f60718293a4b5'),
      ...readErrors('/v1/pages/pg_0a1b2c3d4e5f60718293a4b5'),
    },
  });

  registry.registerPath({
    method: 'post',
    path: '/v1/admin/entities/recount',
    operationId: 'recountEntities',
    tags: ['admin'],
    summary: "Recount every entity's articles",
    description: 'Repairs entity counts from the served articles. API key required.',
    security: [{ [apiKey.name]: [] }],
    responses: {
      '200': json('What was recounted.', RecountResultSchema, exampleOf(RecountResultSchema), false),
      '400': problem(400, 'invalid-parameters', 'invalid query: nonsense is not a parameter of this route', '/v1/admin/entities/recount'),
      '401': problem(401, 'unauthorized', 'invalid API key', '/v1/admin/entities/recount'),
      '429': problem(429, 'too-many-requests', 'too many requests from this client; slow down and retry after the Retry-After seconds', '/v1/admin/entities/recount'),
      '503': problem(503, 'store-unavailable', 'the store is not answering; try again shortly', '/v1/admin/entities/recount'),
    },
  });

  registerAdminPaths(registry, [{ [apiKey.name]: [] }]);

  registry.registerPath({
    method: 'get',
    path: '/health',
    operationId: 'getHealth',
    tags: ['operations'],
    summary: 'Health of the api and what it depends on',
    responses: {
      '200': json('NATS and the store answer.', z.object({ status: z.enum(['ok', 'degraded']), service: z.string(), checks: z.record(z.string(), z.object({ status: z.enum(['up', 'down']), detail: z.string().optional() })) }), {
        status: 'ok',
        service: 'api',
        checks: { nats: { status: 'up' }, store: { status: 'up' } },
      }, false),
      '503': json('Something it depends on is down.', z.object({ status: z.literal('degraded') }).passthrough(), { status: 'degraded', service: 'api', checks: { nats: { status: 'up' }, store: { status: 'down', detail: 'mongoose connection state 0' } } }, false),
    },
  });

  registry.registerPath({
    method: 'get',
    path: '/metrics',
    operationId: 'getMetrics',
    tags: ['operations'],
    summary: 'Prometheus metrics',
    description: 'Request latency histograms (baoxun_http_request_duration_seconds), consumer lag, processed and failed message counts.',
    responses: {
      '200': {
        description: 'Prometheus text format.',
        content: { 'text/plain': { schema: z.string(), example: 'baoxun_http_request_duration_seconds_bucket{le="0.01",method="GET",route="/v1/articles/:id",status="200",service="api"} 1234' } },
      },
    },
  });

  const document = new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'baoxun API',
      version: '1',
      description:
        'Articles of scanned Chinese newspaper pages, tagged with people, places (with GB/T 2260 division codes), organizations and campaigns. ' +
        'Errors are RFC 9457 problem details (application/problem+json). Reads carry ETag and Cache-Control.',
    },
    servers: [{ url: '/' }],
    tags: [
      { name: 'articles', description: 'Search and read articles.' },
      { name: 'entities', description: 'Who and what the articles mention.' },
      { name: 'pages', description: 'Pages and where they are in the pipeline.' },
      { name: 'admin', description: 'Operators only: API key required.' },
      { name: 'operations', description: 'Health and metrics.' },
    ],
  });
  exactlyOne(document, '/v1/admin/reprocess', 'post');
  return document;
}

/**
 * zod's union is written as anyOf. The reprocessing scopes exclude each other (strict objects, each with its own
 * required key), so the document says oneOf, which is what they mean: exactly one scope.
 */
function exactlyOne(document: ReturnType<OpenApiGeneratorV31['generateDocument']>, path: string, method: 'post'): void {
  const media = (document.paths?.[path]?.[method]?.requestBody as { content?: Record<string, { schema?: Record<string, unknown> }> } | undefined)?.content?.['application/json'];
  const schema = media?.schema;
  if (!schema || !Array.isArray(schema.anyOf)) throw new Error(`the body of ${method.toUpperCase()} ${path} is no longer a union`);
  const { anyOf, ...rest } = schema;
  media.schema = { ...rest, oneOf: anyOf };
}
