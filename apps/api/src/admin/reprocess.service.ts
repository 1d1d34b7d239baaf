import { Injectable, Logger, NotFoundException } from '@nestjs/common';
import { InjectConnection, InjectModel } from '@nestjs/mongoose';
import type { Connection, Model, QueryFilter } from 'mongoose';
import { randomBytes } from 'node:crypto';
import type { PipelineVersionCount, ReprocessProgress, ReprocessScope } from '@baoxun/shared/contracts/admin.contract';
import { pageReceived } from '@baoxun/shared/contracts/subjects.registry';
import { JetStreamPublisher } from '@baoxun/shared/transport/jetstream.publisher';
import { StoredArticle } from '../store/article.schema';
import { StoredPage } from '../store/page.schema';
import { pageTextId, StoredPageText } from '../store/page-text.schema';
import { ReprocessJob } from './reprocess-job.schema';

/** Pages published at once while a run is being published (pipelined; each resolves when JetStream has it). */
const PUBLISH_WINDOW = 32;

/**
 * Re-runs parse and enrich for stored pages after the parser or the dictionaries change: each page's stored
 * text goes back onto pages.received with its identity unchanged (page id, content hash, received time), so
 * the articles it yields keep their ids and replace the stored ones in place; nothing is duplicated. The api's
 * own models are only read here.
 */
@Injectable()
export class ReprocessService {
  private readonly logger = new Logger(ReprocessService.name);

  constructor(
    @InjectConnection() private readonly connection: Connection,
    @InjectModel(ReprocessJob.name) private readonly jobs: Model<ReprocessJob>,
    private readonly publisher: JetStreamPublisher,
  ) {}

  // The api registers these models; looked up when used, read only.
  private get pages(): Model<StoredPage> {
    return this.connection.model<StoredPage>(StoredPage.name);
  }
  private get pageTexts(): Model<StoredPageText> {
    return this.connection.model<StoredPageText>(StoredPageText.name);
  }
  private get articles(): Model<StoredArticle> {
    return this.connection.model<StoredArticle>(StoredArticle.name);
  }

  async start(scope: ReprocessScope): Promise<ReprocessProgress> {
    const filter = await this.filterFor(scope);
    const total = await this.pages.countDocuments(filter);
    const id = `rp_${randomBytes(8).toString('hex')}`;
    const correlationId = `reprocess-${id}`;
    await this.jobs.create({ _id: id, scope, status: 'publishing', total, published: 0, correlationId, startedAt: new Date(), publishedAt: null, error: null });
    this.logger.log({ id, scope, total }, 'reprocessing started');
    void this.publishAll(id, correlationId, filter);
    return this.progress(id);
  }

  async progress(id: string): Promise<ReprocessProgress> {
    const job = await this.jobs.findById(id).lean<ReprocessJob>();
    if (!job) throw new NotFoundException(`no reprocessing run ${id}`);
    const [pageIds, articlesRewritten] = await Promise.all([
      this.articles.distinct('pageId', { correlationId: job.correlationId }),
      this.articles.countDocuments({ correlationId: job.correlationId }),
    ]);
    return {
      id: job._id,
      scope: job.scope,
      status: job.status,
      total: job.total,
      published: job.published,
      pagesReprocessed: pageIds.length,
      articlesRewritten,
      done: job.status === 'published' && pageIds.length >= job.total,
      startedAt: job.startedAt.toISOString(),
      publishedAt: job.publishedAt?.toISOString() ?? null,
      error: job.error,
    };
  }

  async recent(limit = 20): Promise<ReprocessProgress[]> {
    const jobs = await this.jobs.find({}, { _id: 1 }).sort({ startedAt: -1 }).limit(limit).lean<Array<{ _id: string }>>();
    return Promise.all(jobs.map((job) => this.progress(job._id)));
  }

  /** Article counts per pipeline version: which versions made what is stored. */
  async pipelineVersions(): Promise<PipelineVersionCount[]> {
    const rows = await this.articles.aggregate<{ _id: string; articles: number }>([{ $group: { _id: '$pipelineVersion', articles: { $sum: 1 } } }, { $sort: { _id: 1 } }]);
    return rows.map((row) => ({ pipelineVersion: row._id, articles: row.articles }));
  }

  private async filterFor(scope: ReprocessScope): Promise<QueryFilter<StoredPage>> {
    if ('all' in scope) return {};
    if ('source' in scope) {
      const date: Record<string, string> = {};
      if (scope.from) date.$gte = scope.from;
      if (scope.to) date.$lte = scope.to;
      return Object.keys(date).length > 0 ? { source: scope.source, date } : { source: scope.source };
    }
    const pageIds = await this.articles.distinct('pageId', { pipelineVersion: { $ne: scope.notPipelineVersion } });
    const parserVersion = scope.notPipelineVersion.split('+')[0];
    return { $or: [{ _id: { $in: pageIds } }, { 'parsed.parserVersion': { $exists: true, $ne: parserVersion } }] };
  }

  private async publishAll(id: string, correlationId: string, filter: QueryFilter<StoredPage>): Promise<void> {
    let published = 0;
    let failure: unknown = null;
    const pending = new Set<Promise<void>>();
    const saveProgress = () => this.jobs.updateOne({ _id: id }, { $set: { published } }).then(() => undefined);
    try {
      const cursor = this.pages.find(filter, { text: 1, source: 1, date: 1, page: 1, contentHash: 1, receivedAt: 1 }).sort({ _id: 1 }).lean<StoredPage>().cursor();
      for await (const page of cursor) {
        if (failure) break;
        // Pages stored before schema version 3 still carry their text; later ones keep it in page_texts.
        const text = page.text ?? (await this.pageTexts.findById(pageTextId(page._id, page.contentHash), { text: 1 }).lean<Pick<StoredPageText, 'text'>>().exec())?.text;
        if (text === undefined) throw new Error(`page ${page._id} version ${page.contentHash} has no stored text`);
        const work = this.publisher
          .publish(
            pageReceived,
            {
              pageId: page._id,
              page: { source: page.source, date: page.date, page: page.page },
              text,
              contentHash: page.contentHash,
              // The version's own received time: the store sees the same version, not a newer scan.
              receivedAt: new Date(page.receivedAt).toISOString(),
              correlationId,
            },
            { msgId: `${correlationId}:${page._id}`, correlationId },
          )
          .then(
            () => {
              published++;
              if (published % 100 === 0) void saveProgress().catch(() => undefined);
            },
            (error: unknown) => {
              failure ??= error;
            },
          )
          .finally(() => pending.delete(work));
        pending.add(work);
        if (pending.size >= PUBLISH_WINDOW) await Promise.race(pending);
      }
      await Promise.all(pending);
      if (failure) throw failure;
      await this.jobs.updateOne({ _id: id }, { $set: { published, status: 'published', publishedAt: new Date() } });
      this.logger.log({ id, published }, 'reprocessing published');
    } catch (error) {
      await Promise.all(pending);
      const message = error instanceof Error ? error.message : String(error);
      this.logger.error({ id, published }, `reprocessing stopped: ${message}`);
      await this.jobs.updateOne({ _id: id }, { $set: { published, status: 'failed', error: message } }).catch(() => undefined);
    }
  }
}
