import type { Entities } from '@baoxun/shared/contracts/article.contract';
import type { GoldArticle } from './gold-page.fixture';

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface TypeScore extends Counts {
  precision: number;
  recall: number;
  f1: number;
}

export interface PageScore {
  people: TypeScore;
  places: TypeScore;
  organizations: TypeScore;
  campaigns: TypeScore;
  /** Share of gold (person, title) pairs the tagger gave. */
  titleRecall: number;
  misses: string[];
}

const TYPES = ['people', 'places', 'organizations', 'campaigns'] as const;

/** Per-type precision, recall and F1 over the entity names of each article (micro-averaged over articles). */
export function scoreArticles(cases: { gold: GoldArticle; got: Entities }[]): PageScore {
  const counts = Object.fromEntries(TYPES.map((t) => [t, { tp: 0, fp: 0, fn: 0 }])) as Record<(typeof TYPES)[number], Counts>;
  let pairs = 0;
  let pairsFound = 0;
  const misses: string[] = [];
  cases.forEach(({ gold, got }, n) => {
    for (const t of TYPES) {
      const want = new Set(t === 'people' ? gold.people.map((p) => p.name) : gold[t]);
      const have = new Set(got[t].map((e) => e.name));
      for (const w of want) {
        if (have.has(w)) counts[t].tp++;
        else {
          counts[t].fn++;
          misses.push(`#${n + 1} ${t} missed ${w}`);
        }
      }
      for (const h of have) {
        if (!want.has(h)) {
          counts[t].fp++;
          misses.push(`#${n + 1} ${t} extra ${h}`);
        }
      }
    }
    for (const p of gold.people) {
      const mine = got.people.find((e) => e.name === p.name);
      for (const r of p.roles) {
        pairs++;
        if (mine?.roles.includes(r)) pairsFound++;
        else misses.push(`#${n + 1} role missed ${p.name}/${r}`);
      }
      for (const r of mine?.roles ?? []) if (!p.roles.includes(r)) misses.push(`#${n + 1} role extra ${p.name}/${r}`);
    }
  });
  const score = (c: Counts): TypeScore => {
    const precision = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 1;
    const recall = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 1;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    return { ...c, precision, recall, f1 };
  };
  return {
    people: score(counts.people),
    places: score(counts.places),
    organizations: score(counts.organizations),
    campaigns: score(counts.campaigns),
    titleRecall: pairs ? pairsFound / pairs : 1,
    misses,
  };
}
