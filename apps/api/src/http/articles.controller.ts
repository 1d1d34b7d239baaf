import { Controller, Get, Inject, NotFoundException, Param, Query } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model, QueryFilter } from 'mongoose';
import type { ApiConfig } from '@baoxun/shared/config/api.config';
import { SERVICE_CONFIG } from '@baoxun/shared/service/service.tokens';
import { StoredArticle } from '../store/article.schema';
import { ArticleIdSchema, listArticlesQuerySchema } from './article-query.schema';
import { articleView } from './article.view';
import { parseRequest } from './zod-request';

@Controller('v1/articles')
export class ArticlesController {
  private readonly querySchema: ReturnType<typeof listArticlesQuerySchema>;

  constructor(
    @InjectModel(StoredArticle.name) private readonly articles: Model<StoredArticle>,
    @Inject(SERVICE_CONFIG) config: ApiConfig,
  ) {
    this.querySchema = listArticlesQuerySchema(config.MAX_PAGE_SIZE);
  }

  /** Articles in a stable id order; pass nextCursor back as cursor for the next page. */
  @Get()
  async list(@Query() rawQuery: Record<string, unknown>) {
    const query = parseRequest(this.querySchema, rawQuery, 'query');
    const filter: QueryFilter<StoredArticle> = {};
    if (query.source) filter['page.source'] = query.source;
    if (query.date) filter['page.date'] = query.date;
    if (query.pageId) filter.pageId = query.pageId;
    if (query.cursor) filter._id = { $gt: query.cursor };
    const docs = await this.articles.find(filter).sort({ _id: 1 }).limit(query.limit + 1).lean<StoredArticle[]>();
    const items = docs.slice(0, query.limit).map(articleView);
    return { items, nextCursor: docs.length > query.limit ? items[items.length - 1].id : null };
  }

  @Get(':id')
  async get(@Param('id') rawId: string) {
    const id = parseRequest(ArticleIdSchema, rawId, 'article id');
    const doc = await this.articles.findById(id).lean<StoredArticle>();
    if (!doc) throw new NotFoundException(`no article ${id}`);
    return articleView(doc);
  }
}
