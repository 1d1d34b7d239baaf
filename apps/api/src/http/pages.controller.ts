import { Controller, Get, NotFoundException, Param } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { StoredArticle } from '../store/article.schema';
import { StoredPage } from '../store/page.schema';
import { PageIdSchema } from './article-query.schema';
import { articleView } from './article.view';
import { parseRequest } from './zod-request';

@Controller('v1/pages')
export class PagesController {
  constructor(
    @InjectModel(StoredPage.name) private readonly pages: Model<StoredPage>,
    @InjectModel(StoredArticle.name) private readonly articles: Model<StoredArticle>,
  ) {}

  /** The page, where it is in the pipeline, and the articles of its current version in page order. */
  @Get(':id')
  async get(@Param('id') rawId: string) {
    const id = parseRequest(PageIdSchema, rawId, 'page id');
    const page = await this.pages.findById(id, { text: 0 }).lean<StoredPage>();
    if (!page) throw new NotFoundException(`no page ${id}`);
    const articles = await this.articles.find({ pageId: id, pageVersion: page.contentHash }).sort({ order: 1 }).lean<StoredArticle[]>();
    return {
      id: page._id,
      source: page.source,
      date: page.date,
      page: page.page,
      contentHash: page.contentHash,
      status: page.status,
      receivedAt: page.receivedAt,
      storedAt: page.storedAt,
      expectedArticles: page.parsed?.articleIds.length ?? null,
      parserVersion: page.parsed?.parserVersion ?? null,
      articles: articles.map(articleView),
    };
  }
}
