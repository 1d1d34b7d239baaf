/** Versions of a page are ordered by when ingest received them (ties by hash): the newest wins in any arrival order. */
export const versionKey = (receivedAt: Date | string, contentHash: string): string => `${new Date(receivedAt).toISOString()}|${contentHash}`;

export const sameIds = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((id, index) => id === b[index]);

/** Thrown when a message arrived before the one it depends on, or lost a race; the transport retries it later. */
export class NotYetError extends Error {
  override readonly name = 'NotYetError';
}

export const isDuplicateKey = (error: unknown): boolean => (error as { code?: number })?.code === 11000;
