import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { StoredFacetDay } from './facet-day.schema';
import { IdBatch } from './id-batch';

/** The store_migrations entry written once every day with served articles has its counts. */
export const FACET_DAYS_COMPLETE = 'article_facet_days';

/** What facets read of a day: its article count and entity counts. */
export interface FacetDayCounts {
  articles: number;
  counts: Map<string, number>;
}

const LINE = '\n';
const FIELD = '\t';

export const encodeCounts = (counts: ReadonlyMap<string, number>): string =>
  [...counts]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([id, count]) => `${id}${FIELD}${count}`)
    .join(LINE);

export function decodeCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const line of text ? text.split(LINE) : []) {
    const at = line.lastIndexOf(FIELD);
    counts.set(line.slice(0, at), Number(line.slice(at + 1)));
  }
  return counts;
}

/** All I/O on `article_facet_days` (see facet-day.schema.ts). */
@Injectable()
export class FacetDayRepository {
  constructor(
    @InjectModel(StoredFacetDay.name)
    private readonly days: Model<StoredFacetDay>,
    private readonly ids: IdBatch,
  ) {}

  /** The days of one paper (or of every paper) between two inclusive dates (either may be open). */
  async inRange(filter: { source?: string; from?: string; to?: string }, timeoutMs: number): Promise<FacetDayCounts[]> {
    const query: Record<string, unknown> = {};
    if (filter.from || filter.to)
      query.date = {
        ...(filter.from ? { $gte: filter.from } : {}),
        ...(filter.to ? { $lte: filter.to } : {}),
      };
    if (filter.source) query.source = filter.source;
    const docs = await this.days.find(query, { articles: 1, counts: 1 }).maxTimeMS(timeoutMs).lean<Array<Pick<StoredFacetDay, 'articles' | 'counts'>>>().exec();
    return docs.map((doc) => ({
      articles: doc.articles,
      counts: decodeCounts(doc.counts),
    }));
  }

  /** Writes the days' counts (a day with no served article left is deleted); idempotent. */
  async put(days: ReadonlyArray<{ date: string; source: string } & FacetDayCounts>): Promise<void> {
    const kept = days.filter((day) => day.articles > 0);
    const gone = days.filter((day) => day.articles === 0).map((day) => `${day.date}|${day.source}`);
    if (kept.length > 0) {
      await this.ids.putAll(
        this.days,
        kept.map((day) => ({
          _id: `${day.date}|${day.source}`,
          date: day.date,
          source: day.source,
          articles: day.articles,
          counts: encodeCounts(day.counts),
        })),
      );
    }
    if (gone.length > 0) await this.ids.delete(this.days, gone);
  }
}
