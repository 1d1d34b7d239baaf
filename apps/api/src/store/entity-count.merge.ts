import type { UpdateQuery } from 'mongoose';
import type { EntityRef } from '../search/article-index.fields';
import type { EntityChange } from './entity-change';
import type { StoredEntity } from './entity.schema';

/** The changes of several page versions to one entity, summed: one write instead of one per page. */
export interface MergedEntityChange {
  id: string;
  delta: number;
  /** The latest description of the entity, with every alias and role any of the changes gave it. */
  ref: EntityRef | null;
  firstDate: string | null;
  lastDate: string | null;
}

export function mergeEntityChanges(changes: readonly EntityChange[]): MergedEntityChange[] {
  const merged = new Map<string, MergedEntityChange>();
  for (const change of changes) {
    const known = merged.get(change.id);
    if (!known) {
      merged.set(change.id, { id: change.id, delta: change.delta, ref: change.ref, firstDate: change.date, lastDate: change.date });
      continue;
    }
    known.delta += change.delta;
    if (change.ref) {
      known.ref = known.ref
        ? { ...change.ref, aliases: [...new Set([...known.ref.aliases, ...change.ref.aliases])], roles: [...new Set([...known.ref.roles, ...change.ref.roles])] }
        : change.ref;
    }
    if (change.date) {
      if (!known.firstDate || change.date < known.firstDate) known.firstDate = change.date;
      if (!known.lastDate || change.date > known.lastDate) known.lastDate = change.date;
    }
  }
  return [...merged.values()].filter((change) => change.delta !== 0 || change.ref !== null);
}

/** The one update of the entity's document; upserted when the change describes the entity. */
export function entityUpdateOf(change: MergedEntityChange, now: Date): { filter: { _id: string }; update: UpdateQuery<StoredEntity>; upsert: boolean } {
  const filter = { _id: change.id };
  if (!change.ref) return { filter, update: { $inc: { articleCount: change.delta }, $set: { updatedAt: now } }, upsert: false };
  const ref = change.ref;
  return {
    filter,
    upsert: true,
    update: {
      $inc: { articleCount: change.delta },
      $set: { type: ref.type, code: ref.code, parents: ref.parents, updatedAt: now, ...(ref.canonicalName ? { name: ref.canonicalName } : {}) },
      $addToSet: { aliases: { $each: ref.aliases }, roles: { $each: ref.roles } },
      ...(ref.canonicalName ? {} : { $setOnInsert: { name: ref.name } }),
      ...(change.firstDate ? { $min: { firstDate: change.firstDate } } : {}),
      ...(change.lastDate ? { $max: { lastDate: change.lastDate } } : {}),
    },
  };
}
