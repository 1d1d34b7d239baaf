import { z } from 'zod';

/** Edition date as printed on the page, ISO calendar date. */
export const EditionDateSchema = z
  .string()
  .regex(/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/, 'must be a date in the form YYYY-MM-DD')
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), 'is not a real calendar date')
  // A real calendar date is what JSON Schema's format "date" means, so the OpenAPI document says so too.
  .meta({ format: 'date' });

/** Page numbers are printed as "01", "A3", "12"; numbers are accepted and zero-padded to two digits. */
export const PageNumberSchema = z
  .union([z.string(), z.number().int().positive()])
  .transform((value) => String(value).trim().toUpperCase())
  .pipe(z.string().regex(/^[A-Z]{0,2}\d{1,3}$/, 'must be a page number such as 01, 2 or A3'))
  .transform((value) => value.replace(/^([A-Z]*)(\d)$/, '$10$2'));

export const PageRefSchema = z.object({
  source: z.string().trim().min(1, 'is required').max(100, 'is longer than 100 characters'),
  date: EditionDateSchema,
  page: PageNumberSchema,
});
export type PageRef = z.infer<typeof PageRefSchema>;

/**
 * What a scanner sends (NATS request on pages.submit, or HTTP POST /v1/pages).
 * The text limit is checked again by ingest against its configured MAX_PAGE_BYTES.
 */
export const PageSubmissionSchema = PageRefSchema.extend({
  text: z.string().min(1, 'is empty'),
  /** Optional id the scanner uses to follow the page through the logs. */
  correlationId: z.string().trim().min(1).max(128).optional(),
}).strict();
export type PageSubmission = z.input<typeof PageSubmissionSchema>;

/** Reply to a submission: the page id, or why it was rejected. */
export const PageSubmitReplySchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    pageId: z.string(),
    contentHash: z.string(),
    duplicate: z.boolean(),
    correlationId: z.string(),
  }),
  z.object({
    ok: z.literal(false),
    error: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })),
  }),
]);
export type PageSubmitReply = z.infer<typeof PageSubmitReplySchema>;

/** A validated, normalized page inside the pipeline (pages.received). */
export const PageReceivedSchema = z.object({
  pageId: z.string().min(1),
  page: PageRefSchema,
  text: z.string(),
  contentHash: z.string().min(1),
  receivedAt: z.iso.datetime(),
  correlationId: z.string().min(1),
});
export type PageReceived = z.infer<typeof PageReceivedSchema>;

/** The parser's summary of one page version (pages.parsed): how many articles the api should expect. */
export const PageParsedSchema = z.object({
  pageId: z.string().min(1),
  page: PageRefSchema,
  contentHash: z.string().min(1),
  /** When ingest received this version: the newest version of a page wins, whatever order messages arrive in. */
  pageReceivedAt: z.iso.datetime(),
  articleIds: z.array(z.string()),
  parserVersion: z.string(),
  parsedAt: z.iso.datetime(),
  correlationId: z.string().min(1),
});
export type PageParsed = z.infer<typeof PageParsedSchema>;
