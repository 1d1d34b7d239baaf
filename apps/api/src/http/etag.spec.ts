import { etagOf, matchesIfNoneMatch } from './etag';

describe('etagOf', () => {
  it('is a strong tag that depends only on the bytes', () => {
    const tag = etagOf('{"a":1}');
    expect(tag).toMatch(/^"[A-Za-z0-9_-]{32}"$/);
    expect(etagOf(Buffer.from('{"a":1}'))).toBe(tag);
    expect(etagOf('{"a":2}')).not.toBe(tag);
  });

  it('reads strings in the encoding given', () => {
    expect(etagOf('7b7d', 'hex')).toBe(etagOf('{}'));
  });
});

describe('matchesIfNoneMatch', () => {
  const tag = '"abc"';
  it('matches the tag in a list, weakly, and *', () => {
    expect(matchesIfNoneMatch('"x", "abc"', tag)).toBe(true);
    expect(matchesIfNoneMatch('W/"abc"', tag)).toBe(true);
    expect(matchesIfNoneMatch('*', tag)).toBe(true);
  });
  it('does not match other tags or nothing', () => {
    expect(matchesIfNoneMatch('"abd"', tag)).toBe(false);
    expect(matchesIfNoneMatch(undefined, tag)).toBe(false);
  });
});
