import { BadRequestException, Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import type { PageSubmitReply } from '@baoxun/shared/contracts/page.contract';
import { PageIntakeService } from './page-intake.service';

/** POST /v1/pages: the HTTP door for scanners that can't speak NATS. 202 once JetStream has the page. */
@Controller('v1/pages')
export class PagesController {
  constructor(private readonly intake: PageIntakeService) {}

  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  async submit(@Body() body: unknown): Promise<PageSubmitReply> {
    const reply = await this.intake.submit(body);
    if (!reply.ok) throw new BadRequestException(reply);
    return reply;
  }
}
