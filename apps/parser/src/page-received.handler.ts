import { Controller, Logger } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import type { PageReceived } from '@baoxun/shared/contracts/page.contract';
import { articleParsed, pageParsed, pageReceived } from '@baoxun/shared/contracts/subjects.registry';
import { articleIdOf } from '@baoxun/shared/identity/page-identity';
import { JetStreamPublisher } from '@baoxun/shared/transport/jetstream.publisher';
import { PermanentMessageError } from '@baoxun/shared/transport/message-errors';
import { PageParseError } from '@baoxun/page-parser/page-parse.error';
import { PARSER_VERSION, parsePage } from '@baoxun/page-parser/page.parser';

/** pages.received -> articles.parsed (one per article) + pages.parsed (what the api should expect). */
@Controller()
export class PageReceivedHandler {
  private readonly logger = new Logger(PageReceivedHandler.name);

  constructor(private readonly publisher: JetStreamPublisher) {}

  @EventPattern(pageReceived.subject)
  async onPage(@Payload() page: PageReceived): Promise<void> {
    let articles;
    try {
      articles = parsePage(page.text);
    } catch (error) {
      // The same text will fail the same way on every retry.
      if (error instanceof PageParseError) throw new PermanentMessageError(`page ${page.pageId} cannot be parsed: ${error.message}`, { cause: error });
      throw error;
    }
    const { correlationId } = page;
    const ids = articles.map((article) => articleIdOf(page.pageId, page.contentHash, article.order));
    // Published together (pipelined); the page is acked only once JetStream has stored all of them.
    await Promise.all(
      articles.map((article, index) =>
        this.publisher.publish(
          articleParsed,
          { ...article, id: ids[index], pageId: page.pageId, page: page.page, pageVersion: page.contentHash, pageReceivedAt: page.receivedAt, parserVersion: PARSER_VERSION, correlationId },
          { msgId: `${ids[index]}:${PARSER_VERSION}`, correlationId },
        ),
      ),
    );
    await this.publisher.publish(
      pageParsed,
      { pageId: page.pageId, page: page.page, contentHash: page.contentHash, pageReceivedAt: page.receivedAt, articleIds: ids, parserVersion: PARSER_VERSION, parsedAt: new Date().toISOString(), correlationId },
      { msgId: `${page.pageId}:${page.contentHash}:${PARSER_VERSION}`, correlationId },
    );
    this.logger.log({ pageId: page.pageId, correlationId, articles: ids.length }, 'page parsed');
  }
}
