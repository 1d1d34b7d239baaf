import type { TermPlan } from './ngram.tokenizer';
import { phrasePattern } from './phrase-pattern';

/** Sorts of GET /v1/articles: by date (then reading order), newest first, or by relevance to q. */
export type ArticleSort = 'date' | '-date' | 'relevance';

/** Fields a phrase may appear in; byline names are found through the entity filters. */
export const TEXT_FIELDS = ['kicker', 'headline', 'subheadlines', 'body'] as const;

/**
 * Alternatives (a place name written for several division codes): the largest group is `keys: {$in}` beside the
 * `$all` of the single keys, in the same query (patched FerretDB pushes `$in` of strings down to the keys' GIN
 * index, MongoDB scans its multikey index once per key); any further groups with alternatives become one query
 * each, merged by sortKey in the repository (neither store serves `$or` of them from an index as one sorted
 * scan). Beyond this many queries, those further groups are checked in the app on what the others find.
 */
export const MAX_VARIANTS = 8;

/** Character pairs sent in `grams: {$all}` (the rest are checked with the phrase, in the app). */
export const MAX_FILTER_GRAMS = 8;

export interface ArticleMatchInput {
  /** Every group must match; a group matches when the article has any of its keys. */
  keyGroups: string[][];
  /** Inclusive edition dates. */
  from?: string;
  to?: string;
  terms: TermPlan[];
  /** Search tokens by served-article count, where the store can count them cheaply (MongoDB). */
  gramCounts?: ReadonlyMap<string, number>;
}

/** A list query in the only shapes both stores serve from an index: flat filters, one sort field, a limit. */
export interface ArticleMatch {
  /**
   * Flat filters (top-level fields, scalars, `$all` and `$in` of strings, one string range on sortKey; no `$and`, `$or`):
   * an article matches when it matches any of them. `sortKey` is left to the caller's keyset range.
   */
  filters: Array<Record<string, unknown>>;
  /** Inclusive lower / exclusive upper bound on sortKey from the date range. */
  range: { gte?: string; lt?: string };
  /** Conditions the filters cannot say, checked on each document found (reads the fields of CheckableArticle). */
  check: ((doc: CheckableArticle) => boolean) | null;
}

/** What `check` reads of a stored article. */
export interface CheckableArticle {
  keys?: string[];
  kicker: string | null;
  headline: string;
  subheadlines: string[];
  body: string;
}

const escapeRegex = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

/**
 * The tokens a text query is narrowed by in the store: every character pair of every term, the rarest first
 * when counts are known (MongoDB's index scan takes the first of an `$all`; FerretDB-on-PostgreSQL's GIN index
 * intersects them all), at most MAX_FILTER_GRAMS. Without pairs, a one-character term matches by prefix.
 */
export function filterGrams(terms: TermPlan[], counts?: ReadonlyMap<string, number>): { grams: string[]; prefix: string | null } {
  const grams = [...new Set(terms.flatMap((term) => term.grams))];
  if (grams.length > 0) {
    if (counts && grams.every((gram) => counts.has(gram))) grams.sort((a, b) => (counts.get(a) ?? 0) - (counts.get(b) ?? 0) || (a < b ? -1 : a > b ? 1 : 0));
    else grams.splice(0, grams.length, ...new Set([...terms].sort((a, b) => b.text.length - a.text.length).flatMap((term) => middleOut(term.grams))));
    return { grams: grams.slice(0, MAX_FILTER_GRAMS), prefix: null };
  }
  return { grams: [], prefix: terms.find((term) => term.prefix)?.prefix ?? null };
}

/** The middle item first, then outwards: a term's middle pairs are its least common. Longer terms are rarer. */
const middleOut = <T>(items: readonly T[]): T[] => {
  const middle = Math.floor(items.length / 2);
  return items.map((item, index) => ({ item, distance: Math.abs(index - middle) })).sort((a, b) => a.distance - b.distance).map(({ item }) => item);
};

