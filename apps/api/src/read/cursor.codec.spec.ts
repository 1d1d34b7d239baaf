import { CursorError, decodeCursor, encodeCursor, fingerprintOf } from './cursor.codec';

describe('cursor codec', () => {
  const fingerprint = fingerprintOf({ person: ['陈正明'], sort: 'date' });

  it('round-trips a keyset position', () => {
    const cursor = encodeCursor('articles', fingerprint, ['2024-02-23|株洲日报|01|0001|ar_x']);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, 'articles', fingerprint)).toEqual(['2024-02-23|株洲日报|01|0001|ar_x']);
  });

  it('fingerprints equal queries equally, whatever the key order, and different queries differently', () => {
    expect(fingerprintOf({ a: 1, b: [2], c: undefined })).toBe(fingerprintOf({ b: [2], a: 1 }));
    expect(fingerprintOf({ person: ['陈正明'], sort: '-date' })).not.toBe(fingerprint);
  });

  it('rejects a cursor of another query or another list, and garbage', () => {
    const cursor = encodeCursor('articles', fingerprint, ['k']);
    expect(() => decodeCursor(cursor, 'articles', fingerprintOf({ sort: 'date' }))).toThrow(CursorError);
    expect(() => decodeCursor(cursor, 'entities', fingerprint)).toThrow(/another query/);
    expect(() => decodeCursor('not-a-cursor', 'articles', fingerprint)).toThrow(/not a cursor/);
    expect(() => decodeCursor(Buffer.from('{"$gt":""}').toString('base64url'), 'articles', fingerprint)).toThrow(CursorError);
  });
});
