import type { TermPlan } from './ngram.tokenizer';
import { phrasePattern } from './phrase-pattern';

export interface ScorableArticle {
  kicker: string | null;
  headline: string;
  subheadlines: string[];
  body: string;
}

const count = (text: string | null, pattern: RegExp): number => (text ? (text.match(pattern)?.length ?? 0) : 0);

/**
 * How well an article answers a query: each term found in the headline weighs 5 per occurrence, in the kicker
 * or a subheadline 3, in the body 1 (at most 20 body occurrences count, so long articles don't win by length).
 * Deterministic, so a relevance cursor finds its place again.
 */
export function relevanceScore(article: ScorableArticle, terms: TermPlan[]): number {
  let score = 0;
  for (const term of terms) {
    const pattern = new RegExp(phrasePattern(term.text), 'gu');
    score += 5 * count(article.headline, pattern);
    score += 3 * (count(article.kicker, pattern) + article.subheadlines.reduce((sum, line) => sum + count(line, pattern), 0));
    score += Math.min(20, count(article.body, pattern));
  }
  return score;
}
