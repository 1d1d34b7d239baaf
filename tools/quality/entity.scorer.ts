// Entity score of one page (issue 7): per type precision, recall and F1 over names, counted over
// article pairs (micro average), and the share of gold (person, role) pairs the tagger found.
// Gold articles that were not found count as misses; a type a gold article omits is skipped there.
import type { ArticlePairs } from './article.matcher';
import type { GoldArticle, PredArticle } from './score.schemas';

export const ENTITY_TYPES = ['people', 'places', 'organizations', 'campaigns'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export interface TypeScore {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface EntityMiss {
  article: number;
  type: EntityType | 'roles';
  missing: string[];
  extra: string[];
}

export interface EntityScore {
  types: Record<EntityType, TypeScore | null>;
  roles: { found: number; total: number; share: number } | null;
  misses: EntityMiss[];
}

function goldNames(article: GoldArticle, type: EntityType): string[] | undefined {
  return type === 'people' ? article.people?.map((person) => person.name) : article[type];
}

function predNames(article: PredArticle | null, type: EntityType): string[] {
  return article?.entities?.[type].map((entity) => entity.name) ?? [];
}

function ratio(part: number, whole: number): number {
  return whole === 0 ? 1 : part / whole;
}

/** Null when no gold article carries entities: the page is then scored on structure only. */
export function scoreEntities(gold: readonly GoldArticle[], pred: readonly PredArticle[], pairs: ArticlePairs): EntityScore | null {
  const counts = Object.fromEntries(ENTITY_TYPES.map((type) => [type, { tp: 0, fp: 0, fn: 0, seen: false }])) as Record<EntityType, { tp: number; fp: number; fn: number; seen: boolean }>;
  const roles = { found: 0, total: 0 };
  const misses: EntityMiss[] = [];

  gold.forEach((g, gi) => {
    const p = pairs.predOfGold[gi] === -1 ? null : pred[pairs.predOfGold[gi]];
    for (const type of ENTITY_TYPES) {
      const expected = goldNames(g, type);
      if (expected === undefined) continue;
      const want = new Set(expected);
      const got = new Set(predNames(p, type));
      const missing = [...want].filter((name) => !got.has(name));
      const extra = [...got].filter((name) => !want.has(name));
      const c = counts[type];
      c.seen = true;
      c.tp += want.size - missing.length;
      c.fn += missing.length;
      c.fp += extra.length;
      if (missing.length + extra.length > 0) misses.push({ article: gi + 1, type, missing, extra });
    }
    if (g.people) {
      const rolesOf = new Map((p?.entities?.people ?? []).map((person) => [person.name, new Set(person.roles)]));
      const missing: string[] = [];
      for (const person of g.people) {
        for (const role of person.roles) {
          roles.total += 1;
          if (rolesOf.get(person.name)?.has(role)) roles.found += 1;
          else missing.push(`${person.name}:${role}`);
        }
      }
      if (missing.length > 0) misses.push({ article: gi + 1, type: 'roles', missing, extra: [] });
    }
  });

  if (!ENTITY_TYPES.some((type) => counts[type].seen)) return null;
  const types = Object.fromEntries(
    ENTITY_TYPES.map((type) => {
      const { tp, fp, fn, seen } = counts[type];
      if (!seen) return [type, null];
      const precision = ratio(tp, tp + fp);
      const recall = ratio(tp, tp + fn);
      const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
      return [type, { tp, fp, fn, precision, recall, f1 }];
    }),
  ) as Record<EntityType, TypeScore | null>;
  return { types, roles: counts.people.seen ? { ...roles, share: ratio(roles.found, roles.total) } : null, misses };
}
