// Pairs predicted articles with gold articles. By headline first (the rule), then by headline
// ignoring whitespace, then by the start of the body (headless continuations have headline "").
// Each pass keeps text order: a gold article takes the first unused prediction that fits.
import type { GoldArticle, PredArticle } from './score.schemas';

export interface ArticlePairs {
  /** For each gold article, the index of its predicted article, or -1. */
  predOfGold: number[];
  /** Predicted articles no gold article took: invented ones. */
  unmatchedPred: number[];
}

const compact = (text: string) => text.replace(/\s+/gu, '');

export function matchArticles(gold: readonly GoldArticle[], pred: readonly PredArticle[]): ArticlePairs {
  const predOfGold = gold.map(() => -1);
  const used = new Set<number>();
  const pass = (fits: (g: GoldArticle, p: PredArticle) => boolean) => {
    gold.forEach((g, gi) => {
      if (predOfGold[gi] !== -1) return;
      const pi = pred.findIndex((p, index) => !used.has(index) && fits(g, p));
      if (pi === -1) return;
      predOfGold[gi] = pi;
      used.add(pi);
    });
  };
  pass((g, p) => g.headline !== '' && p.headline === g.headline);
  pass((g, p) => compact(g.headline) !== '' && compact(p.headline) === compact(g.headline));
  pass((g, p) => compact(g.bodyStart) !== '' && compact(p.body).startsWith(compact(g.bodyStart)));
  return { predOfGold, unmatchedPred: pred.map((_, index) => index).filter((index) => !used.has(index)) };
}
