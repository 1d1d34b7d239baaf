// The two inputs of the scorer: a gold file (the format of ../shared/samples/*.gold.json) and the
// pipeline CLI's output. Validated so a malformed file gives one clear message instead of NaN scores.
import { z } from 'zod';

const JumpSchema = z.object({ toPage: z.string(), marker: z.string() });
const GoldDatelineSchema = z.object({ agency: z.string(), place: z.string().nullable(), date: z.string().nullable(), text: z.string() });
const PredDatelineSchema = GoldDatelineSchema.extend({ offset: z.number().int().nonnegative() });
const FromSchema = z.object({ fromPage: z.string(), marker: z.string() });

export const GoldArticleSchema = z.object({
  kicker: z.string().nullable(),
  headline: z.string(),
  subheadlines: z.array(z.string()),
  byline: z.object({ dateline: z.string().nullable(), reporters: z.array(z.string()), correspondents: z.array(z.string()) }).nullable(),
  bodyStart: z.string(),
  bodyEnd: z.string(),
  continuation: JumpSchema.nullable().optional(),
  continuedFrom: FromSchema.nullable().optional(),
  mustContain: z.array(z.string()).default([]),
  paragraphOnce: z.array(z.string()).default([]),
  /** A composite story's inner datelines, in order (issue 13); when given, one check. */
  datelines: z.array(GoldDatelineSchema).optional(),
  // Entities are optional: a gold file without them is scored on structure only.
  people: z.array(z.object({ name: z.string(), roles: z.array(z.string()) })).optional(),
  places: z.array(z.string()).optional(),
  organizations: z.array(z.string()).optional(),
  campaigns: z.array(z.string()).optional(),
});
export type GoldArticle = z.infer<typeof GoldArticleSchema>;

export const GoldPageSchema = z.object({
  page: z.object({ source: z.string(), date: z.string().nullable(), page: z.string().nullable() }).optional(),
  conventions: z.string().optional(),
  articles: z.array(GoldArticleSchema),
});
export type GoldPage = z.infer<typeof GoldPageSchema>;

const Named = z.object({ name: z.string() }).passthrough();

export const PredArticleSchema = z.object({
  kicker: z.string().nullable(),
  headline: z.string(),
  subheadlines: z.array(z.string()).default([]),
  byline: z.object({ dateline: z.string().nullable(), reporters: z.array(z.string()), correspondents: z.array(z.string()) }).passthrough().nullable(),
  body: z.string(),
  continuation: JumpSchema.nullable().default(null),
  continuedFrom: FromSchema.nullable().default(null),
  datelines: z.array(PredDatelineSchema.passthrough()).default([]),
  entities: z
    .object({
      people: z.array(z.object({ name: z.string(), roles: z.array(z.string()) }).passthrough()),
      places: z.array(Named),
      organizations: z.array(Named),
      campaigns: z.array(Named),
    })
    .optional(),
});
export type PredArticle = z.infer<typeof PredArticleSchema>;

export const PredPageSchema = z.object({ articles: z.array(PredArticleSchema) }).passthrough();
export type PredPage = z.infer<typeof PredPageSchema>;

/** A prediction or gold file the scorer cannot read: the CLI exits with code 2 on it. */
export class ScoreInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScoreInputError';
  }
}

/** Parses with a schema and turns the first issue into a one-line message naming what was read. */
export function parseOrExplain<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new ScoreInputError(`${what}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
}
