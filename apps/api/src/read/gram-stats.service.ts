import { Injectable } from '@nestjs/common';
import { ArticleRepository } from '../store/article.repository';

/** Counts above this are "common"; the exact number doesn't change which token is rarest. */
const COUNT_CAP = 10_000;
const TTL_MS = 10 * 60_000;
const MAX_ENTRIES = 20_000;

/**
 * How many served articles hold a search token, so a text query is anchored on its rarest token. Counted on
 * the grams index (a count scan that stops at COUNT_CAP) and cached for a while. Where the store cannot count
 * cheaply (FerretDB decodes every counted document) the repository says so and the planner's heuristic is used.
 */
@Injectable()
export class GramStats {
  private readonly cache = new Map<string, { count: number; at: number }>();

  constructor(private readonly articles: ArticleRepository) {}

  async counts(grams: readonly string[], timeoutMs: number): Promise<Map<string, number> | undefined> {
    const unique = [...new Set(grams)];
    if (unique.length < 2) return undefined;
    const now = Date.now();
    const result = new Map<string, number>();
    let uncountable = false;
    await Promise.all(
      unique.map(async (gram) => {
        const cached = this.cache.get(gram);
        if (cached && now - cached.at < TTL_MS) return void result.set(gram, cached.count);
        const count = await this.articles.countGram(gram, COUNT_CAP, timeoutMs);
        if (count === null) return void (uncountable = true);
        if (this.cache.size >= MAX_ENTRIES) this.cache.delete(this.cache.keys().next().value as string);
        this.cache.set(gram, { count, at: now });
        result.set(gram, count);
      }),
    );
    return uncountable ? undefined : result;
  }
}
