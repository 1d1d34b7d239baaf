import type { CampaignDictionary } from '../campaign/campaign-dictionary.store';
import { CAMPAIGN_NOUNS, CAMPAIGN_VERBS, NOT_CAMPAIGN_BEFORE } from '../lexicon/campaign-cue.lexicon';
import { Trie } from '../lexicon/trie';
import { divisionIndex } from '../lexicon/division.index';
import { isHan, OPEN_QUOTES } from '../text/char-class.util';
import type { Bracketed } from './markup.scanner';

export interface CampaignCandidate {
  start: number;
  end: number;
  name: string;
}

let nouns: Trie<string> | null = null;
function nounTrie(): Trie<string> {
  if (nouns) return nouns;
  nouns = new Trie<string>();
  for (const n of CAMPAIGN_NOUNS) nouns.add(n, n);
  return nouns;
}
const VERB_AT_END = new RegExp(`(?:${[...CAMPAIGN_VERBS].sort((a, b) => b.length - a.length).join('|')})$`);
// 三个高地, 四下基层, 1235 — but not 二期现象 or 一季度, where the number is an ordinal or a period.
const NUMERIC_START = /^(?:[0-9一二三四五六七八九十两百千万]+(?![期季次号批轮届级月日年周点])|\d+(?:\+\d+)+)/;
const FORMULA = /(?<![\d.+])\d+(?:\+(?:\d+|[A-Z]))+(?![\d.+=%])/g;

/**
 * Campaign terms in one string: quoted slogans that the context marks as something to carry out (a campaign
 * verb before, a campaign noun after, a number formula, a list of parallel phrases), unquoted number formulas
 * (1+2+3+N) and dictionary terms.
 */
export function recognizeCampaigns(text: string, quotes: Bracketed[], dict: CampaignDictionary): CampaignCandidate[] {
  const out: CampaignCandidate[] = [];
  for (const chain of quoteChains(text, quotes)) {
    const first = chain[0];
    const last = chain[chain.length - 1];
    const before = clauseBefore(text, first.open);
    const afterPos = last.close + 1;
    for (const q of chain) {
      const content = text.slice(q.open + 1, q.close);
      if (scoreQuoted(content, before, text, afterPos) >= 1) out.push({ start: q.open + 1, end: q.close, name: content });
    }
  }
  for (const m of text.matchAll(FORMULA)) out.push({ start: m.index, end: m.index + m[0].length, name: m[0] });
  for (let i = 0; i < text.length; i++) {
    if (!isHan(text.charCodeAt(i))) continue;
    const hit = dict.terms.longestAt(text, i);
    if (hit) {
      out.push({ start: i, end: hit.end, name: hit.values[0] });
      i = hit.end - 1;
    }
  }
  return out.filter((c) => !dict.suppressed.has(c.name));
}

function scoreQuoted(content: string, before: string, text: string, afterPos: number): number {
  if (content.length < 2 || content.length > 40 || /[。！!？?]/.test(content)) return 0;
  let s = 0;
  if (verbBefore(before)) s++;
  const noun = nounTrie().longestAt(text, afterPos);
  if (noun) s++;
  else if (text[afterPos] === '的' && !OPEN_QUOTES.has(text[afterPos + 1] ?? '')) s--;
  if (NUMERIC_START.test(content)) s++;
  if (/.{3,}(?:年|行动|工程|战役)$|..制$/.test(content)) s++;
  const parts = content.split(/[、，,]/);
  if (parts.length >= 2 && parts.every((p) => p.length >= 2 && p.length <= 10)) s++;
  if (NOT_CAMPAIGN_BEFORE.test(before)) s -= 2;
  return s;
}

/** A campaign verb at the end, possibly followed by the place whose campaign it is (落实浙江省“地瓜经济”). */
function verbBefore(before: string): boolean {
  if (VERB_AT_END.test(before)) return true;
  const { trie } = divisionIndex();
  for (let k = 2; k <= 5 && k < before.length; k++) {
    if (trie.has(before.slice(-k)) && VERB_AT_END.test(before.slice(0, -k))) return true;
  }
  return false;
}

/** Quotes that follow each other directly (“重大项目攻坚年”“创新成果转化年”活动) share their context. */
function quoteChains(text: string, quotes: Bracketed[]): Bracketed[][] {
  const chains: Bracketed[][] = [];
  for (const q of quotes) {
    const prev = chains[chains.length - 1];
    const gap = prev ? text.slice(prev[prev.length - 1].close + 1, q.open) : null;
    if (prev && gap !== null && /^[、和与及]?$/.test(gap)) prev.push(q);
    else chains.push([q]);
  }
  return chains;
}

/** Up to eight characters before a position, back to the previous clause break. */
function clauseBefore(text: string, pos: number): string {
  let i = pos;
  while (i > 0 && pos - i < 8 && !/[，,。；;：:！!？?\n]/.test(text[i - 1])) i--;
  return text.slice(i, pos);
}
