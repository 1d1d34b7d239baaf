import { Injectable, Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { entityRefsOf, facetEntityIdsOf, ARTICLE_WITHOUT_GRAMS, type SummarySource, summaryOf } from '../search/article-index.fields';
import { ArticleFacetRepository } from './article-facet.repository';
import { ArticleRepository } from './article.repository';
import type { StoredArticle } from './article.schema';
import { ArticleSummaryRepository } from './article-summary.repository';
import type { StoredArticleSummary } from './article-summary.schema';
import { entityChanges } from './entity-change';
import { EntityCountsService } from './entity-counts.service';
import { FacetDays } from './facet-days.service';
import { PageRepository } from './page.repository';
import type { JumpEnd, LiveVersion, PendingCleanup, StoredPage } from './page.schema';
import { NotYetError, sameIds } from './page-version';

/** Page versions whose stored articles this replica remembers (the ones still being completed). */
const REMEMBERED_VERSIONS = 2_000;

/** What a version switch needs of each article it serves: what the page records, and the article's list summary. */
export type SwitchArticle = Pick<StoredArticle, '_id' | 'page' | 'entities' | 'continuation' | 'continuedFrom' | 'pipelineVersion' | 'sortKey' | 'keys'> & {
  summary: StoredArticleSummary;
};

export const switchArticleOf = (article: SummarySource): SwitchArticle => ({
  _id: article._id,
  page: article.page,
  entities: article.entities,
  continuation: article.continuation,
  continuedFrom: article.continuedFrom,
  pipelineVersion: article.pipelineVersion,
  sortKey: article.sortKey,
  keys: article.keys,
  summary: summaryOf(article),
});

/** What the entity counts need of a replaced article. */
const REPLACED_PROJECTION = { page: 1, entities: 1 } as const;

/**
 * Serves a page's newest version once all its articles are stored, in an order that keeps readers on one
 * complete version (FerretDB v1 has no transactions):
 *   1. the new version's articles (stored with live: true, which only keeps replaced versions of older
 *      schemas out of the indexes) get their facet and summary documents; readers check each against the page's
 *      served version,
 *   2. one write of the page switches `live` to the new version (compare-and-set on the previous one),
 *   3. then the replaced articles are deleted and entity counts move; this cleanup is recorded in step 2 and
 *      redone until it completes, so a crash in between leaves nothing behind.
 * Callers hold the page's lock (KeyedMutex); every read and write here goes by _id. What this replica stored
 * itself is remembered, so a switch reads no article back.
 */
@Injectable()
export class VersionSwitchService {
  private readonly logger = new Logger(VersionSwitchService.name);
  /** pageId:contentHash -> articles known to be stored (with what a switch needs of them), so checks read only the others. */
  private readonly stored = new Map<string, Map<string, SwitchArticle>>();

  constructor(
    private readonly pages: PageRepository,
    private readonly articles: ArticleRepository,
    private readonly facetDocs: ArticleFacetRepository,
    private readonly summaries: ArticleSummaryRepository,
    private readonly entityCounts: EntityCountsService,
    private readonly facetDays: FacetDays,
  ) {}

  /**
   * Serves the newest version if it is complete, and finishes any cleanup left from an earlier switch. `read` is
   * the page as the caller just read it under the page's lock (saves a read: on FerretDB every read scans).
   */
  async advance(pageId: string, read?: StoredPage | null): Promise<void> {
    let page = read !== undefined ? read : await this.pages.findById<StoredPage>(pageId, { text: 0 });
    if (!page) return;
    if (page.cleanup) {
      await this.finishCleanup(page._id, page.cleanup);
      await this.facetDays.recount(page.date, page.source);
      page = { ...page, cleanup: null };
    }
    const parsed = page.parsed;
    if (!parsed || parsed.contentHash !== page.contentHash) return;
    const live = page.live;
    if (live && live.contentHash === parsed.contentHash && sameIds(live.articleIds, parsed.articleIds)) return;

    // Cheap first: is every article of the version stored? Ids not yet seen stored are read one by one (by _id),
    // and the first that is missing ends the check: its own arrival calls advance again. (Reading all of them
    // each time would cost a page of n articles n^2/2 reads while they arrive in order.)
    const expected = new Set(parsed.articleIds);
    const known = this.knownStored(page._id, parsed.contentHash);
    for (const id of expected) {
      if (known.has(id)) continue;
      const found = await this.articles.findById<SummarySource>(id, ARTICLE_WITHOUT_GRAMS);
      if (!found) return;
      known.set(id, switchArticleOf(found));
    }
    const incoming = parsed.articleIds.map((id) => known.get(id)).filter((article): article is SwitchArticle => article !== undefined);
    if (incoming.length < expected.size) return;

    const servedBefore = new Set(live?.articleIds ?? []);
    const added = incoming.filter((article) => !servedBefore.has(article._id));
    const removedIds = (live?.articleIds ?? []).filter((id) => !parsed.articleIds.includes(id));
    const removed = await this.articles.findByIds<Pick<StoredArticle, 'page' | 'entities'>>(removedIds, REPLACED_PROJECTION);

    await this.facetDocs.put(added.map((article) => ({ _id: article._id, sortKey: article.sortKey, keys: article.keys, entityIds: facetEntityIdsOf(entityRefsOf(article.entities)) })));
    await this.summaries.put(added.map((article) => article.summary));

    const storedAt = new Date();
    const next: LiveVersion = {
      contentHash: parsed.contentHash,
      receivedAt: page.receivedAt,
      correlationId: page.correlationId,
      articleIds: parsed.articleIds,
      parserVersion: parsed.parserVersion,
      pipelineVersions: [...new Set(incoming.map((article) => article.pipelineVersion))].sort(),
      storedAt,
      continuations: incoming.flatMap((a): JumpEnd[] => (a.continuation ? [{ articleId: a._id, page: a.continuation.toPage, marker: a.continuation.marker }] : [])),
      continuedFrom: incoming.flatMap((a): JumpEnd[] => (a.continuedFrom ? [{ articleId: a._id, page: a.continuedFrom.fromPage, marker: a.continuedFrom.marker }] : [])),
    };
    const cleanup: PendingCleanup = {
      token: randomBytes(8).toString('hex'),
      articleIds: [...new Set([...removedIds, ...page.stale.filter((id) => !parsed.articleIds.includes(id))])],
      entityChanges: entityChanges(removed, added),
    };
    const switched = await this.pages.updateIf(
      page._id,
      // The served version we read must still be the served one (another replica may have switched meanwhile).
      { contentHash: parsed.contentHash, 'live.storedAt': live?.storedAt ?? null },
      { $set: { live: next, status: 'stored', storedAt, stale: [], cleanup } },
    );
    if (!switched) throw new NotYetError(`page ${page._id} changed while switching to version ${parsed.contentHash}; retrying`);
    this.logger.log(
      { pageId: page._id, contentHash: parsed.contentHash, articles: parsed.articleIds.length, replaced: live?.contentHash ?? null, correlationId: page.correlationId },
      live ? 'page version replaced' : 'page stored',
    );
    this.stored.delete(`${page._id}:${parsed.contentHash}`);
    await this.finishCleanup(page._id, cleanup);
    // after the cleanup: the day's facet documents are the served version's alone
    await this.facetDays.recount(page.date, page.source);
  }

  /** An article of this page version was written (by this replica), with what its switch will need. */
  noteStored(pageId: string, contentHash: string, article: SwitchArticle): void {
    this.knownStored(pageId, contentHash).set(article._id, article);
  }

  private knownStored(pageId: string, contentHash: string): Map<string, SwitchArticle> {
    const key = `${pageId}:${contentHash}`;
    let ids = this.stored.get(key);
    if (!ids) {
      if (this.stored.size >= REMEMBERED_VERSIONS) this.stored.delete(this.stored.keys().next().value as string);
      ids = new Map();
      this.stored.set(key, ids);
    }
    return ids;
  }

  private async finishCleanup(pageId: string, cleanup: PendingCleanup): Promise<void> {
    await this.entityCounts.apply(cleanup.entityChanges);
    await this.facetDocs.deleteByIds(cleanup.articleIds);
    await this.summaries.deleteByIds(cleanup.articleIds);
    await this.articles.deleteByIds(cleanup.articleIds);
    await this.pages.updateIf(pageId, { 'cleanup.token': cleanup.token }, { $set: { cleanup: null } });
  }
}
