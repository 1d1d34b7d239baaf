import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import type { ArticleParsed } from '@baoxun/shared/contracts/article.contract';
import { articleEnriched, articleParsed } from '@baoxun/shared/contracts/subjects.registry';
import { JetStreamPublisher } from '@baoxun/shared/transport/jetstream.publisher';
import { tagArticle, TAGGER_VERSION } from '@baoxun/entity-tagger/article.tagger';

/** articles.parsed -> articles.enriched: the same article with its people, places, organizations and campaigns. */
@Controller()
export class ArticleParsedHandler {
  constructor(private readonly publisher: JetStreamPublisher) {}

  @EventPattern(articleParsed.subject)
  async onArticle(@Payload() article: ArticleParsed): Promise<void> {
    const entities = tagArticle(article);
    const pipelineVersion = `${article.parserVersion}+${TAGGER_VERSION}`;
    await this.publisher.publish(
      articleEnriched,
      { ...article, entities, taggerVersion: TAGGER_VERSION, pipelineVersion },
      { msgId: `${article.id}:${pipelineVersion}`, correlationId: article.correlationId },
    );
  }
}
