import { BadRequestException, Body, Controller, HttpCode, HttpStatus, Logger, Post, ServiceUnavailableException, UseGuards } from '@nestjs/common';
import type { PageSubmitReply } from '@baoxun/shared/contracts/page.contract';
import { ApiKeyGuard } from '@baoxun/shared/service/api-key.guard';
import { PageIntakeService } from './page-intake.service';

/** POST /v1/pages: the HTTP door for scanners that can't speak NATS. 202 once JetStream has the page. Needs API_KEY. */
@Controller('v1/pages')
@UseGuards(ApiKeyGuard)
export class PagesController {
  private readonly logger = new Logger(PagesController.name);

  constructor(private readonly intake: PageIntakeService) {}

  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  async submit(@Body() body: unknown): Promise<PageSubmitReply> {
    const reply = await this.intake.submit(body).catch((error: unknown) => {
      // JetStream did not confirm the page (broker down or slow): the scanner must send it again.
      this.logger.error(`page not accepted: ${error instanceof Error ? error.message : String(error)}`);
      throw new ServiceUnavailableException({ ok: false, error: 'the page could not be stored right now; nothing was accepted, send it again', issues: [] });
    });
    if (!reply.ok) throw new BadRequestException(reply);
    return reply;
  }
}
