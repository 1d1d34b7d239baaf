import { Controller, Header, HttpCode, HttpStatus, Post, UseGuards } from '@nestjs/common';
import { ApiKeyGuard } from '@baoxun/shared/service/api-key.guard';
import { EntityCountsService } from '../store/entity-counts.service';

/** /v1/admin/entities: operator repairs of the entity index (API key required). */
@Controller('v1/admin/entities')
@UseGuards(ApiKeyGuard)
export class EntityAdminController {
  constructor(private readonly counts: EntityCountsService) {}

  /** Sets every entity's article count from the served articles (after a crash in the middle of a version switch). */
  @Post('recount')
  @HttpCode(HttpStatus.OK)
  @Header('Cache-Control', 'no-store')
  recount(): Promise<{ entities: number; articles: number }> {
    return this.counts.recount();
  }
}
