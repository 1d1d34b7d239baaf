import { normalizeForSearch, textRuns } from './search-text';

/** Longest word kept whole in the index; longer runs (hashes, URLs) are cut, and so is the query's. */
export const MAX_WORD_LENGTH = 24;

/**
 * The search tokens of a document. MongoDB's $text cannot segment Chinese, so each run of Han characters is
 * indexed as its overlapping character pairs (株洲市 -> 株洲, 洲市) plus its last character alone, so that every
 * character starts at least one token (which lets a one-character query match by prefix). Other letters and
 * digits are indexed as whole lower-case words. A query's tokens are all present in every document that
 * contains it; the api then checks the exact phrase, so pairs that merely co-occur never match.
 */
export function documentGrams(texts: ReadonlyArray<string | null | undefined>): string[] {
  const grams = new Set<string>();
  for (const text of texts) {
    if (!text) continue;
    for (const run of textRuns(normalizeForSearch(text))) {
      if (run.kind === 'word') {
        grams.add([...run.text].slice(0, MAX_WORD_LENGTH).join(''));
        continue;
      }
      const chars = [...run.text];
      for (let index = 0; index + 1 < chars.length; index++) grams.add(chars[index] + chars[index + 1]);
      grams.add(chars[chars.length - 1]);
    }
  }
  return [...grams].sort();
}

/** What one search term needs from the index: exact tokens it must contain, or a one-character prefix. */
export interface TermPlan {
  /** The term as searched (normalized). */
  text: string;
  /** Tokens every matching document has (character pairs and words). */
  grams: string[];
  /** A single Han character with nothing else: matched as a prefix of the stored tokens. */
  prefix: string | null;
}

/**
 * Splits a query into terms (at spaces and punctuation; all terms must match) and says which index tokens
 * each term needs. Terms are deduplicated; empty queries give no terms.
 */
export function planQuery(query: string): TermPlan[] {
  const terms = new Map<string, TermPlan>();
  for (const raw of normalizeForSearch(query).split(/[^\p{L}\p{N}]+/u)) {
    if (!raw || terms.has(raw)) continue;
    const grams = new Set<string>();
    let prefix: string | null = null;
    const runs = textRuns(raw);
    for (const run of runs) {
      const chars = [...run.text];
      if (run.kind === 'word') grams.add(chars.slice(0, MAX_WORD_LENGTH).join(''));
      else if (chars.length === 1) prefix = runs.length === 1 ? chars[0] : null;
      else for (let index = 0; index + 1 < chars.length; index++) grams.add(chars[index] + chars[index + 1]);
    }
    terms.set(raw, { text: raw, grams: [...grams], prefix });
  }
  return [...terms.values()];
}
