import { guardHolds } from './write-guard';

describe('guardHolds', () => {
  const storedAt = new Date('2026-03-01T08:00:00Z');
  const doc = { _id: 'p1', contentHash: 'h2', live: { storedAt, contentHash: 'h1' }, cleanup: null };

  it('holds when every path has the expected value, nested paths included', () => {
    expect(guardHolds(doc, { contentHash: 'h2', 'live.storedAt': new Date(storedAt.getTime()) })).toBe(true);
  });

  it('fails on a different value, a different date, or a string where a date was expected', () => {
    expect(guardHolds(doc, { contentHash: 'h1' })).toBe(false);
    expect(guardHolds(doc, { 'live.storedAt': new Date(storedAt.getTime() + 1) })).toBe(false);
    expect(guardHolds(doc, { 'live.storedAt': storedAt.toISOString() })).toBe(false);
  });

  it('treats null like a MongoDB filter does: it matches null and missing fields, nothing else', () => {
    expect(guardHolds(doc, { cleanup: null })).toBe(true);
    expect(guardHolds(doc, { 'live.replacedAt': null })).toBe(true);
    expect(guardHolds({ _id: 'p2', live: null }, { 'live.storedAt': null })).toBe(true);
    expect(guardHolds(doc, { 'live.contentHash': null })).toBe(false);
  });
});
