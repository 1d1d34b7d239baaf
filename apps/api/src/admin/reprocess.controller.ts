import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, UseGuards } from '@nestjs/common';
import { ApiKeyGuard } from '@baoxun/shared/service/api-key.guard';
import { parseRequest } from '../http/zod-request';
import { ReprocessJobIdSchema, ReprocessRequestSchema } from './admin-request.schema';
import { ReprocessService } from './reprocess.service';

/** /v1/admin/reprocess: re-run parse and enrich for stored pages, and follow the progress. API key required. */
@Controller('v1/admin')
@UseGuards(ApiKeyGuard)
export class ReprocessController {
  constructor(private readonly reprocess: ReprocessService) {}

  /** { all: true } | { source, from?, to? } | { notPipelineVersion }: 202 with the run's id and progress. */
  @Post('reprocess')
  @HttpCode(HttpStatus.ACCEPTED)
  start(@Body() rawBody: unknown) {
    return this.reprocess.start(parseRequest(ReprocessRequestSchema, rawBody ?? {}, 'body'));
  }

  @Get('reprocess')
  recent() {
    return this.reprocess.recent();
  }

  @Get('reprocess/:id')
  progress(@Param('id') rawId: string) {
    return this.reprocess.progress(parseRequest(ReprocessJobIdSchema, rawId, 'run id'));
  }

  /** Which pipeline versions made the stored articles, with counts. */
  @Get('pipeline-versions')
  pipelineVersions() {
    return this.reprocess.pipelineVersions();
  }
}
