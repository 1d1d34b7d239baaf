import { ConflictException, Inject, Injectable, Logger, NotFoundException } from '@nestjs/common';
import type { NatsConnection, StoredMsg } from 'nats';
import type { DeadLetterCounts, DeadLetterDetail, DeadLetterItem, DeadLetterPage, DiscardResult, ReplayManyResult, ReplayResult } from '@baoxun/shared/contracts/admin.contract';
import { type DeadLetter as DeadLetterRecord, DeadLetterSchema } from '@baoxun/shared/contracts/dead-letter.contract';
import { eventSubjects, streams } from '@baoxun/shared/contracts/subjects.registry';
import { NATS_CONNECTION } from '@baoxun/shared/service/service.tokens';
import { JetStreamPublisher } from '@baoxun/shared/transport/jetstream.publisher';
import { CORRELATION_ID_HEADER } from '@baoxun/shared/transport/message-headers';

const DLQ_STREAM = streams.DLQ.name;
const PREVIEW_CHARS = 200;
const utf8 = new TextDecoder('utf-8', { fatal: true });

const decodeText = (bytes: Uint8Array): string | null => {
  try {
    return utf8.decode(bytes);
  } catch {
    return null;
  }
};

/**
 * Dead letters live on dlq.<stage> in the BAOXUN_DLQ stream (kept 30 days). Listing reads them with an
 * ephemeral ordered consumer; replay publishes the original bytes (or an operator's corrected payload) back
 * onto the subject they failed on, then removes the letter. If it fails again it is dead-lettered anew.
 */
@Injectable()
export class DeadLettersService {
  private readonly logger = new Logger(DeadLettersService.name);

  constructor(
    @Inject(NATS_CONNECTION) private readonly connection: NatsConnection,
    private readonly publisher: JetStreamPublisher,
  ) {}

  /** How many letters each stage has. */
  async counts(): Promise<DeadLetterCounts> {
    const jsm = await this.connection.jetstreamManager();
    const info = await jsm.streams.info(DLQ_STREAM, { subjects_filter: 'dlq.>' });
    const counts: Record<string, number> = {};
    for (const [subject, count] of Object.entries(info.state.subjects ?? {})) counts[subject.slice('dlq.'.length)] = count;
    return counts;
  }

  /** Letters in stream order after `after`, optionally of one stage; nextAfter pages on. */
  async list(options: { stage?: string; after?: number; limit: number }): Promise<DeadLetterPage> {
    const counts = await this.counts();
    const total = options.stage ? (counts[options.stage] ?? 0) : Object.values(counts).reduce((sum, count) => sum + count, 0);
    if (total === 0) return { items: [], nextAfter: null, total };
    const consumer = await this.connection.jetstream().consumers.get(DLQ_STREAM, {
      filterSubjects: options.stage ? `dlq.${options.stage}` : 'dlq.>',
      opt_start_seq: (options.after ?? 0) + 1,
      inactive_threshold: 30_000,
    });
    const items: DeadLetterItem[] = [];
    let more = false;
    try {
      const batch = await consumer.fetch({ max_messages: options.limit, expires: 2_000 });
      for await (const message of batch) {
        items.push(this.view(message.seq, message.subject, message.data, new Date(message.info.timestampNanos / 1e6)));
        more = message.info.pending > 0;
        if (!more || items.length >= options.limit) break;
      }
    } finally {
      await consumer.delete().catch(() => undefined);
    }
    return { items, nextAfter: more && items.length > 0 ? items[items.length - 1].seq : null, total };
  }

  async get(seq: number): Promise<DeadLetterDetail> {
    const stored = await this.stored(seq);
    const view = this.view(stored.seq, stored.subject, stored.data, stored.time);
    const letter = this.letterOf(stored);
    const bytes = Buffer.from(letter.payloadBase64, 'base64');
    const text = decodeText(bytes);
    let json: unknown = null;
    if (text !== null) {
      try {
        json = JSON.parse(text);
      } catch {
        json = null;
      }
    }
    return { ...view, payloadBase64: letter.payloadBase64, payloadText: text, payloadJson: json };
  }

