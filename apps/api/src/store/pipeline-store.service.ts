import { Injectable, Logger } from '@nestjs/common';
import type { ArticleEnriched } from '@baoxun/shared/contracts/article.contract';
import type { DeadLetter } from '@baoxun/shared/contracts/dead-letter.contract';
import type { PageParsed, PageReceived } from '@baoxun/shared/contracts/page.contract';
import { entityRefsOf, indexFieldsOf } from '../search/article-index.fields';
import { ArticleFacetRepository } from './article-facet.repository';
import { ArticleSummaryRepository } from './article-summary.repository';
import { ArticleRepository } from './article.repository';
import { ARTICLE_SCHEMA_VERSION, type StoredArticle } from './article.schema';
import { DeadLetterRecordRepository } from './dead-letter-record.repository';
import { entityChanges } from './entity-change';
import { EntityCountsService } from './entity-counts.service';
import { FacetDays } from './facet-days.service';
import { KeyedMutex } from './keyed-mutex';
import { PageRepository } from './page.repository';
import { PAGE_SCHEMA_VERSION, type StoredPage } from './page.schema';
import { PageTextRepository } from './page-text.repository';
import { isDuplicateKey, NotYetError, sameIds, versionKey } from './page-version';
import { switchArticleOf, VersionSwitchService } from './version-switch.service';

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
    private readonly pages: PageRepository,
    private readonly pageTexts: PageTextRepository,
    private readonly articles: ArticleRepository,
    private readonly facetDocs: ArticleFacetRepository,
    private readonly summaries: ArticleSummaryRepository,
    private readonly deadLetters: DeadLetterRecordRepository,
    private readonly versions: VersionSwitchService,
    private readonly entityCounts: EntityCountsService,
    private readonly facetDays: FacetDays,
  ) {}

  recordReceived(message: PageReceived): Promise<void> {
    return this.pageLocks.run(message.pageId, async () => {
      const receivedAt = new Date(message.receivedAt);
      const version = {
        contentHash: message.contentHash,
        receivedAt,
        correlationId: message.correlationId,
        status: 'received' as const,
        parsed: null,
        storedAt: null,
      };
      const existing = await this.pages.findById<StoredPage>(message.pageId, { contentHash: 1, receivedAt: 1, parsed: 1, live: 1 });
      const newer = !existing || (existing.contentHash !== message.contentHash && versionKey(existing.receivedAt, existing.contentHash) < versionKey(receivedAt, message.contentHash));
      // The text first, so a page never names a version whose text is missing (written again on a redelivery).
      if (newer) await this.pageTexts.save(message.pageId, message.contentHash, message.text);
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
      const replaced = await this.pages.updateIf(
        message.pageId,
        { contentHash: existing.contentHash },
        // $unset: a page stored before schema version 3 loses the text it carried (now in page_texts).
        { $set: { ...version, schemaVersion: PAGE_SCHEMA_VERSION }, $unset: { text: '' }, $addToSet: { stale: { $each: unfinished } } },
      );
      if (!replaced) throw new NotYetError(`page ${message.pageId} changed while being replaced; retrying`);
      await this.pageTexts.remove(message.pageId, existing.contentHash);
      this.logger.log({ pageId: message.pageId, contentHash: message.contentHash, replaces: existing.contentHash, correlationId: message.correlationId }, 'page re-scanned');
    });
  }

  recordParsed(message: PageParsed): Promise<void> {
    return this.pageLocks.run(message.pageId, async () => {
      const page = await this.pages.findById<StoredPage>(message.pageId, { contentHash: 1, receivedAt: 1, parsed: 1, live: 1, status: 1 });
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
        await this.pages.updateIf(
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
      const page = await this.pages.findById<StoredPage>(article.pageId, { text: 0 });
      if (page && versionKey(page.receivedAt, page.contentHash) > versionKey(article.pageReceivedAt, article.pageVersion)) return; // from a replaced version
      const { id, ...rest } = article;
      const { entityIds, ...index } = indexFieldsOf(article);
      const fields = { ...rest, datelines: article.datelines ?? [], pageReceivedAt: new Date(article.pageReceivedAt), schemaVersion: ARTICLE_SCHEMA_VERSION, storedAt: new Date(), ...index };
      // A new article waits for its version's switch (readers check the page's served version); one already
      // served is updated in place (reprocessing), with its facet and summary documents and entity counts.
      const before = await this.articles.insertOrReplace<Pick<StoredArticle, 'live' | 'entities' | 'page'>>(id, fields);
      const served = page?.live?.contentHash === article.pageVersion && page.live.articleIds.includes(id);
      const switching = switchArticleOf({ _id: id, ...fields });
      if (before && served) {
        await this.facetDocs.put([{ _id: id, sortKey: index.sortKey, keys: index.keys, entityIds }]);
        await this.summaries.put([switching.summary]);
        await this.entityCounts.apply(entityChanges([before], [article]));
        await this.facetDays.recount(article.page.date, article.page.source);
      }
      this.versions.noteStored(article.pageId, article.pageVersion, switching);
      this.logger.debug({ articleId: id, pageId: article.pageId, correlationId: article.correlationId, entities: entityRefsOf(article.entities).length }, 'article stored');
      // The page as read before the insert serves only if it already had this version's parse. Otherwise read it
      // again: another replica may have recorded the parse meanwhile and, not finding this article yet, left the
      // switch to this arrival (the page lock is per process; reading after the insert closes that gap).
      await this.versions.advance(article.pageId, page?.parsed?.contentHash === article.pageVersion ? page : undefined);
    });
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
    await this.deadLetters.put({ _id: id, pageId: payload.pageId, pageVersion, stage: letter.stage, subject: letter.subject, reason: letter.reason.slice(0, 2_000), failedAt: new Date(letter.failedAt) });
    this.logger.warn({ pageId: payload.pageId, pageVersion, stage: letter.stage, subject: letter.subject }, 'a message of this page was dead-lettered');
  }
}
