import { Controller, Get, Param, UseGuards, UseInterceptors } from '@nestjs/common';
import type { PageView } from '@baoxun/shared/contracts/api.contract';
import { ApiKeyGuard, ReadAccess } from '@baoxun/shared/service/api-key.guard';
import { PageReader } from '../read/page-reader.service';
import { ReadCacheInterceptor } from './read-cache.interceptor';
import { PageIdSchema } from './request-params.schema';
import { parseRequest } from './zod-request';

@Controller('v1/pages')
@UseGuards(ApiKeyGuard)
@ReadAccess()
@UseInterceptors(ReadCacheInterceptor)
export class PagesController {
  constructor(private readonly reader: PageReader) {}

  /** The page, where its newest version is in the pipeline, and the articles of the version served, in page order. */
  @Get(':id')
  get(@Param('id') rawId: string): Promise<PageView> {
    return this.reader.page(parseRequest(PageIdSchema, rawId, 'page id'));
  }
}
