import { Inject, Injectable, Logger } from '@nestjs/common';
import type { IngestConfig } from '@baoxun/shared/config/ingest.config';
import { type PageSubmitReply, PageSubmissionSchema } from '@baoxun/shared/contracts/page.contract';
import { pageReceived } from '@baoxun/shared/contracts/subjects.registry';
import { contentHashOf, pageIdOf } from '@baoxun/shared/identity/page-identity';
import { JetStreamPublisher } from '@baoxun/shared/transport/jetstream.publisher';
import { SERVICE_CONFIG } from '@baoxun/shared/service/service.tokens';
import { randomUUID } from 'node:crypto';
import { normalizePageText } from './page-text.normalizer';

type Rejection = Extract<PageSubmitReply, { ok: false }>;

const reject = (error: string, issues: Rejection['issues'] = []): Rejection => ({ ok: false, error, issues });

/** A lone UTF-16 surrogate ("\ud800" in JSON): not Unicode text, and it can't be stored or hashed faithfully. */
const LONE_SURROGATE = /\p{Cs}/u;
// Identifiers travel in NATS headers and logs: printable ASCII only.
const PRINTABLE_ASCII = /^[\x20-\x7e]+$/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** What the schema can't say: text must be real Unicode, the source a printable name, the correlation id header-safe. */
function contentIssues(submission: { source: string; text: string; correlationId?: string }): Rejection['issues'] {
  const issues: Rejection['issues'] = [];
  if (LONE_SURROGATE.test(submission.text)) issues.push({ path: 'text', message: 'contains an unpaired UTF-16 surrogate (not valid Unicode)' });
  if (LONE_SURROGATE.test(submission.source) || CONTROL.test(submission.source)) issues.push({ path: 'source', message: 'contains control characters or invalid Unicode' });
  if (submission.correlationId !== undefined && !PRINTABLE_ASCII.test(submission.correlationId)) issues.push({ path: 'correlationId', message: 'must be printable ASCII' });
  return issues;
}

/**
 * The one way a page enters baoxun, for NATS and HTTP alike: validate, normalize, give it its identity,
 * and publish it to JetStream. The reply goes out only after JetStream has stored the page.
 */
@Injectable()
export class PageIntakeService {
  private readonly logger = new Logger(PageIntakeService.name);
  private readonly utf8 = new TextDecoder('utf-8', { fatal: true });

  constructor(
    private readonly publisher: JetStreamPublisher,
    @Inject(SERVICE_CONFIG) private readonly config: IngestConfig,
  ) {}

  /** A submission as raw bytes (NATS): must be UTF-8 JSON. */
  async submitBytes(data: Uint8Array): Promise<PageSubmitReply> {
    let text: string;
    try {
      text = this.utf8.decode(data);
    } catch {
      return reject('payload is not valid UTF-8');
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch (error) {
      return reject(`payload is not JSON: ${(error as Error).message}`);
    }
    return this.submit(body);
  }

  async submit(body: unknown): Promise<PageSubmitReply> {
    const parsed = PageSubmissionSchema.safeParse(body);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join('.') || '(root)', message: issue.message }));
      return reject(`invalid page: ${issues.map((issue) => `${issue.path} ${issue.message}`).join('; ')}`, issues);
    }
    const submission = parsed.data;
    const issues = contentIssues(submission);
    if (issues.length > 0) return reject(`invalid page: ${issues.map((issue) => `${issue.path} ${issue.message}`).join('; ')}`, issues);
    const bytes = Buffer.byteLength(submission.text, 'utf8');
    if (bytes > this.config.MAX_PAGE_BYTES) {
      return reject(`text is ${bytes} bytes; the limit is ${this.config.MAX_PAGE_BYTES} (MAX_PAGE_BYTES)`, [{ path: 'text', message: 'too large' }]);
    }
    const text = normalizePageText(submission.text);
    if (text.trim() === '') return reject('text is empty after removing whitespace and control characters', [{ path: 'text', message: 'is empty' }]);

    const page = { source: submission.source, date: submission.date, page: submission.page };
    const pageId = pageIdOf(page);
    const contentHash = contentHashOf(text);
    const correlationId = submission.correlationId ?? randomUUID();
    const ack = await this.publisher.publish(
      pageReceived,
      { pageId, page, text, contentHash, receivedAt: new Date().toISOString(), correlationId },
      // The same text for the same page is a duplicate; JetStream drops it inside its window.
      { msgId: `${pageId}:${contentHash}`, correlationId },
    );
    this.logger.log({ pageId, contentHash, correlationId, duplicate: ack.duplicate, seq: ack.seq }, 'page accepted');
    return { ok: true, pageId, contentHash, duplicate: ack.duplicate, correlationId };
  }
}
