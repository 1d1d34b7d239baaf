import { Injectable, NotFoundException } from '@nestjs/common';
import type { PageView } from '@baoxun/shared/contracts/api.contract';
import { ArticleRepository } from '../store/article.repository';
import { DeadLetterRecordRepository } from '../store/dead-letter-record.repository';
import { inIdOrder } from '../store/id-batch';
import { PageRepository } from '../store/page.repository';
import type { StoredPage } from '../store/page.schema';
import { PART_PROJECTION, type PartDoc, partView } from './article.views';

const iso = (date: Date | string): string => new Date(date).toISOString();
const isoOrNull = (date: Date | string | null | undefined): string | null => (date ? iso(date) : null);

/** GET /v1/pages/:id: the page, where its newest version is in the pipeline, and the articles it serves. */
@Injectable()
export class PageReader {
  constructor(
    private readonly pages: PageRepository,
    private readonly articles: ArticleRepository,
    private readonly deadLetters: DeadLetterRecordRepository,
  ) {}

  async page(id: string): Promise<PageView> {
    let page = await this.pages.findById<StoredPage>(id, { text: 0 });
    if (!page) throw new NotFoundException(`no page ${id}`);
    // The served version's articles, all of them: if it was replaced (and its articles deleted) between the two
    // reads, read the page again and serve the version that replaced it.
    let articles: PartDoc[] = [];
    for (let attempt = 0; page.live && attempt < 3; attempt++) {
      articles = inIdOrder(await this.articles.findByIds<PartDoc>(page.live.articleIds, PART_PROJECTION), page.live.articleIds);
      if (articles.length === page.live.articleIds.length) break;
      const again: StoredPage | null = await this.pages.findById<StoredPage>(id, { text: 0 });
      if (!again) throw new NotFoundException(`no page ${id}`);
      page = again;
    }
    const newestServed = page.status === 'stored' && page.live?.contentHash === page.contentHash;
    const expected = page.parsed?.articleIds.length ?? null;
    const storedArticles = newestServed ? expected : page.parsed ? (await this.articles.storedIds(page.parsed.articleIds)).length : null;
    const deadLetter = newestServed
      ? null
      : await this.deadLetters.latestFor(id, page.contentHash);
    const status = newestServed ? 'stored' : deadLetter ? 'dead-lettered' : page.parsed ? (storedArticles ? 'enriched' : 'parsed') : 'received';
    return {
      id: page._id,
      source: page.source,
      date: page.date,
      page: page.page,
      status,
      contentHash: page.contentHash,
      receivedAt: iso(page.receivedAt),
      correlationId: page.correlationId,
      parserVersion: page.parsed?.parserVersion ?? null,
      expectedArticles: expected,
      storedArticles,
      storedAt: isoOrNull(page.live?.storedAt),
      served: page.live
        ? { contentHash: page.live.contentHash, receivedAt: iso(page.live.receivedAt), storedAt: iso(page.live.storedAt), pipelineVersions: page.live.pipelineVersions }
        : null,
      deadLetter: deadLetter ? { stage: deadLetter.stage, subject: deadLetter.subject, reason: deadLetter.reason, failedAt: iso(deadLetter.failedAt) } : null,
      articles: articles.map(partView),
    };
  }
}
