import { Injectable, Logger } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { randomBytes } from 'node:crypto';
import { StoredArticle } from './article.schema';
import { entityChanges } from './entity-change';
import { EntityCountsService } from './entity-counts.service';
import { IdBatch } from './id-batch';
import { type JumpEnd, type LiveVersion, type PendingCleanup, StoredPage } from './page.schema';
import { NotYetError, sameIds } from './page-version';

/** Page versions whose stored articles this replica remembers (the ones still being completed). */
const REMEMBERED_VERSIONS = 5_000;

/** What a version switch reads of each article. */
const SWITCH_PROJECTION = { _id: 1, page: 1, entities: 1, continuation: 1, continuedFrom: 1, pipelineVersion: 1 } as const;
type SwitchArticle = Pick<StoredArticle, '_id' | 'page' | 'entities' | 'continuation' | 'continuedFrom' | 'pipelineVersion'>;

/**
 * Serves a page's newest version once all its articles are stored, in an order that keeps readers on one
 * complete version (FerretDB v1 has no transactions):
 *   1. the new version's articles are marked live (readers still check each against the page's served version),
 *   2. one write of the page switches `live` to the new version (compare-and-set on the previous one),
 *   3. then the replaced articles are deleted and entity counts move; this cleanup is recorded in step 2 and
 *      redone until it completes, so a crash in between leaves nothing behind.
 * Callers hold the page's lock (KeyedMutex); every read and write here goes by _id (IdBatch).
 */
@Injectable()
export class VersionSwitchService {
  private readonly logger = new Logger(VersionSwitchService.name);
  /** pageId:contentHash -> article ids known to be stored, so completion checks only read the others. */
  private readonly stored = new Map<string, Set<string>>();

  constructor(
    @InjectModel(StoredPage.name) private readonly pages: Model<StoredPage>,
    @InjectModel(StoredArticle.name) private readonly articles: Model<StoredArticle>,
    private readonly entityCounts: EntityCountsService,
    private readonly ids: IdBatch,
  ) {}

  /**
   * Serves the newest version if it is complete, and finishes any cleanup left from an earlier switch. `read` is
   * the page as the caller just read it under the page's lock (saves a read: on FerretDB every read scans).
   */
  async advance(pageId: string, read?: StoredPage | null): Promise<void> {
    let page = read !== undefined ? read : await this.pages.findById(pageId, { text: 0 }).lean<StoredPage>();
    if (!page) return;
    if (page.cleanup) {
      await this.finishCleanup(page._id, page.cleanup);
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
      if ((await this.ids.find(this.articles, [id], { _id: 1 })).length === 0) return;
      known.add(id);
    }
    const incoming = await this.ids.find<SwitchArticle>(this.articles as unknown as Model<SwitchArticle>, parsed.articleIds, SWITCH_PROJECTION);
    if (incoming.length < expected.size) return;

    const servedBefore = new Set(live?.articleIds ?? []);
    const added = incoming.filter((article) => !servedBefore.has(article._id));
    const removedIds = (live?.articleIds ?? []).filter((id) => !parsed.articleIds.includes(id));
    const removed = await this.ids.find<SwitchArticle>(this.articles as unknown as Model<SwitchArticle>, removedIds, SWITCH_PROJECTION);

    await this.ids.update(this.articles, added.map((article) => article._id), { $set: { live: true } });

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
    const switched = await this.ids.updateIf(
      this.pages,
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
  }

  /** An article of this page version was written (by this replica). */
  noteStored(pageId: string, contentHash: string, articleId: string): void {
    this.knownStored(pageId, contentHash).add(articleId);
  }

  private knownStored(pageId: string, contentHash: string): Set<string> {
    const key = `${pageId}:${contentHash}`;
    let ids = this.stored.get(key);
    if (!ids) {
      if (this.stored.size >= REMEMBERED_VERSIONS) this.stored.delete(this.stored.keys().next().value as string);
      ids = new Set();
      this.stored.set(key, ids);
    }
    return ids;
  }

  private async finishCleanup(pageId: string, cleanup: PendingCleanup): Promise<void> {
    await this.entityCounts.apply(cleanup.entityChanges);
    await this.ids.delete(this.articles, cleanup.articleIds);
    await this.ids.updateIf(this.pages, pageId, { 'cleanup.token': cleanup.token }, { $set: { cleanup: null } });
  }
}
