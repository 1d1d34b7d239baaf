import { z } from 'zod';
import { EntityTypeSchema } from '@baoxun/shared/contracts/api.contract';
import { EditionDateSchema } from '@baoxun/shared/contracts/page.contract';

// Path and query parameters of the public api. Every object is strict: an unknown parameter, or operator syntax
// such as ?person[$ne]=x (Express keeps it as the literal name "person[$ne]"), is a 400 and never reaches the store.
// Values are plain strings (or a short list of them), never objects.

export const ArticleIdSchema = z.string().regex(/^ar_[0-9a-f]{24}$/, 'is not an article id').meta({ example: 'ar_3f1c9a0b7d2e4c5a6b7c8d9e' });
export const PageIdSchema = z.string().regex(/^pg_[0-9a-f]{24}$/, 'is not a page id').meta({ example: 'pg_0a1b2c3d4e5f60718293a4b5' });

const text = (max: number) => z.string({ error: 'must be a single value' }).trim().min(1, 'is empty').max(max, `is longer than ${max} characters`);

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
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{0,2}\d{1,3}$/, 'must be a page number such as 01, 2 or A3')
  .transform((value) => value.replace(/^([A-Z]*)(\d)$/, '$10$2'));

export const ARTICLE_SORTS = ['date', '-date', 'relevance'] as const;

export const articleListQuerySchema = (maxPageSize: number) =>
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
      date: EditionDateSchema.optional().meta({ description: 'One edition date.', example: '2024-02-23' }),
      from: EditionDateSchema.optional().meta({ description: 'Earliest edition date (inclusive).', example: '2024-01-01' }),
      to: EditionDateSchema.optional().meta({ description: 'Latest edition date (inclusive).', example: '2024-12-31' }),
      sort: z.enum(ARTICLE_SORTS, { error: 'must be date, -date or relevance' }).default('date').meta({
        description: 'date: oldest first, in reading order within an edition; -date: newest first; relevance: best matches of q first.',
        example: '-date',
      }),
      limit: count(Math.min(20, maxPageSize), maxPageSize).meta({ example: 20 }),
      cursor: z.string().max(1_000, 'is not a cursor this api gave out').optional().meta({ description: 'nextCursor of the previous page.' }),
      facets: flag.default(false).meta({ description: 'Also count the people, places, organizations and campaigns of the matching articles.', example: 'true' }),
      facetLimit: count(10, 50).meta({ description: 'Values per facet.', example: 10 }),
    })
    .strict()
    .superRefine((query, context) => {
      if (query.date && (query.from || query.to)) context.addIssue({ code: 'custom', path: ['date'], message: 'cannot be combined with from/to' });
      if (query.from && query.to && query.from > query.to) context.addIssue({ code: 'custom', path: ['to'], message: 'is before from' });
      if (query.sort === 'relevance' && !query.q) context.addIssue({ code: 'custom', path: ['sort'], message: 'relevance needs a text query q' });
    });
export type ArticleListQuery = z.infer<ReturnType<typeof articleListQuerySchema>>;

export const entityListQuerySchema = (maxPageSize: number) =>
  z
    .object({
      type: EntityTypeSchema.optional().meta({ example: 'person' }),
      q: text(50).optional().meta({ description: 'Part of the name (or a division code, for places).', example: '陈' }),
      limit: count(Math.min(20, maxPageSize), maxPageSize).meta({ example: 20 }),
      cursor: z.string().max(1_000).optional(),
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
