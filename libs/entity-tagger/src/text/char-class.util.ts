/** Character classes the recognizers share. Han = CJK ideographs (BMP blocks a newspaper uses). */
export function isHan(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0xf900 && code <= 0xfaff);
}

export function isAllHan(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (!isHan(s.charCodeAt(i))) return false;
  return s.length > 0;
}

/** Sentence and clause punctuation, full- and half-width; a clause starts after one of these. */
export const CLAUSE_BREAK = new Set(['，', ',', '。', '；', ';', '：', ':', '！', '!', '？', '?', '\n', '、', '“', '”', '"', '「', '」', '（', '(', '）', ')', '《', '》', '…', '—', ' ', '\u3000', '\t']);

const breakCodes = new Uint8Array(65536);
for (const c of CLAUSE_BREAK) breakCodes[c.charCodeAt(0)] = 1;

export function isClauseBreak(ch: string | undefined): boolean {
  return ch === undefined || breakCodes[ch.charCodeAt(0)] === 1;
}

/** isClauseBreak for text[i], without making a string; out of range counts as a break. */
export function isClauseBreakAt(text: string, i: number): boolean {
  return i < 0 || i >= text.length || breakCodes[text.charCodeAt(i)] === 1;
}

export const OPEN_QUOTES = new Set(['“', '「', '『', '‘']);
export const CLOSE_QUOTES: Record<string, string> = { '“': '”', '「': '」', '『': '』', '‘': '’' };
