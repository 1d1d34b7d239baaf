import { divisionIndex } from '../lexicon/division.index';
import { isPersonPos, jiebaLexicon } from '../lexicon/jieba.lexicon';
import { afterWordTrie, NAME_ENDERS } from '../lexicon/person-cue.lexicon';
import { isStopCharAt, STOP_CHARS } from '../lexicon/stop.lexicon';
import { surnameLength } from '../lexicon/surname.lexicon';
import { titleHeadEndingAt, titleTrie } from '../lexicon/title.lexicon';
import { worldPlaceNames } from '../lexicon/world-place.lexicon';
import { isAllHan, isClauseBreak, isHan } from '../text/char-class.util';

// Characters that do not end (LAST) or begin (FIRST) a given name: function words, organ and place endings.
const LAST_NOT = new Set('的了在是和与等说要将把被对向也还都就并而及或之其此该这那个们不没有无很最更已所于以因由让请使得地着过市省县区镇乡村局委办部院所厅处科室组队站馆会社团州路街号年月日时后前里业性化型式者员记党府届次项位名副总级类感度率观界量值费额款品物'.split(''));
const FIRST_NOT = new Set('的了在是和与等说要将把被对向也还都就并而及或之其此该这那个们不没有无很最更已所于以因由让请使得地着过市省县区局委办部院所厅处科室组队站馆届次项位名年月日级类'.split(''));
const HONORIFICS = new Set(['女士', '先生', '小姐', '阿姨', '大爷', '大妈', '大姐', '大哥', '大叔', '大娘', '师傅', '老师', '同志', '总', '局', '书记', '老', '工', '姐', '哥', '叔', '伯', '婆', '爷', '奶奶', '爷爷', '老人', '家']);

const NUMERALS = new Set('一二三四五六七八九十百千万两几零'.split(''));

/** A given name that is one of these kinds of word is a function word after a surname-like character. */
const NOT_GIVEN_POS = new Set(['d', 'p', 'c', 'u', 'uj', 'ul', 'r', 'm', 't', 'f', 'q']);
/** Verbs and adjectives are given names too (立新, 建国), unless they are everyday words (表示, 发展). */
const COMMON_WORD_POS = new Set(['v', 'vn', 'ad', 'vd', 'a', 'an']);

/** Whether a string can be a Chinese personal name: surname, a one- or two-character given name, not a word. */
export function plausibleName(name: string, knownTwo = false): boolean {
  if (name.length < 2 || name.length > 4 || !isAllHan(name)) return false;
  const sl = surnameLength(name);
  if (!sl) return false;
  const given = name.slice(sl);
  if (given.length < 1 || given.length > 2) return false;
  // 李女士, 王大姐, 张某: a surname and a form of address is not a name.
  if (HONORIFICS.has(given) || given[0] === '某') return false;
  if (FIRST_NOT.has(given[0]) || LAST_NOT.has(given[given.length - 1])) return false;
  // 都第一, 向十多名: an ordinal or a number after a function character that is also a surname is a count.
  if (given[0] === '第' || (STOP_CHARS.has(name[0]) && NUMERALS.has(given[0]))) return false;
  const { words } = jiebaLexicon();
  const e = words.get(name);
  // jieba tags many two-character words nr (亚军, 白银): a two-character name must not be a word at all.
  if (e && (!isPersonPos(e.pos) || (name.length === 2 && !knownTwo))) return false;
  if (given.length === 2 && !isPersonPos(e?.pos)) {
    const g = words.get(given);
    // 从签约, 在建设: a function character followed by a word.
    if (g && STOP_CHARS.has(name[0])) return false;
    if (g && ((NOT_GIVEN_POS.has(g.pos) && g.freq >= 200) || (COMMON_WORD_POS.has(g.pos) && g.freq >= 2000))) return false;
  }
  // 马拉维 (Malawi) is a country, whatever its first character says; 香港回(归), 法国新(闻): a country or a province
  // heading the "name" is that place and the start of the next word.
  if (worldPlaceNames().get(name) === 'country' || startsWithCountryOrProvince(name)) return false;
  // 武宁 (武宁县) is a place; towns' short forms are too many to rule names out.
  if (divisionIndex().trie.valuesOf(name, 0, name.length)?.some((f) => f.division.level <= 3)) return false;
  return true;
}

function startsWithCountryOrProvince(name: string): boolean {
  const world = worldPlaceNames();
  for (let len = 2; len < name.length; len++) if (world.get(name.slice(0, len)) === 'country') return true;
  return divisionIndex().trie.matchAt(name, 0, name.length - 1).some((h) => h.end >= 2 && h.values.some((f) => f.division.level === 1));
}

