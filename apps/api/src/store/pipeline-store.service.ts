import { Injectable, Logger } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { ArticleEnriched } from '@baoxun/shared/contracts/article.contract';
import type { DeadLetter } from '@baoxun/shared/contracts/dead-letter.contract';
import type { PageParsed, PageReceived } from '@baoxun/shared/contracts/page.contract';
import { entityRefsOf, indexFieldsOf } from '../search/article-index.fields';
import { ARTICLE_SCHEMA_VERSION, StoredArticle } from './article.schema';
import { DeadLetterRecord } from './dead-letter-record.schema';
import { entityChanges } from './entity-change';
import { EntityCountsService } from './entity-counts.service';
import { IdBatch } from './id-batch';
import { KeyedMutex } from './keyed-mutex';
import { PAGE_SCHEMA_VERSION, StoredPage } from './page.schema';
import { isDuplicateKey, NotYetError, sameIds, versionKey } from './page-version';
import { VersionSwitchService } from './version-switch.service';

export { NotYetError } from './page-version';

/**
 * Writes what the pipeline produces. Every write is idempotent (keyed by page id and article id), so JetStream's
 * at-least-once delivery stores each page and article exactly once; versions of a page are ordered by the time
 * ingest received them, so a late message of an older version never overwrites a newer one. All writes of one
 * page run under that page's lock, and every read and write goes by _id (the only filter FerretDB v1 pushes down
 * to its SQLite tables), compare-and-set included (IdBatch.updateIf).
 */
@Injectable()
export class PipelineStoreService {
  private readonly logger = new Logger(PipelineStoreService.name);
  private readonly pageLocks = new KeyedMutex();

  constructor(
    @InjectModel(StoredPage.name) private readonly pages: Model<StoredPage>,
    @InjectModel(StoredArticle.name) private readonly articles: Model<StoredArticle>,
    @InjectModel(DeadLetterRecord.name) private readonly deadLetters: Model<DeadLetterRecord>,
    private readonly versions: VersionSwitchService,
    private readonly entityCounts: EntityCountsService,
    private readonly ids: IdBatch,
  ) {}

  recordReceived(message: PageReceived): Promise<void> {
    return this.pageLocks.run(message.pageId, async () => {
      const receivedAt = new Date(message.receivedAt);
      const version = {
        text: message.text,
        contentHash: message.contentHash,
        receivedAt,
        correlationId: message.correlationId,
        status: 'received' as const,
        parsed: null,
        storedAt: null,
      };
      const existing = await this.pages.findById(message.pageId, { contentHash: 1, receivedAt: 1, parsed: 1, live: 1 }).lean<StoredPage>();
      if (!existing) {
        try {
          await this.pages.create({
            _id: message.pageId,
            source: message.page.source,
            date: message.page.date,
            page: message.page.page,
            ...version,
            live: null,
            stale: [],
            cleanup: null,
            schemaVersion: PAGE_SCHEMA_VERSION,
          });
          this.logger.log({ pageId: message.pageId, contentHash: message.contentHash, correlationId: message.correlationId }, 'page received');
          return;
        } catch (error) {
          if (isDuplicateKey(error)) throw new NotYetError(`page ${message.pageId} was created concurrently; retrying`);
          throw error;
        }
      }
      if (existing.contentHash === message.contentHash) return; // the same text again (or reprocessing it)
      if (versionKey(existing.receivedAt, existing.contentHash) > versionKey(receivedAt, message.contentHash)) return; // an older scan, late
      // A re-scan. The served version stays until this one is complete; articles of an unfinished one are dropped.
      const unfinished = existing.parsed && existing.live?.contentHash !== existing.contentHash ? existing.parsed.articleIds : [];
      const replaced = await this.ids.updateIf(
        this.pages,
        message.pageId,
        { contentHash: existing.contentHash },
        { $set: version, $addToSet: { stale: { $each: unfinished } } },
      );
      if (!replaced) throw new NotYetError(`page ${message.pageId} changed while being replaced; retrying`);
      this.logger.log({ pageId: message.pageId, contentHash: message.contentHash, replaces: existing.contentHash, correlationId: message.correlationId }, 'page re-scanned');
    });
  }

