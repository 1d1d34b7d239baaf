import { jiebaLexicon } from '../lexicon/jieba.lexicon';
import { STOP_CHARS } from '../lexicon/stop.lexicon';
import { isHan } from '../text/char-class.util';

/** Parts of speech that make a word a description (示范, 贫困, 该, 三个), not the name of a village. */
const DESCRIPTIVE_POS = new Set(['v', 'vn', 'vd', 'a', 'ad', 'an', 'd', 'r', 'q', 'p', 'c', 'u', 'uj', 'f', 't', 'i', 'l']);
const PLACE_OR_NAME_POS = new Set(['ns', 'nsf', 'nr', 'nrt', 'nz']);
const NUMERALS = /^[一二三四五六七八九十百千两〇零]+$/;
/** Verbs and prepositions after which a place's name starts (来到, 走进, 位于). */
const LEAD_POS = new Set(['v', 'p', 'vn', 'd', 'c']);

/**
 * A village's or community's name by its grammar, for one the village table does not have or the article does not
 * say where (松雅湖社区, 十八洞村 on its own): a suffix (村, 社区) after a stem of two or three characters that is a
 * name rather than a description — not a common word (城市, 美丽, 示范, 贫困), no function character, not a count
 * (三十个村) — starting where a name can start (the start of a clause, after a place, a function character or a verb
 * such as 来到). Returns the start of the name, or -1.
 */
export function villageNameStart(text: string, suffixStart: number, placeEndsAt: (at: number) => boolean): number {
  const { words } = jiebaLexicon();
  for (const len of [3, 2]) {
    const from = suffixStart - len;
    if (from < 0) continue;
    if (!startsName(text, from, placeEndsAt)) continue;
    if (plausibleStem(text.slice(from, suffixStart), text[suffixStart], words)) return from;
  }
  return -1;
}

function startsName(text: string, from: number, placeEndsAt: (at: number) => boolean): boolean {
  if (from === 0 || !isHan(text.charCodeAt(from - 1)) || placeEndsAt(from) || STOP_CHARS.has(text[from - 1])) return true;
  const { words } = jiebaLexicon();
  // The character before must not form a word with the stem's first one (城市社区: 城 is not cut off 市).
  if (words.has(text.slice(from - 1, from + 1))) return false;
  for (const len of [2, 3]) {
    const w = from - len >= 0 ? words.get(text.slice(from - len, from)) : undefined;
    if (w && LEAD_POS.has(w.pos)) return true;
  }
  return false;
}

function plausibleStem(stem: string, suffixHead: string, words: Map<string, { freq: number; pos: string }>): boolean {
  for (let i = 0; i < stem.length; i++) {
    const c = stem[i];
    if (!isHan(stem.charCodeAt(i)) || STOP_CHARS.has(c) || c === '村' || c === '社' || '个名家位些多几每各该本全着过们'.includes(c)) return false;
  }
  if (NUMERALS.test(stem)) return false;
  const e = words.get(stem);
  if (e && (e.freq >= 2000 || (!PLACE_OR_NAME_POS.has(e.pos) && e.freq >= 300) || DESCRIPTIVE_POS.has(e.pos))) return false;
  // 农村, 乡村, 山村: the stem's last character and the suffix make a word of their own (美丽乡村).
  const tail = words.get(stem[stem.length - 1] + suffixHead);
  if (tail && tail.freq >= 300) return false;
  // Inside the stem: no descriptive or common word (示范, 美丽), a count only in front (十八洞).
  const { jieba } = jiebaLexicon();
  const tokens = jieba.cut(stem, false);
  for (let t = 0; t < tokens.length; t++) {
    const w = tokens[t].length >= 2 ? words.get(tokens[t]) : undefined;
    if (w && ((DESCRIPTIVE_POS.has(w.pos) && w.freq >= 100) || w.freq >= 2000)) return false;
    if (w && w.pos === 'm' && (t > 0 || tokens.length === 1)) return false;
  }
  return true;
}
