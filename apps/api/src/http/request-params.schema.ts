import { z } from 'zod';
import { EntityTypeSchema } from '@baoxun/shared/contracts/api.contract';
import { EditionDateSchema } from '@baoxun/shared/contracts/page.contract';

// Path and query parameters of the public api. Every object is strict: an unknown parameter, or operator syntax
// such as ?person[$ne]=x (Express keeps it as the literal name "person[$ne]"), is a 400 and never reaches the store.
// Values are plain strings (or a short list of them), never objects.

export const ArticleIdSchema = z.string().regex(/^ar_[0-9a-f]{24}$/, 'is not an article id').meta({ example: 'ar_3f1c9a0b7d2e4c5a6b7c8d9e' });
export const PageIdSchema = z.string().regex(/^pg_[0-9a-f]{24}$/, 'is not a page id').meta({ example: 'pg_0a1b2c3d4e5f60718293a4b5' });

// What String.prototype.trim removes, spelled out: the document's pattern must mean the same to every regex engine
// (\s differs between JavaScript and Python, which schemathesis generates with).
const BLANK = '\\t\\n\\v\\f\\r \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff';
// A character that is not blank, and no NUL anywhere (PostgreSQL, under FerretDB, cannot store or compare one).
const TEXT = new RegExp(`^[^\\u0000]*[^${BLANK}\\u0000][^\\u0000]*$`);

/**
 * A text value (also of the admin routes): at least one character that is not blank, no NUL, at most `max` characters (code points, as JSON Schema's
 * maxLength counts them), trimmed. Checked before trimming, so the document's pattern and maxLength are the rule.
 */
export const text = (max: number) =>
  upTo(
    max,
    z
      .string({ error: 'must be a single value' })
      .refine((value) => !value.includes('\u0000'), 'holds a NUL character')
      .regex(TEXT, 'is empty'),
  ).transform((value) => value.trim());

/** At most `max` characters as JSON Schema's maxLength counts them: code points (zod's max counts UTF-16 units). */
export function upTo(max: number, schema: z.ZodString = z.string()) {
  return schema.refine((value) => [...value].length <= max, `is longer than ${max} characters`).meta({ maxLength: max });
}

/** A keyset cursor as the api gives them out (base64url); one it did not give out for this query is a 404 (cursor.codec.ts). */
const CursorParam = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,1000}$/, 'is not a cursor this api gave out')
  .meta({ description: 'nextCursor of the previous page, passed back unchanged. One this api did not give out for the same filters and sort is a 404.' });

/** One value, or the parameter repeated (?person=a&person=b: articles with both). */
const repeatable = (max: number) =>
  z
    .union([text(max), z.array(text(max), { error: 'must be a string' }).min(1).max(5, 'may be given at most 5 times')], { error: 'must be a string' })
    .transform((value) => (Array.isArray(value) ? value : [value]))
    .optional();

const flag = z
  .enum(['true', 'false', '1', '0'], { error: 'must be true or false' })
  .transform((value) => value === 'true' || value === '1');

const count = (fallback: number, max: number) =>
  z.coerce.number({ error: 'must be a number' }).int('must be a whole number').min(1, 'must be at least 1').max(max, `must be at most ${max}`).default(fallback);

/** Page numbers as printed: 01, 2, A3. */
const PageNumberParam = z
  .string()
  .regex(/^[A-Za-z]{0,2}[0-9]{1,3}$/, 'must be a page number such as 01, 2 or A3')
  .transform((value) => value.toUpperCase().replace(/^([A-Z]*)([0-9])$/, '$10$2'));

export const ARTICLE_SORTS = ['date', '-date', 'relevance'] as const;

