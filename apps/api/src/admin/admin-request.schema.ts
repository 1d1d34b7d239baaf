import { z } from 'zod';
import { EditionDateSchema } from '@baoxun/shared/contracts/page.contract';

/** Admin request shapes. Unknown parameters are rejected, as everywhere in the api. */
const StageSchema = z.string().regex(/^[a-z0-9_-]{1,50}$/, 'must be a stage name such as parser');

// Stream sequences start at 1: a 0 reached NATS as a bad request and came back as a 500 (found by schemathesis).
export const DeadLetterSeqSchema = z
  .string()
  .regex(/^[1-9]\d{0,14}$/, 'is not a dead-letter sequence number (1 or more)')
  .transform(Number);

export const ListDeadLettersQuerySchema = z
  .object({
    stage: StageSchema.optional(),
    /** The nextAfter of the previous page. */
    after: z.coerce.number({ error: 'must be a number' }).int().min(0).optional(),
    limit: z.coerce.number({ error: 'must be a number' }).int().min(1).max(100, 'must be at most 100').default(20),
  })
  .strict();

export const ReplayDeadLetterBodySchema = z
  .object({
    /** A corrected payload to publish instead of the original; it must pass the subject's schema. */
    payload: z.unknown().optional(),
  })
  .strict();

export const ReplayDeadLettersBodySchema = z
  .object({
    stage: StageSchema.optional(),
    reasonContains: z.string().min(1).max(200).optional(),
    limit: z.number({ error: 'must be a number' }).int().min(1).max(1000, 'must be at most 1000').default(100),
  })
  .strict();

export const ReprocessJobIdSchema = z.string().regex(/^rp_[0-9a-f]{16}$/, 'is not a reprocessing run id');

/** Exactly one scope: all pages; one source (optionally a date range); or pages not made by a pipeline version. */
export const ReprocessRequestSchema = z
  .object({
    all: z.literal(true, { error: 'must be true' }).optional(),
    source: z.string().trim().min(1).max(100).optional(),
    from: EditionDateSchema.optional(),
    to: EditionDateSchema.optional(),
    notPipelineVersion: z.string().trim().min(1).max(200).optional(),
  })
  .strict()
  .superRefine((body, context) => {
    const scopes = [body.all, body.source, body.notPipelineVersion].filter((value) => value !== undefined).length;
    if (scopes !== 1) context.addIssue({ code: 'custom', path: [], message: 'give exactly one of all: true, source (with optional from/to), notPipelineVersion' });
    if ((body.from || body.to) && !body.source) context.addIssue({ code: 'custom', path: ['from'], message: 'from/to need a source' });
    if (body.from && body.to && body.from > body.to) context.addIssue({ code: 'custom', path: ['to'], message: 'is before from' });
  })
  .transform((body) => {
    if (body.all) return { all: true as const };
    if (body.source) return { source: body.source, ...(body.from ? { from: body.from } : {}), ...(body.to ? { to: body.to } : {}) };
    return { notPipelineVersion: body.notPipelineVersion as string };
  });
