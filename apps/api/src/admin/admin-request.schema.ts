import { z } from 'zod';
import { EditionDateSchema } from '@baoxun/shared/contracts/page.contract';
import { text, upTo } from '../http/request-params.schema';

/** Admin request shapes. Unknown parameters are rejected, as everywhere in the api. */
const StageSchema = z.string().regex(/^[a-z0-9_-]{1,50}$/, 'must be a stage name such as parser');

// Stream sequences start at 1: a 0 reached NATS as a bad request and came back as a 500 (found by schemathesis).
export const DeadLetterSeqSchema = z
  .string()
  .regex(/^[1-9][0-9]{0,14}$/, 'is not a dead-letter sequence number (1 or more)')
  .transform(Number);

export const ListDeadLettersQuerySchema = z
  .object({
    stage: StageSchema.optional(),
    /** The nextAfter of the previous page. */
    after: z.coerce.number({ error: 'must be a number' }).int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
    limit: z.coerce.number({ error: 'must be a number' }).int().min(1).max(100, 'must be at most 100').default(20),
  })
  .strict();

export const ReplayDeadLetterBodySchema = z
  .object({
    /** A corrected payload to publish instead of the original; it must pass the schema of the letter's subject (else 409). */
    payload: z.record(z.string(), z.unknown()).optional().meta({ description: "A corrected payload (a JSON object) to publish instead of the original. It must pass the schema of the letter's subject (libs/shared/src/contracts/subjects.registry.ts): a 409 with the reasons when it does not." }),
  })
  .strict();

export const ReplayDeadLettersBodySchema = z
  .object({
    stage: StageSchema.optional(),
    reasonContains: upTo(200, z.string().min(1)).optional(),
    limit: z.number({ error: 'must be a number' }).int().min(1).max(1000, 'must be at most 1000').default(100),
  })
  .strict();

export const ReprocessJobIdSchema = z.string().regex(/^rp_[0-9a-f]{16}$/, 'is not a reprocessing run id');

/**
 * Exactly one scope: all pages; one source (optionally a date range); or pages not made by a pipeline version.
 * A union of strict objects, so the document states it too (oneOf: each branch has its own required key and no
 * other keys). from after to is a run over nothing, not an error: the document cannot state that rule.
 */
export const ReprocessRequestSchema = z.union(
  [
    z.object({ all: z.literal(true, { error: 'must be true' }) }).strict(),
    z.object({ source: text(100), from: EditionDateSchema.optional(), to: EditionDateSchema.optional() }).strict(),
    z.object({ notPipelineVersion: text(200) }).strict(),
  ],
  { error: 'give exactly one of all: true, source (with optional from/to), notPipelineVersion' },
);
