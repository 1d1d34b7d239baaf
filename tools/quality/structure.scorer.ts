// Structural score of one page: articles found and not invented, every title field and the byline
// exact, body start and end, column breaks repaired (mustContain), repeats kept once (paragraphOnce)
// and jump markers. Every check weighs the same; the score is passed / total.
import { isDeepStrictEqual } from 'node:util';
import type { ArticlePairs } from './article.matcher';
import type { GoldArticle, PredArticle } from './score.schemas';

export const STRUCTURE_CHECKS = [
  'found',
  'notInvented',
  'headline',
  'kicker',
  'subheadlines',
  'byline',
  'bodyStart',
  'bodyEnd',
  'continuation',
  'continuedFrom',
  'mustContain',
  'paragraphOnce',
  'datelines',
] as const;
export type StructureCheck = (typeof STRUCTURE_CHECKS)[number];

export interface StructureFailure {
  /** 1-based gold article number, or the predicted article's for notInvented. */
  article: number;
  headline: string;
  check: StructureCheck;
  expected: unknown;
  actual: unknown;
}

export interface StructureScore {
  score: number;
  passed: number;
  total: number;
  checks: Record<StructureCheck, { passed: number; total: number }>;
  articles: { gold: number; predicted: number; matched: number; invented: number };
  failures: StructureFailure[];
}

function occurrences(haystack: string, needle: string): number {
  if (needle === '') return 0;
  let count = 0;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length)) count += 1;
  return count;
}

const bylineCore = (byline: PredArticle['byline'] | GoldArticle['byline']) =>
  byline && { dateline: byline.dateline, reporters: byline.reporters, correspondents: byline.correspondents };

export function scoreStructure(gold: readonly GoldArticle[], pred: readonly PredArticle[], pairs: ArticlePairs): StructureScore {
  const checks = Object.fromEntries(STRUCTURE_CHECKS.map((name) => [name, { passed: 0, total: 0 }])) as StructureScore['checks'];
  const failures: StructureFailure[] = [];
  const record = (article: number, headline: string, check: StructureCheck, ok: boolean, expected: unknown, actual: unknown) => {
    checks[check].total += 1;
    if (ok) checks[check].passed += 1;
    else failures.push({ article, headline, check, expected, actual });
  };

  // Inner datelines: the same list (text, agency, place, date) and each offset pointing at its text in the body.
  const datelinesOk = (g: GoldArticle, p: PredArticle | null): boolean =>
    p !== null &&
    isDeepStrictEqual(
      p.datelines.map(({ agency, place, date, text }) => ({ agency, place, date, text })),
      (g.datelines ?? []).map(({ agency, place, date, text }) => ({ agency, place, date, text })),
    ) &&
    p.datelines.every((d) => p.body.startsWith(d.text, d.offset));

  gold.forEach((g, gi) => {
    const pi = pairs.predOfGold[gi];
    const p = pi === -1 ? null : pred[pi];
    const n = gi + 1;
    const body = p ? p.body.trim() : '';
    record(n, g.headline, 'found', p !== null, g.headline, p ? p.headline : null);
    record(n, g.headline, 'headline', p?.headline === g.headline, g.headline, p?.headline ?? null);
    record(n, g.headline, 'kicker', p !== null && p.kicker === g.kicker, g.kicker, p?.kicker ?? null);
    record(n, g.headline, 'subheadlines', p !== null && isDeepStrictEqual(p.subheadlines, g.subheadlines), g.subheadlines, p?.subheadlines ?? null);
    record(n, g.headline, 'byline', p !== null && isDeepStrictEqual(bylineCore(p.byline), bylineCore(g.byline)), bylineCore(g.byline), p ? bylineCore(p.byline) : null);
    record(n, g.headline, 'bodyStart', p !== null && body.startsWith(g.bodyStart.trim()), g.bodyStart, body.slice(0, g.bodyStart.length));
    record(n, g.headline, 'bodyEnd', p !== null && body.endsWith(g.bodyEnd.trim()), g.bodyEnd, body.slice(-g.bodyEnd.length));
    record(n, g.headline, 'continuation', p !== null && isDeepStrictEqual(p.continuation, g.continuation ?? null), g.continuation ?? null, p?.continuation ?? null);
    record(n, g.headline, 'continuedFrom', p !== null && isDeepStrictEqual(p.continuedFrom, g.continuedFrom ?? null), g.continuedFrom ?? null, p?.continuedFrom ?? null);
    if (g.datelines) record(n, g.headline, 'datelines', datelinesOk(g, p), g.datelines.map((d) => d.text), p?.datelines.map((d) => `${d.text}@${d.offset}`) ?? null);
    for (const needle of g.mustContain) record(n, g.headline, 'mustContain', body.includes(needle), needle, null);
    for (const needle of g.paragraphOnce) {
      const count = occurrences(body, needle);
      record(n, g.headline, 'paragraphOnce', count === 1, `${needle} ×1`, `×${count}`);
    }
  });
  for (const pi of pairs.unmatchedPred) record(pi + 1, pred[pi].headline, 'notInvented', false, null, pred[pi].headline);
  checks.notInvented.total += pred.length - pairs.unmatchedPred.length;
  checks.notInvented.passed += pred.length - pairs.unmatchedPred.length;

  const passed = STRUCTURE_CHECKS.reduce((sum, name) => sum + checks[name].passed, 0);
  const total = STRUCTURE_CHECKS.reduce((sum, name) => sum + checks[name].total, 0);
  return {
    score: total === 0 ? 1 : passed / total,
    passed,
    total,
    checks,
    articles: { gold: gold.length, predicted: pred.length, matched: pred.length - pairs.unmatchedPred.length, invented: pairs.unmatchedPred.length },
    failures,
  };
}
