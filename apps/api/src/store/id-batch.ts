import type { Model, ProjectionType, UpdateQuery } from 'mongoose';
import { guardHolds, type WriteGuard } from './write-guard';

/** Requests to the store in flight at once for one batch on FerretDB (each is cheap; many would queue there anyway). */
const PER_ID_CONCURRENCY = 8;

export interface IdBatchMode {
  /**
   * One request per id for reads, deletes and updates: FerretDB over SQLite pushes only a filter of exactly
   * {_id: <string>} down; any other, $in included, decodes every document of the collection in Go (measured:
   * 10 ids by $in in a 3,000-article collection take 14 s, one id 0.005 s). FerretDB over PostgreSQL (patched in
   * tools/infra) pushes `$in` on _id down as `_id = … OR …` on the primary key, so there a batch is one $in.
   */
  onePerId: boolean;
  /** FerretDB: per-statement updates and compare-and-set as read + check (see updateEach, updateIf). */
  ferretDb: boolean;
}

/** Reads and writes of documents by _id. On MongoDB a batch is one $in on the _id index. */
export class IdBatch {
  private readonly onePerId: boolean;
  private readonly ferretDb: boolean;

  constructor(mode: IdBatchMode) {
    this.onePerId = mode.onePerId;
    this.ferretDb = mode.ferretDb;
  }

  async find<T>(model: Model<T>, ids: readonly string[], projection?: ProjectionType<T>): Promise<T[]> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return [];
    if (unique.length === 1 || this.onePerId) {
      const found = await eachLimited(unique, (id) => model.findById(id, projection).lean<T>().exec());
      return found.filter((doc): doc is NonNullable<typeof doc> => doc != null) as T[];
    }
    return model.find({ _id: { $in: unique } } as never, projection).lean<T[]>();
  }

  async update<T>(model: Model<T>, ids: readonly string[], update: UpdateQuery<T>): Promise<void> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return;
    if (this.onePerId) await eachLimited(unique, (id) => model.updateOne({ _id: id } as never, update).exec());
    else await model.updateMany({ _id: { $in: unique } } as never, update);
  }

  async delete<T>(model: Model<T>, ids: readonly string[]): Promise<void> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return;
    if (this.onePerId) await eachLimited(unique, (id) => model.deleteOne({ _id: id } as never).exec());
    else await model.deleteMany({ _id: { $in: unique } } as never);
  }

  /**
   * One update per document, each by _id: on MongoDB one unordered bulk write. On FerretDB v1 one request per
   * statement, a few at a time: its bulk update keeps every statement's SQLite cursor (and connection) open
   * until the whole command ends, and with bulk writes the fault tests' bad-input run hung the database (every
   * request to it waited, FerretDB idle); with one request per statement the same run passes.
   */
  async updateEach<T>(model: Model<T>, statements: ReadonlyArray<{ filter: { _id: string }; update: UpdateQuery<T>; upsert?: boolean }>): Promise<void> {
    if (statements.length === 0) return;
    if (this.ferretDb) await eachLimited(statements, (s) => model.updateOne(s.filter as never, s.update, { upsert: s.upsert ?? false }).exec());
    else await model.bulkWrite(statements.map((updateOne) => ({ updateOne })) as never, { ordered: false });
  }

  /**
   * Writes whole documents by _id, idempotently: one insert for all (most are new; on FerretDB an insert only
   * encodes), and where some were there already (a redone switch), each one upserted.
   */
  async putAll<T>(model: Model<T>, rows: ReadonlyArray<{ _id: string } & Record<string, unknown>>): Promise<void> {
    if (rows.length === 0) return;
    try {
      await model.insertMany(rows as never[], { ordered: false });
    } catch (error) {
      if (!isOnlyDuplicates(error)) throw error;
      await this.updateEach(model, rows.map((row) => ({ filter: { _id: row._id }, update: { $set: row } as UpdateQuery<T>, upsert: true })));
    }
  }

  /**
   * Updates the document only if `guard` still holds (a compare-and-set); false if it did not. On MongoDB the
   * guard is part of the atomic update's filter. On FerretDB v1 it is a read by _id and a check here before a
   * write by _id: no weaker than FerretDB's own update, which is a read-modify-write without a lock either way.
   * Callers hold the document's KeyedMutex, so within one api replica nothing interleaves.
   */
  async updateIf<T>(model: Model<T>, id: string, guard: WriteGuard, update: UpdateQuery<T>): Promise<boolean> {
    if (!this.ferretDb) return (await model.updateOne({ _id: id, ...guard } as never, update)).matchedCount > 0;
    const current = await model.findById(id, Object.fromEntries(Object.keys(guard).map((path) => [path, 1]))).lean<Record<string, unknown>>();
    if (!current || !guardHolds(current, guard)) return false;
    return (await model.updateOne({ _id: id } as never, update)).matchedCount > 0;
  }
}

/** A bulk insert that failed only because some documents were there already. */
function isOnlyDuplicates(error: unknown): boolean {
  const writeErrors = (error as { writeErrors?: Array<{ code?: number; err?: { code?: number } }> })?.writeErrors;
  if (Array.isArray(writeErrors) && writeErrors.length > 0) return writeErrors.every((item) => (item.code ?? item.err?.code) === 11000);
  return (error as { code?: number })?.code === 11000;
}

/** Runs `work` for every item, at most PER_ID_CONCURRENCY at a time, results in item order. */
async function eachLimited<I, R>(items: readonly I[], work: (item: I) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PER_ID_CONCURRENCY, items.length) }, worker));
  return results;
}

/** Keeps the documents in the order of `ids` (a page's articles in page order). */
export const inIdOrder = <T extends { _id: string }>(docs: T[], ids: readonly string[]): T[] => {
  const byId = new Map(docs.map((doc) => [doc._id, doc]));
  return ids.map((id) => byId.get(id)).filter((doc): doc is T => doc !== undefined);
};
