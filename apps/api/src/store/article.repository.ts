import { Inject, Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model, ProjectionType, UpdateQuery } from 'mongoose';
import { StoredArticle } from './article.schema';
import { IdBatch } from './id-batch';
import { isDuplicateKey } from './page-version';
import { STORE_CAPABILITIES, type StoreCapabilities } from './store-capabilities';

/** Sort direction on sortKey: 1 oldest first, -1 newest first. */
export type SortKeyOrder = 1 | -1;

type Sorted = { _id: string; sortKey: string };

/**
 * All I/O on the `articles` collection. Callers pass flat filters (search/article-match.builder.ts) and never
 * learn which store is behind: what differs between MongoDB and FerretDB (batches by _id, counting) is here.
 */
@Injectable()
export class ArticleRepository {
  constructor(
    @InjectModel(StoredArticle.name) private readonly articles: Model<StoredArticle>,
    @Inject(STORE_CAPABILITIES) private readonly store: StoreCapabilities,
    private readonly ids: IdBatch,
  ) {}

  findById<T>(id: string, projection: ProjectionType<StoredArticle>): Promise<T | null> {
    return this.articles.findById(id, projection).lean<T>().exec() as Promise<T | null>;
  }

  findByIds<T>(ids: readonly string[], projection: ProjectionType<StoredArticle>): Promise<T[]> {
    return this.ids.find<T>(this.articles as never, ids, projection as never);
  }

  /**
   * The first `limit` articles, in sortKey order, that match any of `filters` (each flat, with its own sortKey
   * range). One query per filter, each sorted and limited in the store, merged here: neither store then needs
   * `$or`, which FerretDB cannot push down.
   */
  findSorted<T extends Sorted>(filters: ReadonlyArray<Record<string, unknown>>, order: SortKeyOrder, limit: number, projection: Record<string, 0 | 1>, timeoutMs: number): Promise<T[]> {
    return findSortedIn<T, StoredArticle>(this.articles, filters, order, limit, projection, timeoutMs);
  }

  /**
   * Served articles holding a search token, up to `cap`; null where counting is not cheap. On MongoDB a count
   * scan on the grams index; FerretDB decodes every counted document, so there it is never asked.
   */
  async countGram(gram: string, cap: number, timeoutMs: number): Promise<number | null> {
    if (this.store.ferretDb) return null;
    return this.articles.countDocuments({ live: true, grams: gram }, { limit: cap, maxTimeMS: timeoutMs });
  }

  /** The ids among `ids` that are stored, whichever version they belong to. */
  async storedIds(ids: readonly string[]): Promise<string[]> {
    return (await this.ids.find<{ _id: string }>(this.articles as never, ids, { _id: 1 })).map((doc) => doc._id);
  }

  /**
   * Writes an article, returning what was stored before (null if it is new). Most articles are new, so this
   * inserts first (one write): on FerretDB an insert only encodes the document, while an upsert also reads and
   * decodes it. (No projection on the update: FerretDB v1's findAndModify has none.) Written `live: true` at
   * once: whether it is served is its page's word (readers check the page's served version), so the version
   * switch need not rewrite every article (on FerretDB a rewrite of the whole document and its grams index).
   */
  async insertOrReplace<B>(id: string, fields: Omit<StoredArticle, '_id' | 'live'>): Promise<B | null> {
    try {
      // Cast by the schema but not validated (a continued part may have an empty headline, which `required`
      // would refuse; the contract has already checked the message).
      await this.articles.create([{ _id: id, ...fields, live: true }], { validateBeforeSave: false });
      return null;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
    return this.articles
      .findOneAndUpdate({ _id: id }, { $set: { ...fields, live: true } } as UpdateQuery<StoredArticle>, { upsert: true, returnDocument: 'before' })
      .lean<B>()
      .exec() as Promise<B | null>;
  }

  deleteByIds(ids: readonly string[]): Promise<void> {
    return this.ids.delete(this.articles, ids);
  }

  /** Page ids of the articles a reprocessing run rewrote, and how many articles (admin). */
  async rewrittenBy(correlationId: string): Promise<{ pageIds: string[]; articles: number }> {
    const [pageIds, articles] = await Promise.all([this.articles.distinct('pageId', { correlationId }), this.articles.countDocuments({ correlationId })]);
    return { pageIds: pageIds as string[], articles };
  }
}

/**
 * The first `limit` documents of `model`, in sortKey order, matching any of the flat `filters`: one query per
 * filter, each sorted and limited in the store, merged here (neither store then needs `$or`).
 */
export async function findSortedIn<T extends Sorted, M>(
  model: Model<M>,
  filters: ReadonlyArray<Record<string, unknown>>,
  order: SortKeyOrder,
  limit: number,
  projection: Record<string, 0 | 1> | null,
  timeoutMs: number,
): Promise<T[]> {
  const read = (filter: Record<string, unknown>) =>
    model
      .find(filter as never, projection ? withSortKeyField(projection) : undefined)
      .sort({ sortKey: order })
      .limit(limit)
      .maxTimeMS(timeoutMs)
      .lean<T[]>()
      .exec();
  if (filters.length === 1) return read(filters[0]);
  return mergeSorted(await Promise.all(filters.map(read)), order, limit);
}

/** A projection that keeps sortKey (the merge and the keyset need it): an exclusion keeps it unless it names it. */
function withSortKeyField(projection: Record<string, 0 | 1>): Record<string, 0 | 1> {
  const inclusion = Object.entries(projection).some(([field, value]) => field !== '_id' && value === 1);
  if (inclusion) return { ...projection, sortKey: 1 };
  const { sortKey: _sortKey, ...rest } = projection;
  return rest;
}

/** The first `limit` of several lists each in sortKey order, as one list in that order, each id once. */
export function mergeSorted<T extends Sorted>(lists: ReadonlyArray<readonly T[]>, order: SortKeyOrder, limit: number): T[] {
  const seen = new Set<string>();
  const all = lists.flat().sort((a, b) => (a.sortKey < b.sortKey ? -order : a.sortKey > b.sortKey ? order : 0));
  const merged: T[] = [];
  for (const doc of all) {
    if (seen.has(doc._id)) continue;
    seen.add(doc._id);
    merged.push(doc);
    if (merged.length === limit) break;
  }
  return merged;
}
