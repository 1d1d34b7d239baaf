import type { NatsConnection } from 'nats';
import { type PageSubmission, type PageSubmitReply, PageSubmitReplySchema } from '@baoxun/shared/contracts/page.contract';
import { pageSubmit } from '@baoxun/shared/contracts/subjects.registry';

/** Sends a page exactly as a scanner does: a NATS request on pages.submit, answered with the page id or the reasons it was rejected. */
export async function submitPage(connection: NatsConnection, submission: PageSubmission, timeoutMs = 10_000): Promise<PageSubmitReply> {
  const reply = await connection.request(pageSubmit.subject, Buffer.from(JSON.stringify(submission)), { timeout: timeoutMs });
  return PageSubmitReplySchema.parse(JSON.parse(Buffer.from(reply.data).toString('utf8')));
}
