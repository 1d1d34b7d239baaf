import { headers as natsHeaders, type JetStreamClient, type NatsConnection, type PubAck } from 'nats';
import type { z } from 'zod';
import type { EventSubject } from '../contracts/subjects.registry';
import { CORRELATION_ID_HEADER } from './message-headers';

export interface PublishOptions {
  /** JetStream drops a second message with the same id inside the stream's duplicate window. */
  msgId?: string;
  correlationId?: string;
  /** Publish timeout; the promise rejects if JetStream has not stored the message by then. */
  timeoutMs?: number;
}

/**
 * Publishes registry subjects into JetStream. The payload is validated against the subject's schema
 * first, so a service can never put a message on the wire its consumers would reject.
 * Resolves only once JetStream has stored the message (the PubAck).
 */
export class JetStreamPublisher {
  private readonly js: JetStreamClient;

  constructor(connection: NatsConnection) {
    this.js = connection.jetstream();
  }

  async publish<S extends z.ZodType>(entry: EventSubject<S>, payload: z.input<S>, options: PublishOptions = {}): Promise<PubAck> {
    const message = entry.schema.parse(payload);
    return this.publishRaw(entry.subject, Buffer.from(JSON.stringify(message)), options);
  }

  /** For replays of dead letters: the original bytes, unvalidated, back onto their subject. */
  async publishRaw(subject: string, data: Uint8Array, options: PublishOptions = {}): Promise<PubAck> {
    const headers = natsHeaders();
    // A header value can't hold line breaks (the client throws); a payload's correlation id could, so strip them.
    const correlationId = options.correlationId?.replace(/[\r\n]+/g, ' ').trim();
    if (correlationId) headers.set(CORRELATION_ID_HEADER, correlationId);
    return this.js.publish(subject, data, { msgID: options.msgId, headers, timeout: options.timeoutMs ?? 10_000 });
  }
}
