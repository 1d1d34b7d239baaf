import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { StoredArticleFacet } from './article-facet.schema';
import { IdBatch } from './id-batch';
import { mergeSorted } from './article.repository';

/** A served article's facet document, as the version switch writes it. */
export interface ArticleFacetInput {
  _id: string;
  sortKey: string;
  keys: string[];
  entityIds: string[];
}

export interface FacetSample {
  _id: string;
  sortKey: string;
  keys: string[];
  entityIds: string[];
}

const SEPARATOR = '\n';

/** All I/O on `article_facets` (the lean per-article documents facets count; see article-facet.schema.ts). */
@Injectable()
export class ArticleFacetRepository {
  constructor(
    @InjectModel(StoredArticleFacet.name) private readonly facets: Model<StoredArticleFacet>,
    private readonly ids: IdBatch,
  ) {}

  /**
   * The newest `limit` facet documents matching any of the flat filters (every facet document is of a live
   * article), one query per filter, merged. Their keys only when `withKeys` (a check in the app reads them):
   * otherwise they are left in the store, which on FerretDB is most of what decoding a facet document costs.
   */
  async newest(filters: ReadonlyArray<Record<string, unknown>>, limit: number, timeoutMs: number, withKeys: boolean): Promise<FacetSample[]> {
    const projection = withKeys ? {} : { keys: 0 };
    const read = async (filter: Record<string, unknown>) => {
      const docs = await this.facets.find(filter, projection).sort({ sortKey: -1 }).limit(limit).maxTimeMS(timeoutMs).lean<StoredArticleFacet[]>().exec();
      return docs.map((doc) => ({ _id: doc._id, sortKey: doc.sortKey, keys: withKeys ? doc.keys : [], entityIds: doc.entityIds ? doc.entityIds.split(SEPARATOR) : [] }));
    };
    if (filters.length === 1) return read(filters[0]);
    return mergeSorted(await Promise.all(filters.map(read)), -1, limit);
  }

  /** The entity ids of each served article of one paper's day (its sortKeys start with `date|source|`). */
  async ofDay(date: string, source: string, timeoutMs: number): Promise<string[][]> {
    const docs = await this.facets
      .find({ sortKey: { $gte: `${date}|${source}|`, $lt: `${date}|${source}}` } }, { entityIds: 1 })
      .maxTimeMS(timeoutMs)
      .lean<Array<Pick<StoredArticleFacet, 'entityIds'>>>()
      .exec();
    return docs.map((doc) => (doc.entityIds ? doc.entityIds.split(SEPARATOR) : []));
  }

  /** Every served article's sortKey and entity ids, in one pass over the lean documents. */
  async *allEntityIds(): AsyncGenerator<{ sortKey: string; entityIds: string[] }> {
    for await (const doc of this.facets.find({}, { sortKey: 1, entityIds: 1 }).lean<Pick<StoredArticleFacet, 'sortKey' | 'entityIds'>>().cursor()) {
      yield { sortKey: doc.sortKey, entityIds: doc.entityIds ? doc.entityIds.split(SEPARATOR) : [] };
    }
  }

  /** Writes the facet documents of newly served articles (idempotent: a redone switch rewrites the same). */
  async put(docs: readonly ArticleFacetInput[]): Promise<void> {
    // One request for the page's articles (a redone switch rewrites the same).
    await this.ids.putAll(this.facets, docs.map((doc) => ({ _id: doc._id, sortKey: doc.sortKey, keys: doc.keys, entityIds: doc.entityIds.join(SEPARATOR) })));
  }

  deleteByIds(ids: readonly string[]): Promise<void> {
    return this.ids.delete(this.facets, ids);
  }

  /** The ids of all served articles, in batches (one pass over the lean documents). */
  async *servedIds(batchSize: number): AsyncGenerator<string[]> {
    let batch: string[] = [];
    for await (const doc of this.facets.find({}, { _id: 1 }).lean<Pick<StoredArticleFacet, '_id'>>().cursor()) {
      batch.push(doc._id);
      if (batch.length === batchSize) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) yield batch;
  }

  /** Served articles per entity id (an operator's recount): one pass over the lean documents. */
  async countsPerEntity(): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    for await (const doc of this.facets.find({}, { entityIds: 1 }).lean<Pick<StoredArticleFacet, 'entityIds'>>().cursor()) {
      for (const id of doc.entityIds.split(SEPARATOR)) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    return counts;
  }
}
