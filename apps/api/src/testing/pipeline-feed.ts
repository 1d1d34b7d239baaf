import { connect, type NatsConnection, type PubAck } from 'nats';
import { deadLetter, articleEnriched, pageParsed, pageReceived } from '@baoxun/shared/contracts/subjects.registry';
import { ensureStreams } from '@baoxun/shared/transport/jetstream-topology';
import { JetStreamPublisher } from '@baoxun/shared/transport/jetstream.publisher';
import type { PageMessages } from './page-fixture';

/** Publishes what the parser and enricher would, in whatever order a test wants. */
export class PipelineFeed {
  private constructor(
    readonly connection: NatsConnection,
    private readonly publisher: JetStreamPublisher,
  ) {}

  static async connect(natsUrl: string): Promise<PipelineFeed> {
    const connection = await connect({ servers: natsUrl, name: 'api-test-feed' });
    await ensureStreams(await connection.jetstreamManager());
    return new PipelineFeed(connection, new JetStreamPublisher(connection));
  }

  received(page: PageMessages) {
    return this.publisher.publish(pageReceived, page.received, { correlationId: page.received.correlationId });
  }
  parsed(page: PageMessages) {
    return this.publisher.publish(pageParsed, page.parsed, { correlationId: page.parsed.correlationId });
  }
  articles(page: PageMessages, which: number[] = page.enriched.map((_, index) => index)) {
    return Promise.all(which.map((index) => this.publisher.publish(articleEnriched, page.enriched[index], { correlationId: page.enriched[index].correlationId })));
  }

  /** A whole page: received, its articles, then the parser's summary. */
  async page(page: PageMessages): Promise<void> {
    await this.received(page);
    await this.articles(page);
    await this.parsed(page);
  }

  /** A dead letter as a stage would write it, for a message of this page version. */
  deadLetter(stage: string, page: PageMessages, reason: string): Promise<PubAck> {
    return this.publisher.publish(deadLetter(stage), {
      stage,
      subject: 'pages.received',
      reason,
      payloadBase64: Buffer.from(JSON.stringify(page.received)).toString('base64'),
      headers: {},
      deliveries: 1,
      streamSequence: Math.floor(Math.random() * 1e9),
      failedAt: new Date().toISOString(),
    });
  }

  /** Removes a message this test put on a shared stream (the DLQ), so other tests don't find it. */
  async remove(ack: PubAck): Promise<void> {
    const jsm = await this.connection.jetstreamManager();
    await jsm.streams.deleteMessage(ack.stream, ack.seq, false).catch(() => undefined);
  }

  close() {
    return this.connection.close();
  }
}