  recordParsed(message: PageParsed): Promise<void> {
    return this.pageLocks.run(message.pageId, async () => {
      const page = await this.pages.findById(message.pageId, { contentHash: 1, receivedAt: 1, parsed: 1, live: 1, status: 1 }).lean<StoredPage>();
      if (!page || page.contentHash !== message.contentHash) {
        if (page && versionKey(page.receivedAt, page.contentHash) > versionKey(message.pageReceivedAt, message.contentHash)) return; // superseded
        throw new NotYetError(`page ${message.pageId} version ${message.contentHash} not recorded yet`);
      }
      const known = page.parsed;
      if (!known || !sameIds(known.articleIds, message.articleIds) || known.parserVersion !== message.parserVersion) {
        // The first parse of this version, or a reprocessing run whose parser cut the page differently.
        const served = new Set(page.live?.articleIds ?? []);
        const dropped = (known?.articleIds ?? []).filter((id) => !message.articleIds.includes(id) && !served.has(id));
        const parsed = { contentHash: message.contentHash, articleIds: message.articleIds, parserVersion: message.parserVersion, parsedAt: new Date(message.parsedAt) };
        const settled = page.live?.contentHash === message.contentHash && sameIds(page.live.articleIds, message.articleIds);
        await this.ids.updateIf(
          this.pages,
          message.pageId,
          { contentHash: message.contentHash },
          { $set: { parsed, ...(settled ? {} : { status: 'parsed', storedAt: null }) }, $addToSet: { stale: { $each: dropped } } },
        );
      }
      await this.versions.advance(message.pageId);
    });
  }

  storeArticle(article: ArticleEnriched): Promise<void> {
    return this.pageLocks.run(article.pageId, async () => {
      const page = await this.pages.findById(article.pageId, { text: 0 }).lean<StoredPage>();
      if (page && versionKey(page.receivedAt, page.contentHash) > versionKey(article.pageReceivedAt, article.pageVersion)) return; // from a replaced version
      const { id, ...rest } = article;
      const fields = { ...rest, pageReceivedAt: new Date(article.pageReceivedAt), schemaVersion: ARTICLE_SCHEMA_VERSION, storedAt: new Date(), ...indexFieldsOf(article) };
      // A new article waits (live: false) for its version's switch; one that is already served is updated in place.
      const before = await this.insertOrUpdate(id, fields);
      if (before?.live) await this.entityCounts.apply(entityChanges([before], [article]));
      this.versions.noteStored(article.pageId, article.pageVersion, id);
      this.logger.debug({ articleId: id, pageId: article.pageId, correlationId: article.correlationId, entities: entityRefsOf(article.entities).length }, 'article stored');
      await this.versions.advance(article.pageId, page);
    });
  }

  /**
   * Writes an article, returning what was stored before (null if it is new). Most articles are new, so this
   * inserts first: on FerretDB an insert only encodes the document, while an upsert also reads and decodes it.
   * (No projection on the update: FerretDB v1's findAndModify has none.)
   */
  private async insertOrUpdate(id: string, fields: Omit<StoredArticle, '_id' | 'live'>): Promise<Pick<StoredArticle, 'live' | 'entities' | 'page'> | null> {
    try {
      // The same fields an update writes, cast by the schema but not validated (a continued part may have an
      // empty headline, which `required` would refuse; the contract has already checked the message).
      await this.articles.create([{ _id: id, ...fields, live: false }], { validateBeforeSave: false });
      return null;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
    return this.articles
      .findOneAndUpdate({ _id: id }, { $set: fields, $setOnInsert: { live: false } }, { upsert: true, returnDocument: 'before' })
      .lean<Pick<StoredArticle, 'live' | 'entities' | 'page'>>();
  }

  /** Remembers that a message of a page version was dead-lettered, for the page's status. */
  async recordDeadLetter(letter: DeadLetter): Promise<void> {
    if (letter.subject.startsWith('dlq.')) return; // a dead letter about a dead letter: nothing to attribute
    let payload: { pageId?: unknown; contentHash?: unknown; pageVersion?: unknown };
    try {
      payload = JSON.parse(Buffer.from(letter.payloadBase64, 'base64').toString('utf8')) as typeof payload;
    } catch {
      return; // not JSON: it never named a page
    }
    if (typeof payload?.pageId !== 'string') return;
    const pageVersion = typeof payload.contentHash === 'string' ? payload.contentHash : typeof payload.pageVersion === 'string' ? payload.pageVersion : null;
    const id = `${letter.stage}:${letter.subject}:${letter.streamSequence ?? letter.failedAt}`;
    await this.deadLetters.updateOne(
      { _id: id },
      { $set: { pageId: payload.pageId, pageVersion, stage: letter.stage, subject: letter.subject, reason: letter.reason.slice(0, 2_000), failedAt: new Date(letter.failedAt) } },
      { upsert: true },
    );
    this.logger.warn({ pageId: payload.pageId, pageVersion, stage: letter.stage, subject: letter.subject }, 'a message of this page was dead-lettered');
  }
}
