import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { findSortedIn, type SortKeyOrder } from './article.repository';
import { StoredArticleSummary } from './article-summary.schema';
import { IdBatch } from './id-batch';

/** The store_migrations entry written once every served article has its summary. */
export const SUMMARIES_COMPLETE = 'article_summaries';

/** All I/O on `article_summaries` (the lean documents lists read; see article-summary.schema.ts). */
@Injectable()
export class ArticleSummaryRepository {
  constructor(
    @InjectModel(StoredArticleSummary.name) private readonly summaries: Model<StoredArticleSummary>,
    private readonly ids: IdBatch,
  ) {}

  /** The first `limit` summaries in sortKey order matching any of the flat filters (no `live`: all are of live articles). */
  findSorted(filters: ReadonlyArray<Record<string, unknown>>, order: SortKeyOrder, limit: number, timeoutMs: number): Promise<StoredArticleSummary[]> {
    return findSortedIn<StoredArticleSummary, StoredArticleSummary>(this.summaries, filters, order, limit, null, timeoutMs);
  }

  findByIds(ids: readonly string[]): Promise<StoredArticleSummary[]> {
    return this.ids.find<StoredArticleSummary>(this.summaries as never, ids);
  }

  /** Writes the summaries of newly served (or rewritten) articles; idempotent. */
  put(docs: readonly StoredArticleSummary[]): Promise<void> {
    return this.ids.putAll(this.summaries, docs as unknown as Array<StoredArticleSummary & Record<string, unknown>>);
  }

  deleteByIds(ids: readonly string[]): Promise<void> {
    return this.ids.delete(this.summaries, ids);
  }

  /** The ids among `ids` that have no summary yet. */
  async missing(ids: readonly string[]): Promise<string[]> {
    const present = new Set((await this.ids.find<{ _id: string }>(this.summaries as never, ids, { _id: 1 })).map((doc) => doc._id));
    return ids.filter((id) => !present.has(id));
  }
}