const articleListObject = (maxPageSize: number) =>
  z
    .object({
      q: text(100).optional().meta({ description: 'Words or phrases, all of which must appear (Chinese needs no spaces).', example: '株洲 高质量发展' }),
      person: repeatable(100).meta({ description: 'A person, as named in the articles.', example: '陈正明' }),
      place: repeatable(100).meta({ description: 'A place by name as written or a division code: 株洲 and 430200 find the same articles.', example: '株洲市' }),
      within: repeatable(100).meta({ description: 'A division (name or code): articles about it or any place under it (株洲市 finds 天元区).', example: '430200' }),
      organization: repeatable(100).meta({ example: '株洲市委' }),
      campaign: repeatable(100).meta({ example: '三个高地' }),
      source: text(100).optional().meta({ description: 'The paper.', example: '株洲日报' }),
      pageId: PageIdSchema.optional(),
      page: PageNumberParam.optional().meta({ description: 'Page number as printed.', example: '01' }),
      date: EditionDateSchema.optional().meta({ description: 'One edition date (with from/to: only if it lies between them).', example: '2024-02-23' }),
      from: EditionDateSchema.optional().meta({ description: 'Earliest edition date (inclusive); after to, nothing matches.', example: '2024-01-01' }),
      to: EditionDateSchema.optional().meta({ description: 'Latest edition date (inclusive).', example: '2024-12-31' }),
      sort: z.enum(ARTICLE_SORTS, { error: 'must be date, -date or relevance' }).default('date').meta({
        description: 'date: oldest first, in reading order within an edition; -date: newest first; relevance: best matches of q first (without q: newest first).',
        example: '-date',
      }),
      limit: count(Math.min(20, maxPageSize), maxPageSize).meta({ example: 20 }),
      cursor: CursorParam.optional(),
      facets: flag.default(false).meta({ description: 'Also count the people, places, organizations and campaigns of the matching articles.', example: 'true' }),
      facetLimit: count(10, 50).meta({ description: 'Values per facet.', example: 10 }),
    })
    .strict();
type ArticleListFields = z.output<ReturnType<typeof articleListObject>>;

export const articleListQuerySchema = (maxPageSize: number) =>
  articleListObject(maxPageSize)
    // Every combination the document allows has a meaning (OpenAPI cannot state a rule between two query
    // parameters, so a rule here would reject requests the document calls valid): date with from/to is the
    // intersection, like every other filter; from after to matches nothing; relevance without q is newest first.
    .transform(({ date, from, to, sort, ...rest }): ArticleListFields => {
      const range = date && (from || to) ? { from: from && from > date ? from : date, to: to && to < date ? to : date } : { date, from, to };
      const query: ArticleListFields = { ...rest, ...range, sort: sort === 'relevance' && !rest.q ? '-date' : sort };
      return Object.fromEntries(Object.entries(query).filter(([, value]) => value !== undefined)) as ArticleListFields;
    });
export type ArticleListQuery = z.infer<ReturnType<typeof articleListQuerySchema>>;

export const entityListQuerySchema = (maxPageSize: number) =>
  z
    .object({
      type: EntityTypeSchema.optional().meta({ example: 'person' }),
      q: text(50).optional().meta({ description: 'Part of the name (or a division code, for places).', example: '陈' }),
      limit: count(Math.min(20, maxPageSize), maxPageSize).meta({ example: 20 }),
      cursor: CursorParam.optional(),
    })
    .strict();
export type EntityListQuery = z.infer<ReturnType<typeof entityListQuerySchema>>;

export const EntityPathSchema = z.object({
  type: EntityTypeSchema,
  name: text(100).meta({ description: 'The name (for places also the division code).', example: '株洲市' }),
});

export const entityDetailQuerySchema = (maxPageSize: number) =>
  z
    .object({
      limit: count(Math.min(10, maxPageSize), maxPageSize).meta({ description: 'Articles to include (newest first).', example: 10 }),
      relatedLimit: count(10, 50).meta({ description: 'Related entities per type.', example: 10 }),
    })
    .strict();

export const NoQuerySchema = z.object({}).strict();
