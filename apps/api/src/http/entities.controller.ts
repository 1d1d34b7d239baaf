import { Controller, Get, Inject, Param, Query, UseGuards, UseInterceptors } from '@nestjs/common';
import type { ApiConfig } from '@baoxun/shared/config/api.config';
import type { EntityDetail, EntityList, EntityTimeline } from '@baoxun/shared/contracts/api.contract';
import { ApiKeyGuard, ReadAccess } from '@baoxun/shared/service/api-key.guard';
import { SERVICE_CONFIG } from '@baoxun/shared/service/service.tokens';
import { EntityReader } from '../read/entity-reader.service';
import { ReadCacheInterceptor } from './read-cache.interceptor';
import { entityDetailQuerySchema, entityListQuerySchema, EntityPathSchema, NoQuerySchema } from './request-params.schema';
import { parseRequest } from './zod-request';

@Controller('v1/entities')
@UseGuards(ApiKeyGuard)
@ReadAccess()
@UseInterceptors(ReadCacheInterceptor)
export class EntitiesController {
  private readonly listSchema: ReturnType<typeof entityListQuerySchema>;
  private readonly detailSchema: ReturnType<typeof entityDetailQuerySchema>;

  constructor(
    private readonly entities: EntityReader,
    @Inject(SERVICE_CONFIG) config: ApiConfig,
  ) {
    this.listSchema = entityListQuerySchema(config.MAX_PAGE_SIZE);
    this.detailSchema = entityDetailQuerySchema(config.MAX_PAGE_SIZE);
  }

  /** People, places, organizations and campaigns with the number of articles that mention them. */
  @Get()
  list(@Query() rawQuery: Record<string, unknown>): Promise<EntityList> {
    return this.entities.list(parseRequest(this.listSchema, rawQuery, 'query'));
  }

  /** One entity (a place with its code and parents), its newest articles, and who appears with it. */
  @Get(':type/:name')
  get(@Param() rawParams: Record<string, unknown>, @Query() rawQuery: Record<string, unknown>): Promise<EntityDetail> {
    const { type, name } = parseRequest(EntityPathSchema, rawParams, 'path');
    const { limit, relatedLimit } = parseRequest(this.detailSchema, rawQuery, 'query');
    return this.entities.detail(type, name, limit, relatedLimit);
  }

  /** Articles per month and, for a person, the titles the articles give over time. */
  @Get(':type/:name/timeline')
  timeline(@Param() rawParams: Record<string, unknown>, @Query() rawQuery: Record<string, unknown>): Promise<EntityTimeline> {
    const { type, name } = parseRequest(EntityPathSchema, rawParams, 'path');
    parseRequest(NoQuerySchema, rawQuery, 'query');
    return this.entities.timeline(type, name);
  }
}
