import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';

/** A word of jieba's dictionary: its frequency and part of speech (nr person, ns place, nt organization, v verb…). */
export interface LexEntry {
  freq: number;
  pos: string;
}

export interface JiebaLexicon {
  jieba: Jieba;
  words: Map<string, LexEntry>;
}

let shared: JiebaLexicon | null = null;

/** jieba's segmenter and its dictionary as a map, loaded once per process on first use. */
export function jiebaLexicon(): JiebaLexicon {
  if (shared) return shared;
  const words = new Map<string, LexEntry>();
  const text = Buffer.from(dict.buffer, dict.byteOffset, dict.byteLength).toString('utf8');
  let lineStart = 0;
  while (lineStart < text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const a = text.indexOf(' ', lineStart);
    const b = a < 0 ? -1 : text.indexOf(' ', a + 1);
    if (a > lineStart && b > a && b < lineEnd) {
      words.set(text.slice(lineStart, a), { freq: Number(text.slice(a + 1, b)), pos: text.slice(b + 1, lineEnd).trim() });
    }
    lineStart = lineEnd + 1;
  }
  shared = { jieba: Jieba.withDict(dict), words };
  return shared;
}

const PERSON_POS = new Set(['nr', 'nrfg', 'nrt']);
export function isPersonPos(pos: string | undefined): boolean {
  return pos !== undefined && PERSON_POS.has(pos);
}