// Function characters that end no given name, even where the model reads a person (的, 了, 们…).
const VOUCHED_LAST_NOT = new Set('的了在是和与等说要将把被对向也还都就并而及或之其此该这那个们不没有无很最更已所于以因由让请使得地着过'.split(''));
/** Kinds of dictionary word that a three-character span is, rather than a name (表示出, 切实地: verbs, adverbs…). */
const NOT_NAME_WORD_POS = new Set(['v', 'vd', 'vn', 'a', 'ad', 'an', 'd', 'c', 'p', 'u', 'uj', 'ul', 'r', 'm', 'q', 'i', 'l', 'f']);

/**
 * A three-character span the model reads as a person: a surname and a two-character given name, held to less than
 * plausibleName because the model read the sentence. jieba files many names of the famous under other kinds (周恩来
 * as a time word, 屈原 and 刘澜涛 as nouns), and given names end in characters that end words too (延年, 松年); still
 * no function character, no numeral at the start, no form of address, and not a verb, adverb or other word class
 * that is no name.
 */
export function vouchedName(name: string): boolean {
  if (name.length !== 3 || !isAllHan(name) || surnameLength(name) !== 1) return false;
  const given = name.slice(1);
  // 江主席, 李总理: a surname and a title is a form of address.
  if (titleTrie().longestAt(name, 1)?.end === name.length) return false;
  if (HONORIFICS.has(given) || given[0] === '某' || FIRST_NOT.has(given[0]) || VOUCHED_LAST_NOT.has(given[1]) || NUMERALS.has(given[0])) return false;
  if (STOP_CHARS.has(name[0]) && jiebaLexicon().words.has(given)) return false;
  const { words } = jiebaLexicon();
  const e = words.get(name);
  if (e && NOT_NAME_WORD_POS.has(e.pos)) return false;
  const g = words.get(given);
  if (g && NOT_GIVEN_POS.has(g.pos) && g.freq >= 200) return false;
  if (startsWithCountryOrProvince(name)) return false;
  return !divisionIndex().trie.valuesOf(name, 0, name.length)?.some((f) => f.division.level <= 3);
}

/** Byline names only need to look like a name: the label already says it is one (旷达 is also a word). */
export function bylineName(name: string): boolean {
  return name.length >= 2 && name.length <= 4 && isAllHan(name) && surnameLength(name) > 0;
}

/** How clearly a name can end at `e`: 3 at punctuation, 2 before a verb or function word, 0 inside a word. */
export function afterScore(text: string, e: number): number {
  if (e >= text.length || isClauseBreak(text[e])) return 3;
  if (afterWordTrie().longestAt(text, e) || titleTrie().longestAt(text, e)) return 2;
  const { words } = jiebaLexicon();
  for (let len = Math.min(4, text.length - e); len >= 2; len--) {
    const w = words.get(text.slice(e, e + len));
    if (w) return /^(v|d|p|c|ad|vd|f|t|m)$/.test(w.pos) ? 2 : 0;
  }
  return 0;
}

export interface NameAt {
  start: number;
  end: number;
  name: string;
}

/** A name starting at `s`, its length chosen by what follows (王强说 → 王强, 曹慧泉在 → 曹慧泉). */
export function nameForward(text: string, s: number, knownTwo = false): NameAt | null {
  const sl = surnameLength(text, s);
  if (!sl) return null;
  const short = sl + 1;
  const long = sl + 2;
  const ok = (len: number): boolean => s + len <= text.length && plausibleName(text.slice(s, s + len), knownTwo) && afterScore(text, s + len) > 0;
  const okShort = ok(short);
  const okLong = ok(long);
  let len = 0;
  if (okShort && okLong) len = NAME_ENDERS.has(text[s + short]) ? short : long;
  else if (okShort) len = short;
  else if (okLong) len = long;
  return len ? { start: s, end: s + len, name: text.slice(s, s + len) } : null;
}

/** Whether a name may begin at `s`: a clause start, a title, a function word, or a word boundary. */
export function nameCanStartAt(text: string, s: number): boolean {
  if (s === 0 || isClauseBreak(text[s - 1]) || !isHan(text.charCodeAt(s - 1))) return true;
  if (titleHeadEndingAt(text, s) >= 0) return true;
  const { words } = jiebaLexicon();
  // The character before must not form a word with the name's first character (看望王强 → not 望王强).
  if (words.has(text.slice(s - 1, s + 1))) return false;
  return isStopCharAt(text, s - 1, s) || words.has(text.slice(Math.max(0, s - 2), s)) || words.has(text.slice(Math.max(0, s - 3), s));
}

/** A name ending at `e` (the first item of 刘光跃、聂方红): three characters if they fit, else two. */
export function nameBackward(text: string, e: number, knownTwo = false): NameAt | null {
  for (const len of [3, 2, 4]) {
    const s = e - len;
    if (s < 0) continue;
    const name = text.slice(s, e);
    const sl = surnameLength(name);
    if (len === 4 && sl !== 2) continue;
    if (plausibleName(name, knownTwo) && nameCanStartAt(text, s)) return { start: s, end: e, name };
  }
  return null;
}
