import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { ARTICLE_WITHOUT_GRAMS, type SummarySource, summaryOf } from '../search/article-index.fields';
import { ArticleFacetRepository } from './article-facet.repository';
import { ArticleRepository } from './article.repository';
import { ArticleSummaryRepository, SUMMARIES_COMPLETE } from './article-summary.repository';
import { StoreMigrationRepository } from './store-migration.repository';

const BATCH = 200;

/**
 * Gives every served article of a store written before article_summaries existed its summary, once, in the
 * background: lists read the articles themselves (as before) until it is done and recorded in store_migrations,
 * then the summaries. On a new store there is nothing to fill and it is recorded at once. Idempotent, so replicas
 * starting together (or a restart halfway) only redo some writes.
 */
@Injectable()
export class ArticleSummaryBackfill implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(ArticleSummaryBackfill.name);
  private complete = false;
  private stopping = false;
  private running: Promise<void> | null = null;

  constructor(
    private readonly summaries: ArticleSummaryRepository,
    private readonly facetDocs: ArticleFacetRepository,
    private readonly articles: ArticleRepository,
    private readonly migrations: StoreMigrationRepository,
  ) {}

  /** Whether lists may read article_summaries (every served article has one). */
  get summariesComplete(): boolean {
    return this.complete;
  }

  onApplicationBootstrap(): void {
    this.running = this.run().catch((error: unknown) => {
      // Lists keep reading the articles; the next start tries again.
      this.logger.error(`article summaries not filled: ${error instanceof Error ? error.message : String(error)}`);
    });
  }

  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    await this.running;
  }

  /** Fills what is missing and records it; resolves when lists can read the summaries (or on shutdown). */
  async run(): Promise<void> {
    if (await this.migrations.isDone(SUMMARIES_COMPLETE)) {
      this.complete = true;
      return;
    }
    let filled = 0;
    for await (const ids of this.facetDocs.servedIds(BATCH)) {
      if (this.stopping) return;
      const missing = await this.summaries.missing(ids);
      if (missing.length === 0) continue;
      const sources = await this.articles.findByIds<SummarySource>(missing, ARTICLE_WITHOUT_GRAMS);
      await this.summaries.put(sources.map(summaryOf));
      filled += sources.length;
      if (filled % (BATCH * 25) < sources.length) this.logger.log(`article summaries: ${filled} filled so far`);
    }
    await this.migrations.markDone(SUMMARIES_COMPLETE);
    this.complete = true;
    this.logger.log(filled > 0 ? `article summaries: ${filled} filled; lists read them from now on` : 'article summaries in place');
  }
}
