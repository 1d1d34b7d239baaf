import { z } from 'zod';
import { EditionDateSchema } from '@baoxun/shared/contracts/page.contract';

/** Query of GET /v1/articles. Unknown parameters are rejected, so operator syntax can never reach the store. */
export const listArticlesQuerySchema = (maxPageSize: number) =>
  z
    .object({
      source: z.string().trim().min(1).max(100).optional(),
      date: EditionDateSchema.optional(),
      pageId: z.string().regex(/^pg_[0-9a-f]{24}$/, 'must be a page id').optional(),
      limit: z.coerce.number({ error: 'must be a number' }).int().min(1).max(maxPageSize, `must be at most ${maxPageSize}`).default(Math.min(20, maxPageSize)),
      /** Opaque: the nextCursor of the previous page. */
      cursor: z.string().regex(/^ar_[0-9a-f]{24}$/, 'must be a nextCursor from an earlier response').optional(),
    })
    .strict();

export type ListArticlesQuery = z.infer<ReturnType<typeof listArticlesQuerySchema>>;

export const ArticleIdSchema = z.string().regex(/^ar_[0-9a-f]{24}$/, 'is not an article id');
export const PageIdSchema = z.string().regex(/^pg_[0-9a-f]{24}$/, 'is not a page id');
