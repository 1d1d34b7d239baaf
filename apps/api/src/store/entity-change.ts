import { type EntityRef, entityRefsOf } from '../search/article-index.fields';
import type { StoredArticle } from './article.schema';

/** A change to one entity's served-article count, with what to record of the entity when it is new. */
export interface EntityChange {
  id: string;
  delta: number;
  ref: EntityRef | null;
  /** The newest edition date among the added articles (first/last seen). */
  date: string | null;
}

type CountedArticle = Pick<StoredArticle, 'entities' | 'page'>;

/** +1 for every entity of each added article, -1 for every entity of each removed one. */
export function entityChanges(removed: readonly CountedArticle[], added: readonly CountedArticle[]): EntityChange[] {
  const changes = new Map<string, EntityChange>();
  const add = (article: CountedArticle, delta: number) => {
    for (const ref of entityRefsOf(article.entities)) {
      const change = changes.get(ref.id) ?? { id: ref.id, delta: 0, ref: null, date: null };
      change.delta += delta;
      if (delta > 0) {
        change.ref = change.ref ? { ...change.ref, aliases: [...new Set([...change.ref.aliases, ...ref.aliases])], roles: [...new Set([...change.ref.roles, ...ref.roles])] } : ref;
        change.date = change.date && change.date > article.page.date ? change.date : article.page.date;
      }
      changes.set(ref.id, change);
    }
  };
  removed.forEach((article) => add(article, -1));
  added.forEach((article) => add(article, +1));
  // An entity only re-mentioned still gets its names and roles recorded.
  return [...changes.values()].filter((change) => change.delta !== 0 || change.ref !== null);
}
