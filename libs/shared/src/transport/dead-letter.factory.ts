import type { JsMsg, MsgHdrs } from 'nats';
import type { DeadLetter } from '../contracts/dead-letter.contract';

const headersOf = (headers: MsgHdrs | undefined): Record<string, string[]> => {
  const out: Record<string, string[]> = {};
  if (!headers) return out;
  for (const [key, values] of headers) out[key] = values;
  return out;
};

/** Keeps the original bytes (base64) and where they came from, so an operator can replay them. */
export function deadLetterOf(stage: string, message: Pick<JsMsg, 'subject' | 'data' | 'headers' | 'info'>, reason: string): DeadLetter {
  return {
    stage,
    subject: message.subject,
    reason,
    payloadBase64: Buffer.from(message.data).toString('base64'),
    headers: headersOf(message.headers),
    deliveries: message.info.deliveryCount,
    streamSequence: message.info.streamSequence,
    failedAt: new Date().toISOString(),
  };
}
