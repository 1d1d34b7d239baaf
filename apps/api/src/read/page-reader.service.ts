import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { PageView } from '@baoxun/shared/contracts/api.contract';
import { StoredArticle } from '../store/article.schema';
import { DeadLetterRecord } from '../store/dead-letter-record.schema';
import { IdBatch, inIdOrder } from '../store/id-batch';
import { StoredPage } from '../store/page.schema';
import { PART_PROJECTION, type PartDoc, partView } from './article.views';

const iso = (date: Date | string): string => new Date(date).toISOString();
const isoOrNull = (date: Date | string | null | undefined): string | null => (date ? iso(date) : null);

/** GET /v1/pages/:id: the page, where its newest version is in the pipeline, and the articles it serves. */
@Injectable()
export class PageReader {
  constructor(
    @InjectModel(StoredPage.name) private readonly pages: Model<StoredPage>,
    @InjectModel(StoredArticle.name) private readonly articles: Model<StoredArticle>,
    @InjectModel(DeadLetterRecord.name) private readonly deadLetters: Model<DeadLetterRecord>,
    private readonly ids: IdBatch,
  ) {}

  async page(id: string): Promise<PageView> {
    let page = await this.pages.findById(id, { text: 0 }).lean<StoredPage>();
    if (!page) throw new NotFoundException(`no page ${id}`);
    // The served version's articles, all of them: if it was replaced (and its articles deleted) between the two
    // reads, read the page again and serve the version that replaced it.
    let articles: PartDoc[] = [];
    for (let attempt = 0; page.live && attempt < 3; attempt++) {
      articles = inIdOrder(await this.ids.find<PartDoc>(this.articles as never, page.live.articleIds, PART_PROJECTION), page.live.articleIds);
      if (articles.length === page.live.articleIds.length) break;
      const again: StoredPage | null = await this.pages.findById(id, { text: 0 }).lean<StoredPage>();
      if (!again) throw new NotFoundException(`no page ${id}`);
      page = again;
    }
    const newestServed = page.status === 'stored' && page.live?.contentHash === page.contentHash;
    const expected = page.parsed?.articleIds.length ?? null;
    const storedArticles = newestServed ? expected : page.parsed ? (await this.ids.find(this.articles, page.parsed.articleIds, { _id: 1 })).length : null;
    const deadLetter = newestServed
      ? null
      : await this.deadLetters.findOne({ pageId: id, pageVersion: page.contentHash }).sort({ failedAt: -1 }).lean<DeadLetterRecord>();
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
