import { Injectable, NotFoundException } from '@nestjs/common';
import type { WholeArticle } from '@baoxun/shared/contracts/api.contract';
import { pageIdOf } from '@baoxun/shared/identity/page-identity';
import type { StoredArticle } from '../store/article.schema';
import { ArticleRepository } from '../store/article.repository';
import { PageRepository } from '../store/page.repository';
import type { JumpEnd, StoredPage } from '../store/page.schema';
import { stitch } from './article.stitcher';
import { PART_PROJECTION, type PartDoc } from './article.views';

/** Longest chain of pages one article is followed across. */
const MAX_PARTS = 6;

type ReadPart = PartDoc & Pick<StoredArticle, 'live'>;

/**
 * GET /v1/articles/:id: the article whole. Every read is by _id (fast on MongoDB and on FerretDB v1): the part,
 * its page (is the part served?), and for a jump the other page (derived from source, date and page number)
 * whose served version lists its jump ends, so parts link in whichever order their pages arrived.
 */
@Injectable()
export class ArticleReader {
  constructor(
    private readonly articles: ArticleRepository,
    private readonly pages: PageRepository,
  ) {}

  async whole(id: string): Promise<WholeArticle> {
    const part = await this.servedPart(id);
    if (!part) throw new NotFoundException(`no article ${id}`);
    const parts: PartDoc[] = [part];
    const seen = new Set([part._id]);
    for (let head = part; head.continuedFrom && parts.length < MAX_PARTS; ) {
      const previous = await this.linked(head, 'back');
      if (!previous || seen.has(previous._id)) break;
      parts.unshift(previous);
      seen.add(previous._id);
      head = previous;
    }
    for (let tail = part; tail.continuation && parts.length < MAX_PARTS; ) {
      const next = await this.linked(tail, 'forward');
      if (!next || seen.has(next._id)) break;
      parts.push(next);
      seen.add(next._id);
      tail = next;
    }
    return stitch(parts);
  }

  /**
   * The part, if it is served: its page's served version is the part's (read after the part, so a part read
   * during a switch is one the page served at some moment of the read). A linked part is checked against the
   * page already read.
   */
  private async servedPart(id: string, page?: Pick<StoredPage, 'live'>): Promise<PartDoc | null> {
    const doc = await this.articles.findById<ReadPart>(id, PART_PROJECTION);
    if (!doc?.live) return null;
    // Its page says whether the part's version is served (the part is stored before its version is complete).
    const served = page ?? (await this.pages.findById<Pick<StoredPage, 'live'>>(doc.pageId, { 'live.contentHash': 1 }));
    return served?.live?.contentHash === doc.pageVersion ? doc : null;
  }

  /** The part on the other side of a jump, when that page is stored and its served version has the matching end. */
  private async linked(from: PartDoc, direction: 'back' | 'forward'): Promise<PartDoc | null> {
    const jump = direction === 'back' ? from.continuedFrom && { page: from.continuedFrom.fromPage, marker: from.continuedFrom.marker } : from.continuation && { page: from.continuation.toPage, marker: from.continuation.marker };
    if (!jump) return null;
    const pageId = pageIdOf({ source: from.page.source, date: from.page.date, page: jump.page });
    const other = await this.pages.findById<Pick<StoredPage, 'live'>>(pageId, { live: 1 });
    if (!other?.live) return null;
    const ends: JumpEnd[] = direction === 'back' ? other.live.continuations : other.live.continuedFrom;
    const candidates = ends.filter((end) => end.page === from.page.page);
    // The same marker (②) pairs the halves; a page with only one jump to ours pairs even if a marker was misread.
    const match = candidates.filter((end) => end.marker === jump.marker);
    const chosen = match.length === 1 ? match[0] : candidates.length === 1 ? candidates[0] : null;
    return chosen ? this.servedPart(chosen.articleId, other) : null;
  }
}
