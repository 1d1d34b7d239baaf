import { Controller, Inject } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import type { ArticleParsed } from '@baoxun/shared/contracts/article.contract';
import { articleEnriched, articleParsed } from '@baoxun/shared/contracts/subjects.registry';
import { JetStreamPublisher } from '@baoxun/shared/transport/jetstream.publisher';
import { type Tagger, TAGGER_VERSION } from '@baoxun/entity-tagger/article.tagger';
import { TAGGER } from './tagger.provider';

/** articles.parsed -> articles.enriched: the same article with its people, places, organizations and campaigns. */
@Controller()
export class ArticleParsedHandler {
  constructor(
    private readonly publisher: JetStreamPublisher,
    @Inject(TAGGER) private readonly tagger: Tagger,
  ) {}

  @EventPattern(articleParsed.subject)
  async onArticle(@Payload() article: ArticleParsed): Promise<void> {
    const entities = this.tagger.tagArticle(article);
    const pipelineVersion = `${article.parserVersion}+${TAGGER_VERSION}`;
    await this.publisher.publish(
      articleEnriched,
      { ...article, entities, taggerVersion: TAGGER_VERSION, pipelineVersion },
      { msgId: `${article.id}:${pipelineVersion}`, correlationId: article.correlationId },
    );
  }
}
