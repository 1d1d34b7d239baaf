// Character tests shared by the parser pieces. Everything here is O(length) and regex-light, so a
// multi-megabyte line costs one pass, never backtracking.

/** CJK ideograph blocks (unified, extension A, compatibility, extensions B and later, 〇). */
function isHanCode(code: number): boolean {
  return (
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0x20000 && code <= 0x3134f) ||
    code === 0x3007
  );
}

/** One Han (Chinese) character, given as a single code point string. */
export function isHan(char: string): boolean {
  return isHanCode(char.codePointAt(0) ?? 0);
}

/** Number of Han characters in the text, counting at most `limit` (callers often only need "at least n"). */
export function countHan(text: string, limit = Infinity): number {
  let n = 0;
  for (let i = 0; i < text.length && n < limit; i += 1) {
    const code = text.codePointAt(i) ?? 0;
    if (code > 0xffff) i += 1;
    if (isHanCode(code)) n += 1;
  }
  return n;
}

/** JavaScript's whitespace for the code units a page contains (ASCII, NBSP, the U+2000 block, U+3000). */
function isSpaceCode(code: number): boolean {
  return code === 0x20 || (code >= 0x09 && code <= 0x0d) || code === 0xa0 || code === 0x3000 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0xfeff;
}

/** Number of code points that are not whitespace (what a reader would call the line's length). */
export function visibleLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code >= 0xdc00 && code <= 0xdfff) continue;
    if (!isSpaceCode(code)) n += 1;
  }
  return n;
}

/** The text without any whitespace: two scans that differ only in spacing give the same key. */
export function compactKey(text: string): string {
  return text.replace(/\s+/g, '');
}

/** Closing quotes and brackets that may follow the real last character of a sentence. */
export const CLOSERS = new Set(['”', '’', '」', '』', '"', "'", '》']);

/** Index just past the last non-whitespace code unit (0 for a blank text); no copy of the text. */
function trimmedEnd(text: string): number {
  let end = text.length;
  while (end > 0 && isSpaceCode(text.charCodeAt(end - 1))) end -= 1;
  return end;
}

/** The last code point of the trimmed text, or '' for an empty text. */
export function lastChar(text: string): string {
  const end = trimmedEnd(text);
  if (end === 0) return '';
  const code = text.charCodeAt(end - 1);
  // A low surrogate means the last character is an astral code point spanning two units.
  return code >= 0xdc00 && code <= 0xdfff && end >= 2 ? text.slice(end - 2, end) : text.slice(end - 1, end);
}

/** The trimmed text with trailing closing quotes and brackets removed. */
export function stripClosers(text: string): string {
  let end = trimmedEnd(text);
  while (end > 0 && CLOSERS.has(text[end - 1])) end -= 1;
  return text.slice(0, end);
}
