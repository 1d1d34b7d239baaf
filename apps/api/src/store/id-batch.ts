import type { Model, ProjectionType, UpdateQuery } from 'mongoose';

/**
 * Reads and writes of many documents by _id, each in one round trip: on MongoDB an $in on the _id index; on
 * FerretDB v1 (which scans the collection for every query, even by _id) one scan instead of one per id.
 */
export class IdBatch {
  async find<T>(model: Model<T>, ids: readonly string[], projection?: ProjectionType<T>): Promise<T[]> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return [];
    if (unique.length === 1) {
      const one = await model.findById(unique[0], projection).lean<T>();
      return one ? [one] : [];
    }
    return model.find({ _id: { $in: unique } } as never, projection).lean<T[]>();
  }

  async update<T>(model: Model<T>, ids: readonly string[], update: UpdateQuery<T>): Promise<void> {
    const unique = [...new Set(ids)];
    if (unique.length > 0) await model.updateMany({ _id: { $in: unique } } as never, update);
  }

  async delete<T>(model: Model<T>, ids: readonly string[]): Promise<void> {
    const unique = [...new Set(ids)];
    if (unique.length > 0) await model.deleteMany({ _id: { $in: unique } } as never);
  }
}

/** Keeps the documents in the order of `ids` (a page's articles in page order). */
export const inIdOrder = <T extends { _id: string }>(docs: T[], ids: readonly string[]): T[] => {
  const byId = new Map(docs.map((doc) => [doc._id, doc]));
  return ids.map((id) => byId.get(id)).filter((doc): doc is T => doc !== undefined);
};
