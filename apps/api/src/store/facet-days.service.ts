import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { ApiConfig } from '@baoxun/shared/config/api.config';
import { SERVICE_CONFIG } from '@baoxun/shared/service/service.tokens';
import { ArticleFacetRepository } from './article-facet.repository';
import { FACET_DAYS_COMPLETE, type FacetDayCounts, FacetDayRepository } from './facet-day.repository';
import { StoreMigrationRepository } from './store-migration.repository';
import { KeyedMutex } from './keyed-mutex';

type Day = { date: string; source: string } & FacetDayCounts;

const WRITE_BATCH = 100;

/** The day and paper of an article from its sortKey (`date|source|page|order|id`). */
export function dayOf(sortKey: string): { date: string; source: string } {
  const [date, source] = sortKey.split('|');
  return { date, source };
}

function tally(perArticle: Iterable<readonly string[]>): FacetDayCounts {
  const counts = new Map<string, number>();
  let articles = 0;
  for (const ids of perArticle) {
    articles++;
    for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return { articles, counts };
}

/**
 * Keeps article_facet_days in step with the served articles: a page's day is recounted from its facet documents
 * after each switch of that page (one paper's day is about a hundred small documents), so the counts are derived
 * state, the same however often a switch is redone. Recounts of one day run one at a time in this replica; with
 * several api replicas (MongoDB) two switches of one day at the same moment can leave the day a page behind
 * until its next switch. A store written by an older api is counted once at start, in the background; until
 * that is recorded in store_migrations, facets are counted on the facet documents as before.
 */
@Injectable()
export class FacetDays implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(FacetDays.name);
  private readonly locks = new KeyedMutex();
  private complete = false;
  private stopping = false;
  private running: Promise<void> | null = null;
  /** Days recounted while the backfill runs: its own (older) counts of them are not written. */
  private recountedDuringBackfill: Set<string> | null = null;

  constructor(
    private readonly facetDocs: ArticleFacetRepository,
    private readonly days: FacetDayRepository,
    private readonly migrations: StoreMigrationRepository,
    @Inject(SERVICE_CONFIG) private readonly config: ApiConfig,
  ) {}

  /** Whether facets may be added up from the days (every day with served articles has its counts). */
  get countsComplete(): boolean {
    return this.complete;
  }

  /** Recounts one paper's day from its facet documents. */
  recount(date: string, source: string): Promise<void> {
    const key = `${date}|${source}`;
    return this.locks.run(key, async () => {
      this.recountedDuringBackfill?.add(key);
      const counted = tally(await this.facetDocs.ofDay(date, source, this.config.QUERY_TIMEOUT_MS));
      await this.days.put([{ date, source, ...counted }]);
    });
  }

  onApplicationBootstrap(): void {
    this.running = this.run().catch((error: unknown) => {
      this.recountedDuringBackfill = null;
      // Facets keep counting the facet documents; the next start tries again.
      this.logger.error(`facet day counts not filled: ${error instanceof Error ? error.message : String(error)}`);
    });
  }

  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    await this.running;
  }

  /** Counts every day once if the store has not recorded it; resolves when facets can read the days. */
  async run(): Promise<void> {
    if (await this.migrations.isDone(FACET_DAYS_COMPLETE)) {
      this.complete = true;
      return;
    }
    this.recountedDuringBackfill = new Set();
    const byDay = new Map<string, { date: string; source: string; perArticle: string[][] }>();
    for await (const { sortKey, entityIds } of this.facetDocs.allEntityIds()) {
      if (this.stopping) return;
      const { date, source } = dayOf(sortKey);
      const key = `${date}|${source}`;
      const day = byDay.get(key) ?? { date, source, perArticle: [] };
      day.perArticle.push(entityIds);
      byDay.set(key, day);
    }
    const counted: Day[] = [...byDay.values()].map((day) => ({ date: day.date, source: day.source, ...tally(day.perArticle) }));
    for (let at = 0; at < counted.length; at += WRITE_BATCH) {
      if (this.stopping) return;
      await Promise.all(
        counted.slice(at, at + WRITE_BATCH).map((day) => {
          const key = `${day.date}|${day.source}`;
          // checked under the day's lock: a recount that ran after this pass read the day is newer
          return this.locks.run(key, async () => {
            if (!this.recountedDuringBackfill?.has(key)) await this.days.put([day]);
          });
        }),
      );
    }
    await this.migrations.markDone(FACET_DAYS_COMPLETE);
    this.recountedDuringBackfill = null;
    this.complete = true;
    this.logger.log(counted.length > 0 ? `facet day counts: ${counted.length} days counted; facets of source and date lists read them from now on` : 'facet day counts in place');
  }
}
