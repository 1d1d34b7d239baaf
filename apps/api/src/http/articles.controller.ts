import { Controller, Get, Inject, Param, Query, UseGuards, UseInterceptors } from '@nestjs/common';
import type { ApiConfig } from '@baoxun/shared/config/api.config';
import type { ArticleList, WholeArticle } from '@baoxun/shared/contracts/api.contract';
import { ApiKeyGuard, ReadAccess } from '@baoxun/shared/service/api-key.guard';
import { SERVICE_CONFIG } from '@baoxun/shared/service/service.tokens';
import { ArticleReader } from '../read/article-reader.service';
import { ArticleSearchService } from '../read/article-search.service';
import { ReadCacheInterceptor } from './read-cache.interceptor';
import { ArticleIdSchema, articleListQuerySchema } from './request-params.schema';
import { parseRequest } from './zod-request';

@Controller('v1/articles')
@UseGuards(ApiKeyGuard)
@ReadAccess()
@UseInterceptors(ReadCacheInterceptor)
export class ArticlesController {
  private readonly querySchema: ReturnType<typeof articleListQuerySchema>;

  constructor(
    private readonly search: ArticleSearchService,
    private readonly reader: ArticleReader,
    @Inject(SERVICE_CONFIG) config: ApiConfig,
  ) {
    this.querySchema = articleListQuerySchema(config.MAX_PAGE_SIZE);
  }

  /** Filters, a text query, date or relevance order, a keyset cursor and, on request, facets. */
  @Get()
  list(@Query() rawQuery: Record<string, unknown>): Promise<ArticleList> {
    return this.search.list(parseRequest(this.querySchema, rawQuery, 'query'));
  }

  /** The article whole, stitched across the pages it continues on, with its entities' mentions. */
  @Get(':id')
  get(@Param('id') rawId: string): Promise<WholeArticle> {
    return this.reader.whole(parseRequest(ArticleIdSchema, rawId, 'article id'));
  }
}
