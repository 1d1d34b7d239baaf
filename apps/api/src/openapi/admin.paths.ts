import type { OpenAPIRegistry, ResponseConfig } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import {
  ConsumerLagSchema,
  DeadLetterCountsSchema,
  DeadLetterDetailSchema,
  DeadLetterPageSchema,
  DiscardResultSchema,
  PipelineVersionCountSchema,
  ReplayManyResultSchema,
  ReplayResultSchema,
  ReprocessProgressSchema,
} from '@baoxun/shared/contracts/admin.contract';
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
// validate with and the answer schemas of @baoxun/shared/contracts/admin.contract.

type Example = Record<string, unknown> | unknown[];
const exampleOf = (schema: z.ZodType): Example => (schema.meta() as { example?: Example } | undefined)?.example ?? {};
/** A 200/202 answer: its schema (the contract the api's services return) and the schema's own example unless given. */
const answer = (description: string, schema: z.ZodType, example: unknown = exampleOf(schema)): ResponseConfig => ({
  description,
  content: { 'application/json': { schema, example } },
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
const problemOf = (status: number, slug: string, detail: string, instance: string): ResponseConfig => ({
  description: `${status}: ${detail}`,
  content: { 'application/problem+json': { schema: ProblemSchema, example: { type: `urn:baoxun:problem:${slug}`, title: slug, status, detail, instance } } },
});
// Every admin route can also be rate limited, and needs NATS or the store.
const always: Record<string, ResponseConfig> = {
  '400': badRequest,
  '401': unauthorized,
  '429': problemOf(429, 'too-many-requests', 'too many requests from this client; slow down and retry after the Retry-After seconds', '/v1/admin/dead-letters'),
  '503': problemOf(503, 'service-unavailable', 'NATS or the store is not answering; try again shortly', '/v1/admin/dead-letters'),
};
const tooLarge = problemOf(413, 'payload-too-large', 'request entity too large (ADMIN_MAX_BODY_BYTES)', '/v1/admin/dead-letters/1234/replay');
const conflict: ResponseConfig = {
  description: "409: the request is well formed but this letter can't take it: a corrected payload that does not pass the schema of the letter's subject (`errors` says why), or a letter of a subject that is not replayable.",
  content: { 'application/problem+json': { schema: ProblemSchema, example: { type: 'urn:baoxun:problem:conflict', title: 'Conflict', status: 409, detail: 'the corrected payload does not fit pages.received: payload.contentHash is empty', instance: '/v1/admin/dead-letters/1234/replay', errors: [{ parameter: 'payload.contentHash', message: 'is empty' }] } } },
};
const json = (schema: z.ZodType) => ({ content: { 'application/json': { schema } } });
const link = (operationId: string, parameters: Record<string, string>, description: string) => ({ operationId, parameters, description });
const withLinks = (response: ResponseConfig, links: Record<string, ReturnType<typeof link>>): ResponseConfig => ({ ...response, links });

export function registerAdminPaths(registry: OpenAPIRegistry, security: Array<Record<string, string[]>>): void {
  const seq = z.object({ seq: DeadLetterSeqSchema });
  const common = { tags: ['admin'], security };
  const letterLinks = (pointer: string) => ({
    getDeadLetter: link('getDeadLetter', { seq: pointer }, 'The letter with its payload.'),
    replayDeadLetter: link('replayDeadLetter', { seq: pointer }, 'Replay it.'),
    discardDeadLetter: link('discardDeadLetter', { seq: pointer }, 'Discard it.'),
  });
  registry.registerPath({ ...common, method: 'get', path: '/v1/admin/dead-letters', operationId: 'listDeadLetters', summary: 'Dead letters, oldest first', request: { query: ListDeadLettersQuerySchema }, responses: { '200': withLinks(answer('A page of dead letters; nextAfter pages on.', DeadLetterPageSchema), letterLinks('$response.body#/items/0/seq')), ...always } });
  registry.registerPath({ ...common, method: 'get', path: '/v1/admin/dead-letters/counts', operationId: 'countDeadLetters', summary: 'Dead letters per stage', responses: { '200': answer('Counts.', DeadLetterCountsSchema), ...always } });
  registry.registerPath({ ...common, method: 'post', path: '/v1/admin/dead-letters/replay', operationId: 'replayDeadLetters', summary: 'Replay many dead letters', request: { body: json(ReplayDeadLettersBodySchema) }, responses: { '200': answer('What was replayed.', ReplayManyResultSchema), ...always, '413': tooLarge } });
  registry.registerPath({ ...common, method: 'get', path: '/v1/admin/dead-letters/{seq}', operationId: 'getDeadLetter', summary: 'One dead letter with its payload', request: { params: seq }, responses: { '200': withLinks(answer('The letter.', DeadLetterDetailSchema), { replayDeadLetter: link('replayDeadLetter', { seq: '$response.body#/seq' }, 'Replay it.'), discardDeadLetter: link('discardDeadLetter', { seq: '$response.body#/seq' }, 'Discard it.') }), ...always, '404': notFound('/v1/admin/dead-letters/1234'), '409': conflict } });
  registry.registerPath({ ...common, method: 'post', path: '/v1/admin/dead-letters/{seq}/replay', operationId: 'replayDeadLetter', summary: 'Replay one dead letter (optionally corrected)', request: { params: seq, body: json(ReplayDeadLetterBodySchema) }, responses: { '200': answer('Replayed.', ReplayResultSchema), ...always, '404': notFound('/v1/admin/dead-letters/1234/replay'), '409': conflict, '413': tooLarge } });
  registry.registerPath({ ...common, method: 'delete', path: '/v1/admin/dead-letters/{seq}', operationId: 'discardDeadLetter', summary: 'Discard a dead letter', request: { params: seq }, responses: { '200': answer('Discarded.', DiscardResultSchema), ...always, '404': notFound('/v1/admin/dead-letters/1234') } });
  const runLinks = (pointer: string) => ({ getReprocess: link('getReprocess', { id: pointer }, 'Follow the run.') });
  registry.registerPath({ ...common, method: 'post', path: '/v1/admin/reprocess', operationId: 'startReprocess', summary: 'Re-run parse and enrich for stored pages', request: { body: { ...json(ReprocessRequestSchema), required: true } }, responses: { '202': withLinks(answer('The run and its progress.', ReprocessProgressSchema, { ...exampleOf(ReprocessProgressSchema), status: 'publishing', published: 0, pagesReprocessed: 0, articlesRewritten: 0, publishedAt: null }), runLinks('$response.body#/id')), ...always, '413': tooLarge } });
  registry.registerPath({ ...common, method: 'get', path: '/v1/admin/reprocess', operationId: 'listReprocess', summary: 'Recent reprocessing runs', responses: { '200': withLinks(answer('Runs, newest first.', z.array(ReprocessProgressSchema), [exampleOf(ReprocessProgressSchema)]), runLinks('$response.body#/0/id')), ...always } });
  registry.registerPath({ ...common, method: 'get', path: '/v1/admin/reprocess/{id}', operationId: 'getReprocess', summary: 'Progress of a reprocessing run', request: { params: z.object({ id: ReprocessJobIdSchema }) }, responses: { '200': answer('The run.', ReprocessProgressSchema), ...always, '404': notFound('/v1/admin/reprocess/rp_0123456789abcdef') } });
  registry.registerPath({ ...common, method: 'get', path: '/v1/admin/pipeline-versions', operationId: 'listPipelineVersions', summary: 'Which pipeline versions made the stored articles', responses: { '200': answer('Counts per version.', z.array(PipelineVersionCountSchema), [exampleOf(PipelineVersionCountSchema)]), ...always } });
  registry.registerPath({ ...common, method: 'get', path: '/v1/admin/consumers', operationId: 'listConsumers', summary: 'Lag of every durable consumer (what each stage still has to do)', responses: { '200': answer('Consumers by stream and name.', z.array(ConsumerLagSchema), [exampleOf(ConsumerLagSchema)]), ...always } });
}