  /**
   * Publishes the letter's payload back onto its subject (as it was, or the operator's corrected payload,
   * which must then pass the subject's schema), then removes the letter from the DLQ.
   */
  async replay(seq: number, replacement?: unknown): Promise<ReplayResult> {
    const stored = await this.stored(seq);
    const letter = this.letterOf(stored);
    const entry = eventSubjects.find((candidate) => candidate.subject === letter.subject);
    // What the letter holds decides these, not the request's form: 409 (the request is well formed; this letter can't take it).
    if (!entry) throw new ConflictException(`dead letter ${seq} came from ${letter.subject}, which is not a pipeline subject; it can't be replayed`);
    let data: Buffer = Buffer.from(letter.payloadBase64, 'base64');
    if (replacement !== undefined) {
      const checked = entry.schema.safeParse(replacement);
      if (!checked.success) {
        const issues = checked.error.issues.map((issue) => ({ parameter: `payload.${issue.path.map(String).join('.')}`, message: issue.message }));
        throw new ConflictException({ message: `the corrected payload does not fit ${letter.subject}: ${issues.map((issue) => `${issue.parameter} ${issue.message}`).join('; ')}`, issues });
      }
      data = Buffer.from(JSON.stringify(checked.data));
    }
    const correlationId = letter.headers[CORRELATION_ID_HEADER]?.[0];
    // The msg id makes a replay that is retried (say after a timeout) publish once.
    const ack = await this.publisher.publishRaw(letter.subject, data, { msgId: `replay:${DLQ_STREAM}:${seq}`, correlationId });
    const jsm = await this.connection.jetstreamManager();
    await jsm.streams.deleteMessage(DLQ_STREAM, seq, false).catch(() => undefined);
    this.logger.log({ seq, subject: letter.subject, publishedSeq: ack.seq, corrected: replacement !== undefined }, 'dead letter replayed');
    return { seq, subject: letter.subject, publishedSeq: ack.seq, duplicate: ack.duplicate };
  }

  /** Replays up to `limit` letters (of one stage, and/or whose reason contains a text), oldest first. */
  async replayMany(options: { stage?: string; reasonContains?: string; limit: number }): Promise<ReplayManyResult> {
    const replayed: ReplayResult[] = [];
    const failed: Array<{ seq: number; error: string }> = [];
    // Only the letters there now: one replayed that fails again comes back later in the stream, not in this run.
    const jsm = await this.connection.jetstreamManager();
    const lastSeq = (await jsm.streams.info(DLQ_STREAM)).state.last_seq;
    let after: number | undefined;
    while (replayed.length + failed.length < options.limit) {
      const page = await this.list({ stage: options.stage, after, limit: 100 });
      for (const item of page.items) {
        if (replayed.length + failed.length >= options.limit || item.seq > lastSeq) break;
        if (options.reasonContains && !item.reason.includes(options.reasonContains)) continue;
        try {
          replayed.push(await this.replay(item.seq));
        } catch (error) {
          failed.push({ seq: item.seq, error: error instanceof Error ? error.message : String(error) });
        }
      }
      if (page.nextAfter === null || page.nextAfter > lastSeq) break;
      after = page.nextAfter;
    }
    return { replayed, failed };
  }

  /** Removes a letter that should not be replayed (the operator has dealt with it). */
  async discard(seq: number): Promise<DiscardResult> {
    await this.stored(seq);
    const jsm = await this.connection.jetstreamManager();
    await jsm.streams.deleteMessage(DLQ_STREAM, seq, false);
    this.logger.log({ seq }, 'dead letter discarded');
    return { seq, discarded: true };
  }

  private async stored(seq: number): Promise<StoredMsg> {
    const jsm = await this.connection.jetstreamManager();
    const stored = await jsm.streams.getMessage(DLQ_STREAM, { seq }).catch((error: unknown) => {
      if (/no message found|not found/i.test(String(error))) return null;
      throw error;
    });
    if (!stored || !stored.subject.startsWith('dlq.')) throw new NotFoundException(`no dead letter ${seq}`);
    return stored;
  }

  private letterOf(stored: Pick<StoredMsg, 'seq' | 'data'>): DeadLetterRecord {
    const parsed = DeadLetterSchema.safeParse(JSON.parse(Buffer.from(stored.data).toString('utf8')));
    if (!parsed.success) throw new ConflictException(`DLQ message ${stored.seq} is not a dead letter baoxun wrote`);
    return parsed.data;
  }

  private view(seq: number, subject: string, data: Uint8Array, time: Date): DeadLetterItem {
    let letter: DeadLetterRecord;
    try {
      letter = this.letterOf({ seq, data });
    } catch {
      // Something else published on dlq.*: show it rather than fail the listing.
      letter = { stage: subject.slice(4), subject: '(unknown)', reason: 'not a dead letter baoxun wrote', payloadBase64: Buffer.from(data).toString('base64'), headers: {}, deliveries: 0, streamSequence: null, failedAt: time.toISOString() };
    }
    const { payloadBase64, ...rest } = letter;
    const bytes = Buffer.from(payloadBase64, 'base64');
    const text = decodeText(bytes);
    return { seq, ...rest, deadLetteredAt: time.toISOString(), payloadBytes: bytes.length, payloadPreview: text === null ? null : text.slice(0, PREVIEW_CHARS) };
  }
}
