import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model, QueryFilter, UpdateQuery } from 'mongoose';
import type { EntityType } from '@baoxun/shared/contracts/api.contract';
import { IdBatch } from './id-batch';
import { StoredEntity } from './entity.schema';

const escapeRegex = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

/** Position in the entity list: most mentioned first, then by name, then id. */
export type EntityPosition = [articleCount: number, name: string, id: string];

/** All I/O on `entities` (a few thousand small documents per newspaper-year). */
@Injectable()
export class EntityRepository {
  constructor(
    @InjectModel(StoredEntity.name) private readonly entities: Model<StoredEntity>,
    private readonly ids: IdBatch,
  ) {}

  findById(id: string): Promise<StoredEntity | null> {
    return this.entities.findById(id).lean<StoredEntity>().exec() as Promise<StoredEntity | null>;
  }

  findByIds<T>(ids: readonly string[], projection: Record<string, 0 | 1>): Promise<T[]> {
    return this.ids.find<T>(this.entities as never, ids, projection as never);
  }

  /** The most mentioned place written with this name. */
  placeByAlias(name: string): Promise<StoredEntity | null> {
    return this.entities.findOne({ type: 'place', aliases: name }).sort({ articleCount: -1 }).lean<StoredEntity>().exec() as Promise<StoredEntity | null>;
  }

  /** Division codes of the places written with this name, most mentioned first. */
  async placeCodes(name: string, limit: number, timeoutMs: number): Promise<string[]> {
    // Equalities only, so FerretDB sends the whole filter, its sort and its limit to PostgreSQL (a `code: {$ne:
    // null}` here kept it from pushing any of them and decoded every place entity); code-less ones are dropped here.
    const found = await this.entities
      .find({ type: 'place', aliases: name }, { code: 1 })
      .sort({ articleCount: -1 })
      .limit(limit * 4)
      .maxTimeMS(timeoutMs)
      .lean<Array<Pick<StoredEntity, 'code'>>>();
    return [...new Set(found.map((entity) => entity.code).filter((code): code is string => !!code))].slice(0, limit);
  }

  /** GET /v1/entities: mentioned entities of a type (or all) whose name contains q (or code starts with it). */
  list(query: { type?: EntityType; q?: string; after?: EntityPosition; limit: number }, timeoutMs: number): Promise<StoredEntity[]> {
    const filter: QueryFilter<StoredEntity> = { articleCount: { $gt: 0 } };
    if (query.type) filter.type = query.type;
    if (query.q) Object.assign(filter, /^\d+$/.test(query.q) && query.type !== 'person' ? { code: { $regex: `^${query.q}` } } : { name: { $regex: escapeRegex(query.q) } });
    const and: Array<QueryFilter<StoredEntity>> = [filter];
    if (query.after) {
      const [count, name, id] = query.after;
      and.push({ $or: [{ articleCount: { $lt: count } }, { articleCount: count, name: { $gt: name } }, { articleCount: count, name, _id: { $gt: id } }] });
    }
    return this.entities
      .find(and.length > 1 ? { $and: and } : filter)
      .sort({ articleCount: -1, name: 1, _id: 1 })
      .limit(query.limit)
      .maxTimeMS(timeoutMs)
      .lean<StoredEntity[]>()
      .exec();
  }

  allIds(): Promise<string[]> {
    return this.entities.find({}, { _id: 1 }).lean<Array<{ _id: string }>>().exec().then((docs) => docs.map((doc) => doc._id));
  }

  /** One update per entity, each by _id (see IdBatch.updateEach). */
  updateEach(statements: ReadonlyArray<{ filter: { _id: string }; update: UpdateQuery<StoredEntity>; upsert?: boolean }>): Promise<void> {
    return this.ids.updateEach(this.entities, statements);
  }
}
