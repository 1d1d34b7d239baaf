import { createHash } from 'node:crypto';
import { z } from 'zod';

/** A cursor that does not decode, or belongs to another query: the request gets a 400 naming the cursor. */
export class CursorError extends Error {
  override readonly name = 'CursorError';
}

const PayloadSchema = z.tuple([z.literal(1), z.string(), z.string(), z.array(z.union([z.string(), z.number()])).max(4)]);

/** Stable JSON (sorted keys), so equal queries fingerprint equally. */
const stable = (value: unknown): string => {
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .map((key) => `${JSON.stringify(key)}:${stable((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
};

/** Names a query's filters and order; a cursor only works with the query that made it. */
export const fingerprintOf = (query: unknown): string => createHash('sha256').update(stable(query)).digest('base64url').slice(0, 16);

/**
 * Opaque keyset cursors: "the last item's position in the order", never an offset, so a page that gains
 * articles meanwhile neither repeats nor skips items. base64url JSON: version, kind, fingerprint, position.
 */
export function encodeCursor(kind: string, fingerprint: string, position: Array<string | number>): string {
  return Buffer.from(JSON.stringify([1, kind, fingerprint, position])).toString('base64url');
}

export function decodeCursor(cursor: string, kind: string, fingerprint: string): Array<string | number> {
  let payload: z.infer<typeof PayloadSchema>;
  try {
    payload = PayloadSchema.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    throw new CursorError('is not a cursor this api gave out (pass back nextCursor unchanged)');
  }
  const [, cursorKind, cursorFingerprint, position] = payload;
  if (cursorKind !== kind || cursorFingerprint !== fingerprint) throw new CursorError('belongs to another query: keep the filters and sort of the request that returned it');
  return position;
}
