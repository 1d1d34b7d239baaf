import { z } from 'zod';

/** A message a stage could never process, kept on dlq.<stage> for an operator to inspect and replay. */
export const DeadLetterSchema = z.object({
  stage: z.string(),
  /** Subject the message arrived on; replay publishes the payload back there. */
  subject: z.string(),
  reason: z.string(),
  /** The original payload, base64, so that invalid UTF-8 survives untouched. */
  payloadBase64: z.string(),
  headers: z.record(z.string(), z.array(z.string())),
  deliveries: z.number().int().nonnegative(),
  streamSequence: z.number().int().nonnegative().nullable(),
  failedAt: z.iso.datetime(),
});
export type DeadLetter = z.infer<typeof DeadLetterSchema>;
