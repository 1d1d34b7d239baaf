// Scanner text arrives with Windows line endings, stray control characters and indentation made of
// full-width spaces. The parser works on clean lines; this is the only place that cleans them.

/** Control characters other than tab and line feed, zero-width characters and the BOM. */
// eslint-disable-next-line no-control-regex -- matching control characters is this pattern's job
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u200B-\u200D\u2060\uFEFF]/g;

/** One line of the page, trimmed, with its 0-based position in the normalized text. */
export interface PageLine {
  text: string;
  lineNo: number;
}

/** Unicode NFC, "\n" line endings, no control or zero-width characters, tabs as spaces. */
export function normalizePageText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n')
    .replace(INVISIBLE, '')
    .replace(/\t/g, ' ');
}

/**
 * The non-blank lines of a normalized page, trimmed at both ends (JavaScript's trim also removes the
 * full-width space U+3000 that Chinese typesetting uses for paragraph indentation). Inner spacing is kept.
 */
export function pageLines(normalized: string): PageLine[] {
  const lines: PageLine[] = [];
  let lineNo = 0;
  let start = 0;
  // A manual split keeps memory flat on multi-megabyte pages with few newlines.
  while (start <= normalized.length) {
    let end = normalized.indexOf('\n', start);
    if (end === -1) end = normalized.length;
    const text = normalized.slice(start, end).trim();
    if (text !== '') lines.push({ text, lineNo });
    lineNo += 1;
    start = end + 1;
  }
  return lines;
}
