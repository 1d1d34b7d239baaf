import { z } from 'zod';

// The answers of the api's operator routes under /v1/admin (dead letters, reprocessing). The api documents them
// in its OpenAPI document from these schemas (so schemathesis checks every answer against them) and its services
// return these types; the operators' CLI (tools/dlq) reads them through the client generated from that document.

const seq = z.number().int().min(1).meta({ description: 'Sequence in the BAOXUN_DLQ stream: the id to inspect, replay or discard a letter by.' });
const instant = z.iso.datetime();

const letterExample = {
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

export const DeadLetterItemSchema = z
  .object({
    seq,
    /** The stage that gave up on the message (dlq.<stage>). */
    stage: z.string(),
    /** Subject the message arrived on; a replay publishes it back there. */
    subject: z.string(),
    reason: z.string(),
    headers: z.record(z.string(), z.array(z.string())),
    deliveries: z.number().int().nonnegative(),
    streamSequence: z.number().int().nonnegative().nullable().meta({ description: "The message's sequence in its work stream." }),
    failedAt: instant,
    deadLetteredAt: instant,
    payloadBytes: z.number().int().nonnegative(),
    payloadPreview: z.string().nullable().meta({ description: 'The first characters of the payload as text; null when it is not UTF-8.' }),
  })
  .meta({ id: 'DeadLetter', example: letterExample });
export type DeadLetterItem = z.infer<typeof DeadLetterItemSchema>;

export const DeadLetterDetailSchema = DeadLetterItemSchema.extend({
  payloadBase64: z.string().meta({ description: 'The original bytes, so that invalid UTF-8 survives untouched.' }),
  payloadText: z.string().nullable(),
  payloadJson: z.unknown().meta({ description: 'The payload parsed as JSON, when it is JSON (null otherwise).' }),
}).meta({
  id: 'DeadLetterDetail',
  example: { ...letterExample, payloadBase64: 'eyJwYWdlSWQiOi4uLn0=', payloadText: '{"pageId":…}', payloadJson: { pageId: 'pg_0a1b2c3d4e5f60718293a4b5' } },
});
export type DeadLetterDetail = z.infer<typeof DeadLetterDetailSchema>;

export const DeadLetterPageSchema = z
  .object({
    items: z.array(DeadLetterItemSchema),
    nextAfter: seq.nullable().meta({ description: 'Pass as `after` for the next page; null on the last one.' }),
    total: z.number().int().nonnegative().meta({ description: 'Letters of the stage (or of all stages) in the DLQ.' }),
  })
  .meta({ id: 'DeadLetterPage', example: { items: [letterExample], nextAfter: null, total: 1 } });
export type DeadLetterPage = z.infer<typeof DeadLetterPageSchema>;

export const DeadLetterCountsSchema = z
  .record(z.string(), z.number().int().nonnegative())
  .meta({ id: 'DeadLetterCounts', description: 'Letters per stage.', example: { parser: 1, enricher: 0 } });
export type DeadLetterCounts = z.infer<typeof DeadLetterCountsSchema>;

export const ReplayResultSchema = z
  .object({
    seq,
    subject: z.string(),
    publishedSeq: z.number().int().min(1).meta({ description: 'Sequence of the replayed message in its work stream.' }),
    duplicate: z.boolean().meta({ description: 'JetStream had it already (a retried replay): published once.' }),
  })
  .meta({ id: 'ReplayResult', example: { seq: 1234, subject: 'pages.received', publishedSeq: 9012, duplicate: false } });
export type ReplayResult = z.infer<typeof ReplayResultSchema>;

export const ReplayManyResultSchema = z
  .object({ replayed: z.array(ReplayResultSchema), failed: z.array(z.object({ seq, error: z.string() })) })
  .meta({ id: 'ReplayManyResult', example: { replayed: [{ seq: 1234, subject: 'pages.received', publishedSeq: 9012, duplicate: false }], failed: [] } });
export type ReplayManyResult = z.infer<typeof ReplayManyResultSchema>;

export const DiscardResultSchema = z.object({ seq, discarded: z.literal(true) }).meta({ id: 'DiscardResult', example: { seq: 1234, discarded: true } });
export type DiscardResult = z.infer<typeof DiscardResultSchema>;

export const REPROCESS_STATUSES = ['publishing', 'published', 'failed'] as const;

/** Which stored pages a reprocessing run covers: all; one source (optionally a date range); or pages another pipeline version made. */
export const ReprocessScopeSchema = z
  .union([
    z.object({ all: z.literal(true) }),
    z.object({ source: z.string(), from: z.string().optional(), to: z.string().optional() }),
    z.object({ notPipelineVersion: z.string() }),
  ])
  .meta({ id: 'ReprocessScope' });
export type ReprocessScope = z.infer<typeof ReprocessScopeSchema>;

export const ReprocessProgressSchema = z
  .object({
    id: z.string(),
    scope: ReprocessScopeSchema,
    status: z.enum(REPROCESS_STATUSES),
    total: z.number().int().nonnegative().meta({ description: 'Pages the run covers.' }),
    published: z.number().int().nonnegative().meta({ description: 'Pages put back on pages.received so far.' }),
    pagesReprocessed: z.number().int().nonnegative().meta({ description: 'Pages with at least one article the run rewrote.' }),
    articlesRewritten: z.number().int().nonnegative(),
    done: z.boolean().meta({ description: 'Every page published and reprocessed (a page the parser now rejects lands in dlq.parser instead).' }),
    startedAt: instant,
    publishedAt: instant.nullable(),
    error: z.string().nullable(),
  })
  .meta({
    id: 'ReprocessProgress',
    example: {
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
    },
  });
export type ReprocessProgress = z.infer<typeof ReprocessProgressSchema>;

export const PipelineVersionCountSchema = z
  .object({ pipelineVersion: z.string(), articles: z.number().int().nonnegative() })
  .meta({ id: 'PipelineVersionCount', example: { pipelineVersion: 'parser-1+tagger-1', articles: 10412 } });
export type PipelineVersionCount = z.infer<typeof PipelineVersionCountSchema>;

/** A durable consumer's lag: what each stage still has to do, read from JetStream when asked. */
export const ConsumerLagSchema = z
  .object({
    stream: z.string(),
    consumer: z.string().meta({ description: 'The durable consumer: `<stage>-<subject>`, shared by the replicas of that stage.' }),
    stage: z.string().meta({ description: 'The service that consumes it (ingest, parser, enricher, api).' }),
    filterSubject: z.string().nullable(),
    pending: z.number().int().nonnegative().meta({ description: 'Messages in the stream not yet delivered to the consumer.' }),
    ackPending: z.number().int().nonnegative().meta({ description: 'Delivered and not yet acked (in work, or waiting for redelivery).' }),
    redelivered: z.number().int().nonnegative().meta({ description: 'Of those, delivered more than once.' }),
    waiting: z.number().int().nonnegative().meta({ description: 'Pull requests waiting: replicas idle for want of work.' }),
    lastActive: instant.nullable().meta({ description: 'When the consumer last delivered a message.' }),
  })
  .meta({
    id: 'ConsumerLag',
    example: { stream: 'BAOXUN_PAGES', consumer: 'parser-pages-received', stage: 'parser', filterSubject: 'pages.received', pending: 12, ackPending: 3, redelivered: 0, waiting: 1, lastActive: '2024-02-23T08:00:01.000Z' },
  });
export type ConsumerLag = z.infer<typeof ConsumerLagSchema>;
