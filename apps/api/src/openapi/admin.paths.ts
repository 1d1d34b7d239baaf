import type { OpenAPIRegistry, ResponseConfig } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { ProblemSchema } from '@baoxun/shared/contracts/api.contract';
import {
  DeadLetterSeqSchema,
  ListDeadLettersQuerySchema,
  ReplayDeadLetterBodySchema,
  ReplayDeadLettersBodySchema,
  ReprocessJobIdSchema,
  ReprocessRequestSchema,
} from '../admin/admin-request.schema';

// The operators' routes under /v1/admin (dead letters, reprocessing), documented from the request schemas they
// validate with. Their answers are plain objects, shown by example.

const letter = {
  seq: 1234,
  stage: 'parser',
  subject: 'pages.received',
  reason: 'page pg_… cannot be parsed: no title block found',
  headers: { 'X-Correlation-Id': ['scan-2024-02-23-p01'] },
  deliveries: 1,
  streamSequence: 5678,
  failedAt: '2024-02-23T08:00:01.000Z',
  deadLetteredAt: '2024-02-23T08:00:01.010Z',
  payloadBytes: 18234,
  payloadPreview: '{"pageId":"pg_0a1b2c3d4e5f60718293a4b5",…',
};
const replay = { seq: 1234, subject: 'pages.received', publishedSeq: 9012, duplicate: false };
const progress = {
  id: 'rp_0123456789abcdef',
  scope: { source: '株洲日报', from: '2024-01-01' },
  status: 'published',
  total: 120,
  published: 120,
  pagesReprocessed: 118,
  articlesRewritten: 1402,
  done: false,
  startedAt: '2024-02-23T09:00:00.000Z',
  publishedAt: '2024-02-23T09:00:04.000Z',
  error: null,
};

const answer = (description: string, example: unknown): ResponseConfig => ({
  description,
  // A list answer is an array of objects (schemathesis caught the document calling two of them objects).
  content: { 'application/json': { schema: Array.isArray(example) ? z.array(z.looseObject({})) : z.looseObject({}), example } },
});
// Every admin route validates its parameters, query and body (unknown ones included) and answers 400 with the reasons.
const badRequest: ResponseConfig = {
  description: '400: a parameter, the query or the body is not valid; `errors` says which and why.',
  content: { 'application/problem+json': { schema: ProblemSchema, example: { type: 'urn:baoxun:problem:invalid-parameters', title: 'Bad Request', status: 400, detail: 'invalid sequence: is not a dead-letter sequence number (1 or more)', instance: '/v1/admin/dead-letters/0', errors: [{ parameter: 'seq', message: 'is not a dead-letter sequence number (1 or more)' }] } } },
};
const unauthorized: ResponseConfig = {
  description: '401: no key, or not the configured one.',
  content: { 'application/problem+json': { schema: ProblemSchema, example: { type: 'urn:baoxun:problem:unauthorized', title: 'Unauthorized', status: 401, detail: 'invalid API key', instance: '/v1/admin/dead-letters' } } },
};
const notFound = (instance: string): ResponseConfig => ({
  description: '404: no such item.',
  content: { 'application/problem+json': { schema: ProblemSchema, example: { type: 'urn:baoxun:problem:not-found', title: 'Not Found', status: 404, detail: 'no dead letter 1234', instance } } },
});
const json = (schema: z.ZodType) => ({ content: { 'application/json': { schema } } });

export function registerAdminPaths(registry: OpenAPIRegistry, security: Array<Record<string, string[]>>): void {
  const seq = z.object({ seq: DeadLetterSeqSchema });
  const common = { tags: ['admin'], security };
  registry.registerPath({ ...common, method: 'get', path: '/v1/admin/dead-letters', summary: 'Dead letters, oldest first', request: { query: ListDeadLettersQuerySchema }, responses: { '200': answer('A page of dead letters; nextAfter pages on.', { items: [letter], nextAfter: null, total: 1 }), '400': badRequest, '401': unauthorized } });
  registry.registerPath({ ...common, method: 'get', path: '/v1/admin/dead-letters/counts', summary: 'Dead letters per stage', responses: { '200': answer('Counts.', { parser: 1, enricher: 0 }), '400': badRequest, '401': unauthorized } });
  registry.registerPath({ ...common, method: 'post', path: '/v1/admin/dead-letters/replay', summary: 'Replay many dead letters', request: { body: json(ReplayDeadLettersBodySchema) }, responses: { '200': answer('What was replayed.', { replayed: [replay], failed: [] }), '400': badRequest, '401': unauthorized } });
  registry.registerPath({ ...common, method: 'get', path: '/v1/admin/dead-letters/{seq}', summary: 'One dead letter with its payload', request: { params: seq }, responses: { '200': answer('The letter.', { ...letter, payloadBase64: 'eyJwYWdlSWQiOi4uLn0=', payloadText: '{"pageId":…}', payloadJson: { pageId: 'pg_0a1b2c3d4e5f60718293a4b5' } }), '400': badRequest, '401': unauthorized, '404': notFound('/v1/admin/dead-letters/1234') } });
  registry.registerPath({ ...common, method: 'post', path: '/v1/admin/dead-letters/{seq}/replay', summary: 'Replay one dead letter (optionally corrected)', request: { params: seq, body: json(ReplayDeadLetterBodySchema) }, responses: { '200': answer('Replayed.', replay), '400': badRequest, '401': unauthorized, '404': notFound('/v1/admin/dead-letters/1234/replay') } });
  registry.registerPath({ ...common, method: 'delete', path: '/v1/admin/dead-letters/{seq}', summary: 'Discard a dead letter', request: { params: seq }, responses: { '200': answer('Discarded.', { seq: 1234, discarded: true }), '400': badRequest, '401': unauthorized, '404': notFound('/v1/admin/dead-letters/1234') } });
  registry.registerPath({ ...common, method: 'post', path: '/v1/admin/reprocess', summary: 'Re-run parse and enrich for stored pages', request: { body: json(ReprocessRequestSchema) }, responses: { '202': answer('The run and its progress.', { ...progress, status: 'publishing', published: 0, pagesReprocessed: 0, articlesRewritten: 0, publishedAt: null }), '400': badRequest, '401': unauthorized } });
  registry.registerPath({ ...common, method: 'get', path: '/v1/admin/reprocess', summary: 'Recent reprocessing runs', responses: { '200': answer('Runs, newest first.', [progress]), '400': badRequest, '401': unauthorized } });
  registry.registerPath({ ...common, method: 'get', path: '/v1/admin/reprocess/{id}', summary: 'Progress of a reprocessing run', request: { params: z.object({ id: ReprocessJobIdSchema }) }, responses: { '200': answer('The run.', progress), '400': badRequest, '401': unauthorized, '404': notFound('/v1/admin/reprocess/rp_0123456789abcdef') } });
  registry.registerPath({ ...common, method: 'get', path: '/v1/admin/pipeline-versions', summary: 'Which pipeline versions made the stored articles', responses: { '200': answer('Counts per version.', [{ pipelineVersion: 'parser-1+tagger-1', articles: 10412 }]), '400': badRequest, '401': unauthorized } });
}
