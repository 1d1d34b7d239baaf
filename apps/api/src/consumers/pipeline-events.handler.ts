import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import type { ArticleEnriched } from '@baoxun/shared/contracts/article.contract';
import type { DeadLetter } from '@baoxun/shared/contracts/dead-letter.contract';
import type { PageParsed, PageReceived } from '@baoxun/shared/contracts/page.contract';
import { articleEnriched, deadLetter, pageParsed, pageReceived } from '@baoxun/shared/contracts/subjects.registry';
import { PipelineStoreService } from '../store/pipeline-store.service';

/**
 * The api's consumers: pages as received (text and status), the parser's page summary, enriched articles, and
 * the dead letters of every stage (so a page's status can say it is stuck, and why).
 */
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

  @EventPattern(deadLetter('parser').subject)
  onParserDeadLetter(@Payload() letter: DeadLetter): Promise<void> {
    return this.store.recordDeadLetter(letter);
  }

  @EventPattern(deadLetter('enricher').subject)
  onEnricherDeadLetter(@Payload() letter: DeadLetter): Promise<void> {
    return this.store.recordDeadLetter(letter);
  }

  @EventPattern(deadLetter('api').subject)
  onApiDeadLetter(@Payload() letter: DeadLetter): Promise<void> {
    return this.store.recordDeadLetter(letter);
  }
}
