import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import type { PageSubmitReply } from '@baoxun/shared/contracts/page.contract';
import { pageSubmit } from '@baoxun/shared/contracts/subjects.registry';
import { PageIntakeService } from './page-intake.service';

/** Scanners submit pages over NATS request/reply; the reply carries the page id or why it was rejected. */
@Controller()
export class PageSubmitHandler {
  constructor(private readonly intake: PageIntakeService) {}

  @MessagePattern(pageSubmit.subject)
  onSubmit(@Payload() data: Uint8Array): Promise<PageSubmitReply> {
    return this.intake.submitBytes(data);
  }
}
