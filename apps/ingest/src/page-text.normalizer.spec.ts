import { normalizePageText } from './page-text.normalizer';

describe('normalizePageText', () => {
  it('turns CRLF and CR into LF and drops a BOM', () => {
    expect(normalizePageText('\uFEFF标题\r\n正文\r结尾')).toBe('标题\n正文\n结尾');
  });

  it('removes control characters but keeps newlines, tabs and full-width spaces', () => {
    expect(normalizePageText('a\u0000b\u0007c\td\u3000e\n')).toBe('abc\td\u3000e\n');
  });

  it('composes to NFC so the same text always hashes the same', () => {
    expect(normalizePageText('e\u0301')).toBe('\u00e9');
  });
});
