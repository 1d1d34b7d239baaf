import { Injectable } from '@nestjs/common';
import { PageRepository } from '../store/page.repository';
import type { StoredPage } from '../store/page.schema';
import { versionKey } from '../store/page-version';

export interface ServedCheck<T> {
  served: T[];
  /**
   * Some article was of a version older than the one its page serves now: the page switched while the list was
   * being read, so the read may have missed articles of the new version. Reading again sees all of them: they
   * are all marked live before the switch, and the page read that noticed it came after the switch.
   */
  switchedDuringRead: boolean;
}

type Checked = { pageId: string; pageVersion: string; pageReceivedAt: Date };

/**
 * The last word on what readers see: an article is served only while it belongs to its page's served version.
 * The `live` flag lets the indexes skip everything else, but it is set for a whole version just before the page
 * switches to it, and the replaced version is deleted just after; so lists check here, reading the pages after
 * the articles.
 */
@Injectable()
export class ServedVersions {
  constructor(private readonly pages: PageRepository) {}

  async check<T extends Checked>(docs: T[]): Promise<ServedCheck<T>> {
    if (docs.length === 0) return { served: docs, switchedDuringRead: false };
    const pages = await this.pages.findByIds<Pick<StoredPage, '_id' | 'live'>>(docs.map((doc) => doc.pageId), { 'live.contentHash': 1, 'live.receivedAt': 1 });
    const live = new Map(pages.map((page) => [page._id, page.live]));
    let switchedDuringRead = false;
    const served = docs.filter((doc) => {
      const version = live.get(doc.pageId);
      if (version?.contentHash === doc.pageVersion) return true;
      if (version && versionKey(doc.pageReceivedAt, doc.pageVersion) < versionKey(version.receivedAt, version.contentHash)) switchedDuringRead = true;
      return false;
    });
    return { served, switchedDuringRead };
  }
}
