import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Query, UseGuards } from '@nestjs/common';
import { ApiKeyGuard } from '@baoxun/shared/service/api-key.guard';
import { parseRequest } from '../http/zod-request';
import { DeadLetterSeqSchema, ListDeadLettersQuerySchema, ReplayDeadLetterBodySchema, ReplayDeadLettersBodySchema } from './admin-request.schema';
import { DeadLettersService } from './dead-letters.service';

/** /v1/admin/dead-letters: list, inspect, replay (as they are or corrected) and discard dead letters. API key required. */
@Controller('v1/admin/dead-letters')
@UseGuards(ApiKeyGuard)
export class DeadLettersController {
  constructor(private readonly deadLetters: DeadLettersService) {}

  @Get()
  list(@Query() rawQuery: Record<string, unknown>) {
    const query = parseRequest(ListDeadLettersQuerySchema, rawQuery, 'query');
    return this.deadLetters.list(query);
  }

  /** Letters per stage. */
  @Get('counts')
  counts() {
    return this.deadLetters.counts();
  }

  /** Replays many at once: { stage?, reasonContains?, limit? }. */
  @Post('replay')
  @HttpCode(HttpStatus.OK)
  replayMany(@Body() rawBody: unknown) {
    const body = parseRequest(ReplayDeadLettersBodySchema, rawBody ?? {}, 'body');
    return this.deadLetters.replayMany(body);
  }

  @Get(':seq')
  get(@Param('seq') rawSeq: string) {
    return this.deadLetters.get(parseRequest(DeadLetterSeqSchema, rawSeq, 'sequence'));
  }

  /** Body { payload } replaces the payload (it must pass the subject's schema); without it the original bytes go back. */
  @Post(':seq/replay')
  @HttpCode(HttpStatus.OK)
  replay(@Param('seq') rawSeq: string, @Body() rawBody: unknown) {
    const seq = parseRequest(DeadLetterSeqSchema, rawSeq, 'sequence');
    const body = parseRequest(ReplayDeadLetterBodySchema, rawBody ?? {}, 'body');
    return this.deadLetters.replay(seq, body.payload);
  }

  @Delete(':seq')
  discard(@Param('seq') rawSeq: string) {
    return this.deadLetters.discard(parseRequest(DeadLetterSeqSchema, rawSeq, 'sequence'));
  }
}