/** Every combination of one key per group (the cartesian product), or null when there are too many. */
function variantsOf(groups: string[][]): string[][] | null {
  let variants: string[][] = [[]];
  for (const group of groups) {
    const alternatives = [...new Set(group)];
    if (variants.length * alternatives.length > MAX_VARIANTS) return null;
    variants = variants.flatMap((variant) => alternatives.map((key) => [...variant, key]));
  }
  return variants;
}

/**
 * The store filters of an article list, without its cursor. Only live articles (those of their page's served
 * version) match. Key groups and the text query's pairs are containment on the `keys` and `grams` arrays; the
 * exact phrase is checked in the app on what they find, so pairs that merely co-occur never match.
 */
export function buildArticleMatch(input: ArticleMatchInput): ArticleMatch {
  const base: Record<string, unknown> = { live: true };
  const { grams, prefix } = filterGrams(input.terms, input.gramCounts);
  if (grams.length > 0) base.grams = { $all: grams };
  else if (prefix) base.grams = { $regex: `^${escapeRegex(prefix)}` };

  const groups = input.keyGroups.map((group) => [...new Set(group)].sort()).filter((group) => group.length > 0);
  // The largest group with alternatives is the query's `$in`; the rest are variants (or checked in the app).
  const anyOf = groups.reduce<string[] | null>((largest, group) => (group.length > 1 && group.length > (largest?.length ?? 0) ? group : largest), null);
  const others = groups.filter((group) => group !== anyOf);
  let variants = variantsOf(others);
  let unchecked: string[][] = [];
  if (!variants) {
    variants = [others.filter((group) => group.length === 1).map((group) => group[0])];
    unchecked = others.filter((group) => group.length > 1);
  }
  const keysCondition = (all: string[]): Record<string, string[]> => ({ ...(all.length > 0 ? { $all: [...new Set(all)].sort() } : {}), ...(anyOf ? { $in: anyOf } : {}) });
  const filters = variants.map((all) => (all.length > 0 || anyOf ? { ...base, keys: keysCondition(all) } : { ...base }));

  const patterns = input.terms.map((term) => new RegExp(phrasePattern(term.text), 'u'));
  const check =
    patterns.length > 0 || unchecked.length > 0
      ? (doc: CheckableArticle) =>
          unchecked.every((group) => group.some((key) => doc.keys?.includes(key))) &&
          patterns.every((pattern) => [doc.kicker, doc.headline, ...doc.subheadlines, doc.body].some((text) => !!text && pattern.test(text)))
      : null;
  return {
    filters,
    // sortKey is "date|…": every key of the last day sorts below "date}".
    range: { ...(input.from ? { gte: input.from } : {}), ...(input.to ? { lt: `${input.to}}` } : {}) },
    check,
  };
}

/**
 * The sortKey condition of one page of a list: the date range narrowed by the keyset cursor (`after`, the last
 * sortKey of the previous page), as one range on one field (FerretDB pushes down a range, not an `$and` of two).
 */
export function sortKeyRange(range: ArticleMatch['range'], after: string | null, sort: ArticleSort): Record<string, string> | null {
  const condition: Record<string, string> = {};
  const ascending = sort === 'date';
  if (after !== null && ascending) condition.$gt = after;
  else if (range.gte !== undefined) condition.$gte = range.gte;
  if (after !== null && !ascending) condition.$lt = range.lt !== undefined && range.lt < after ? range.lt : after;
  else if (range.lt !== undefined) condition.$lt = range.lt;
  if (after !== null && ascending && range.gte !== undefined && after < range.gte) {
    delete condition.$gt;
    condition.$gte = range.gte;
  }
  return Object.keys(condition).length > 0 ? condition : null;
}

/** A filter with its page's sortKey condition. */
export const withSortKey = (filter: Record<string, unknown>, condition: Record<string, string> | null): Record<string, unknown> =>
  condition ? { ...filter, sortKey: condition } : filter;
