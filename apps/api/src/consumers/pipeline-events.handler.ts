import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import type { ArticleEnriched } from '@baoxun/shared/contracts/article.contract';
import type { PageParsed, PageReceived } from '@baoxun/shared/contracts/page.contract';
import { articleEnriched, pageParsed, pageReceived } from '@baoxun/shared/contracts/subjects.registry';
import { PipelineStoreService } from '../store/pipeline-store.service';

/** The api's three consumers: pages as received (text and status), the parser's page summary, enriched articles. */
@Controller()
export class PipelineEventsHandler {
  constructor(private readonly store: PipelineStoreService) {}

  @EventPattern(pageReceived.subject)
  onPageReceived(@Payload() message: PageReceived): Promise<void> {
    return this.store.recordReceived(message);
  }

  @EventPattern(pageParsed.subject)
  onPageParsed(@Payload() message: PageParsed): Promise<void> {
    return this.store.recordParsed(message);
  }

  @EventPattern(articleEnriched.subject)
  onArticleEnriched(@Payload() article: ArticleEnriched): Promise<void> {
    return this.store.storeArticle(article);
  }
}
