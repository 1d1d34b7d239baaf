import type { TermPlan } from './ngram.tokenizer';
import { phrasePattern } from './phrase-pattern';

/** Sorts of GET /v1/articles: by date (then reading order), newest first, or by relevance to q. */
export type ArticleSort = 'date' | '-date' | 'relevance';

export interface ArticleMatchInput {
  /** Every group must match; a group matches when the article has any of its keys. */
  keyGroups: string[][];
  /** Inclusive edition dates. */
  from?: string;
  to?: string;
  terms: TermPlan[];
  /** The token the text query is anchored on in the index (see chooseAnchor); null without q. */
  anchor: Anchor | null;
}

export type Anchor = { gram: string } | { prefix: string };

/** Fields a phrase may appear in; byline names are found through the entity filters. */
export const TEXT_FIELDS = ['kicker', 'headline', 'subheadlines', 'body'] as const;

const escapeRegex = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

/**
 * Picks the token that anchors a text query in the index: the rarest exact token when counts are known,
 * otherwise the first token of the longest term (longer terms are rarer). A term that is one Han character
 * anchors on the stored tokens it starts. Every other condition is checked on the documents the anchor finds.
 */
export function chooseAnchor(terms: TermPlan[], counts?: ReadonlyMap<string, number>): Anchor | null {
  const grams = terms.flatMap((term) => term.grams);
  if (grams.length > 0) {
    if (counts && grams.every((gram) => counts.has(gram))) {
      return { gram: [...grams].sort((a, b) => (counts.get(a) ?? 0) - (counts.get(b) ?? 0) || a.localeCompare(b))[0] };
    }
    const longest = [...terms].filter((term) => term.grams.length > 0).sort((a, b) => b.text.length - a.text.length)[0];
    return { gram: longest.grams[Math.floor(longest.grams.length / 2)] };
  }
  const prefixed = terms.find((term) => term.prefix);
  return prefixed?.prefix ? { prefix: prefixed.prefix } : null;
}

/**
 * The MongoDB filter of an article list, without its cursor. Only live articles (those of their page's
 * served version) match. Every condition is an equality or range on the indexed keys, grams and sortKey,
 * except the phrase checks, which run on the documents the index found. Uses only operators FerretDB v1 has.
 */
export function buildArticleMatch(input: ArticleMatchInput): Record<string, unknown> {
  const and: Array<Record<string, unknown>> = [{ live: true }];
  for (const group of input.keyGroups) and.push(group.length === 1 ? { keys: group[0] } : { keys: { $in: group } });
  if (input.from || input.to) {
    const range: Record<string, string> = {};
    if (input.from) range.$gte = input.from;
    // sortKey is "date|…": every key of the last day sorts below "date}".
    if (input.to) range.$lt = `${input.to}}`;
    and.push({ sortKey: range });
  }
  if (input.anchor) and.push('gram' in input.anchor ? { grams: input.anchor.gram } : { grams: { $regex: `^${escapeRegex(input.anchor.prefix)}` } });
  for (const term of input.terms) {
    const pattern = phrasePattern(term.text);
    and.push({ $or: TEXT_FIELDS.map((field) => ({ [field]: { $regex: pattern } })) });
  }
  return { $and: and };
}

/** Keyset condition for the page after sortKey `after` in the given direction. */
export const afterSortKey = (after: string, sort: ArticleSort): Record<string, unknown> => ({ sortKey: sort === 'date' ? { $gt: after } : { $lt: after } });
