import { Injectable, Logger } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { ArticleEnriched } from '@baoxun/shared/contracts/article.contract';
import type { PageParsed, PageReceived } from '@baoxun/shared/contracts/page.contract';
import { ARTICLE_SCHEMA_VERSION, StoredArticle } from './article.schema';
import { StoredPage } from './page.schema';

const PAGE_SCHEMA_VERSION = 1;

/** Thrown when a message arrived before the one it depends on; the transport retries it later. */
export class NotYetError extends Error {}

const isDuplicateKey = (error: unknown): boolean => (error as { code?: number })?.code === 11000;

/**
 * Writes what the pipeline produces. Every write is idempotent (keyed by page id and article id), so
 * JetStream's at-least-once delivery stores each page and article exactly once. Versions of a page are
 * ordered by the time ingest received them: a late message of an older version never overwrites a newer one.
 */
@Injectable()
export class PipelineStoreService {
  private readonly logger = new Logger(PipelineStoreService.name);

  constructor(
    @InjectModel(StoredPage.name) private readonly pages: Model<StoredPage>,
    @InjectModel(StoredArticle.name) private readonly articles: Model<StoredArticle>,
  ) {}

  async recordReceived(message: PageReceived): Promise<void> {
    const receivedAt = new Date(message.receivedAt);
    const fields = {
      source: message.page.source,
      date: message.page.date,
      page: message.page.page,
      text: message.text,
      contentHash: message.contentHash,
      receivedAt,
      correlationId: message.correlationId,
      status: 'received' as const,
      parsed: null,
      storedAt: null,
      schemaVersion: PAGE_SCHEMA_VERSION,
    };
    const existing = await this.pages.findById(message.pageId, { contentHash: 1, receivedAt: 1 }).lean();
    if (!existing) {
      try {
        await this.pages.create({ _id: message.pageId, ...fields });
        return;
      } catch (error) {
        if (isDuplicateKey(error)) throw new NotYetError(`page ${message.pageId} was created concurrently; retrying`);
        throw error;
      }
    }
    if (existing.contentHash === message.contentHash) return; // the same text again: a no-op
    if (existing.receivedAt > receivedAt) return; // an older version arriving late
    // Compare-and-set on the version we read, so two re-scans racing can't interleave.
    const result = await this.pages.updateOne({ _id: message.pageId, contentHash: existing.contentHash, receivedAt: existing.receivedAt }, { $set: fields });
    if (result.matchedCount === 0) throw new NotYetError(`page ${message.pageId} changed while being replaced; retrying`);
    this.logger.log({ pageId: message.pageId, contentHash: message.contentHash }, 'page re-scanned; replacing its articles');
  }

  async recordParsed(message: PageParsed): Promise<void> {
    const page = await this.pages.findById(message.pageId, { contentHash: 1, receivedAt: 1 }).lean();
    if (!page || page.contentHash !== message.contentHash) {
      if (page && page.receivedAt > new Date(message.pageReceivedAt)) return; // superseded by a newer scan
      throw new NotYetError(`page ${message.pageId} version ${message.contentHash} not recorded yet`);
    }
    await this.pages.updateOne(
      { _id: message.pageId, contentHash: message.contentHash, parsed: null },
      { $set: { parsed: { contentHash: message.contentHash, articleIds: message.articleIds, parserVersion: message.parserVersion, parsedAt: new Date(message.parsedAt) }, status: 'parsed' } },
    );
    await this.completeIfAllStored(message.pageId);
  }

  async storeArticle(article: ArticleEnriched): Promise<void> {
    const page = await this.pages.findById(article.pageId, { receivedAt: 1 }).lean();
    if (page && page.receivedAt > new Date(article.pageReceivedAt)) return; // from a version already replaced
    const { id, ...rest } = article;
    await this.articles.replaceOne(
      { _id: id },
      { ...rest, _id: id, pageReceivedAt: new Date(article.pageReceivedAt), schemaVersion: ARTICLE_SCHEMA_VERSION, storedAt: new Date() },
      { upsert: true },
    );
    await this.completeIfAllStored(article.pageId);
  }

  /** Once every article of the current version is in, the page is stored and older versions' articles go. */
  private async completeIfAllStored(pageId: string): Promise<void> {
    const page = await this.pages.findById(pageId, { contentHash: 1, parsed: 1, status: 1 }).lean();
    if (!page?.parsed || page.status === 'stored') return;
    const stored = await this.articles.countDocuments({ pageId, pageVersion: page.contentHash });
    if (stored < page.parsed.articleIds.length) return;
    const result = await this.pages.updateOne({ _id: pageId, contentHash: page.contentHash }, { $set: { status: 'stored', storedAt: new Date() } });
    if (result.modifiedCount > 0) await this.articles.deleteMany({ pageId, pageVersion: { $ne: page.contentHash } });
  }
}
