import { jiebaLexicon } from './jieba.lexicon';
import { Trie } from './trie';

/**
 * Function characters that end a name, title or organization when met on its left: prepositions,
 * conjunctions, particles and light verbs. A character only counts when it does not begin a
 * dictionary word there (经 in 经济 or 和 in 和平 are not stops).
 */
export const STOP_CHARS = new Set('在由对向与和及同跟是的了等并也还经据被把将让请为给从到于当而或又都就才且率陪见随偕赴至后时即他她它我你您去往使'.split(''));
const stopCodes = new Uint8Array(65536);
for (const c of STOP_CHARS) stopCodes[c.charCodeAt(0)] = 1;

/** STOP_CHARS.has(text[i]) without making a string. */
export function isStopCodeAt(text: string, i: number): boolean {
  return stopCodes[text.charCodeAt(i)] === 1;
}

/** Parts of speech of multi-character words that cannot sit inside a name, a title or an organization. */
const STOP_POS = new Set(['i', 'z', 'v', 'p', 'c', 'd', 'r', 'u', 'uj', 'ul', 'uz', 'uv', 'ud', 'ug', 'y', 'e', 'o', 't', 'ad', 'vd']);

/** Words of government and business vocabulary jieba lacks, which must not be cut at a stop character. */
const DOMAIN_WORDS = ['人力资源和社会保障', '住房和城乡建设', '发展和改革', '文化和旅游', '工业和信息化', '自然资源和规划', '教育和体育', '文化广电和旅游', '科学技术和工业信息化', '经开区', '经济开发区', '经济技术开发区', '高新区', '高新技术产业开发区', '自贸区', '自贸试验区', '管委会', '两新', '街道办'];
const domain = new Set(DOMAIN_WORDS);
// No domain word is a prefix of another, so the one starting at a position is also the longest there.
const domainTrie = new Trie<string>();
for (const w of DOMAIN_WORDS) domainTrie.add(w, w);

/** True when the character at `at` is a stop character that does not begin a longer ordinary word there. */
export function isStopCharAt(text: string, at: number, limit: number): boolean {
  if (!STOP_CHARS.has(text[at] ?? '')) return false;
  const { words } = jiebaLexicon();
  for (let len = Math.min(4, limit - at); len >= 2; len--) {
    const w = text.slice(at, at + len);
    if (domain.has(w)) return false;
    const e = words.get(w);
    if (e && !STOP_POS.has(e.pos)) return false;
  }
  return true;
}

/**
 * Where a name-like span really starts inside text[from, to): just after the last stop character or
 * stop word.
 */
export function trimLeftStops(text: string, from: number, to: number): number {
  const { cuts } = scanStops(text, from, to);
  return cuts[cuts.length - 1];
}

/** Verbs cut softly: an organization may continue across them when its head lies further left (市委理论学习中心组). */
const SOFT_POS = new Set(['v', 'vd', 'i', 'z']);

export interface StopScan {
  /** Just after the last function word: nothing before it can belong to the name. */
  hard: number;
  /** Positions just after each verb at or after `hard`, in order, starting with `hard` itself. */
  cuts: number[];
}

/**
 * Function words cut hard, verbs softly: the caller decides whether a name reaches across a verb. The window is
 * segmented by jieba (dictionary only, so unknown names stay in single characters), which reads 两书经湖南…
 * as 两/书/经/湖南… where a greedy longest match would take 书经.
 */
export function scanStops(text: string, from: number, to: number): StopScan {
  const { words } = jiebaLexicon();
  let hard = from;
  let cuts = [from];
  if (to <= from) return { hard, cuts };
  const tokens = cutWindow(text, from, to);
  let i = from;
  for (let t = 0; t < tokens.length; t++) {
    const tok = tokens[t];
    const end = i + tok.length;
    const domainEnd = domainTrie.longestEndAt(text, i, to);
    if (domainEnd >= 0) {
      // Skip the tokens the domain word covers.
      let covered = end;
      while (covered < domainEnd && t + 1 < tokens.length) covered += tokens[++t].length;
      i = covered;
      continue;
    }
    const pos = tok.length >= 2 ? words.get(tok)?.pos : undefined;
    if (pos && STOP_POS.has(pos)) {
      if (SOFT_POS.has(pos)) cuts.push(end);
      else {
        hard = end;
        cuts = [hard];
      }
    } else if (tok.length === 1 && STOP_CHARS.has(tok)) {
      hard = end;
      cuts = [hard];
    }
    i = end;
  }
  return { hard, cuts };
}

const isCjk = (code: number): boolean => code >= 0x4e00 && code <= 0x9fd5;
/** Whether jieba keeps a two-character dictionary word whole when it is the whole window (its word frequencies decide). */
const pairKeptWhole = new Map<string, boolean>();

/**
 * jieba's cut (dictionary only) of text[from, to). Most windows are one or two characters: one character is its
 * own token, and two are one token only if they are a dictionary word that jieba prefers to its two characters,
 * which is asked once per word. Only longer windows cross into the native segmenter.
 */
function cutWindow(text: string, from: number, to: number): string[] {
  const { jieba, words } = jiebaLexicon();
  if (to - from === 1 && isCjk(text.charCodeAt(from))) return [text[from]];
  if (to - from === 2 && isCjk(text.charCodeAt(from)) && isCjk(text.charCodeAt(from + 1))) {
    const pair = text.slice(from, to);
    if (!words.has(pair)) return [text[from], text[from + 1]];
    let whole = pairKeptWhole.get(pair);
    if (whole === undefined) {
      whole = jieba.cut(pair, false).length === 1;
      pairKeptWhole.set(pair, whole);
    }
    return whole ? [pair] : [text[from], text[from + 1]];
  }
  return jieba.cut(text.slice(from, to), false);
}
