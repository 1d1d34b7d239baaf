import { Inject, Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { StoredArticle } from '../store/article.schema';
import { STORE_CAPABILITIES, type StoreCapabilities } from '../store/store-capabilities';

/** Counts above this are "common"; the exact number doesn't change which token is rarest. */
const COUNT_CAP = 10_000;
const TTL_MS = 10 * 60_000;
const MAX_ENTRIES = 20_000;

/**
 * How many served articles hold a search token, so a text query is anchored on its rarest token. Counted on
 * the grams index (a count scan that stops at COUNT_CAP) and cached for a while. On FerretDB v1 a count reads
 * the whole collection, so there it is not asked and the query planner's heuristic is used instead.
 */
@Injectable()
export class GramStats {
  private readonly cache = new Map<string, { count: number; at: number }>();

  constructor(
    @InjectModel(StoredArticle.name) private readonly articles: Model<StoredArticle>,
    @Inject(STORE_CAPABILITIES) private readonly capabilities: StoreCapabilities,
  ) {}

  async counts(grams: readonly string[], timeoutMs: number): Promise<Map<string, number> | undefined> {
    const unique = [...new Set(grams)];
    if (this.capabilities.ferretDb || unique.length < 2) return undefined;
    const now = Date.now();
    const result = new Map<string, number>();
    await Promise.all(
      unique.map(async (gram) => {
        const cached = this.cache.get(gram);
        if (cached && now - cached.at < TTL_MS) return void result.set(gram, cached.count);
        const count = await this.articles.countDocuments({ live: true, grams: gram }, { limit: COUNT_CAP, maxTimeMS: timeoutMs });
        if (this.cache.size >= MAX_ENTRIES) this.cache.delete(this.cache.keys().next().value as string);
        this.cache.set(gram, { count, at: now });
        result.set(gram, count);
      }),
    );
    return result;
  }
}
