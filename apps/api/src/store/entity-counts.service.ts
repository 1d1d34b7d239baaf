import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model, UpdateQuery } from 'mongoose';
import { ARTICLE_SENTINEL } from '../search/entity-keys';
import { StoredArticle } from './article.schema';
import { StoredEntity } from './entity.schema';
import { KeyedMutex } from './keyed-mutex';
import type { EntityChange } from './entity-change';

/** Keeps each entity's document and served-article count. */
@Injectable()
export class EntityCountsService {
  private readonly mutex = new KeyedMutex();

  constructor(
    @InjectModel(StoredEntity.name) private readonly entities: Model<StoredEntity>,
    @InjectModel(StoredArticle.name) private readonly articles: Model<StoredArticle>,
  ) {}

  async apply(changes: readonly EntityChange[]): Promise<void> {
    await Promise.all(changes.map((change) => this.mutex.run(change.id, () => this.applyOne(change))));
  }

  private async applyOne(change: EntityChange): Promise<void> {
    const now = new Date();
    if (!change.ref) {
      if (change.delta !== 0) await this.entities.updateOne({ _id: change.id }, { $inc: { articleCount: change.delta }, $set: { updatedAt: now } });
      return;
    }
    const ref = change.ref;
    const update: UpdateQuery<StoredEntity> = {
      $inc: { articleCount: change.delta },
      $set: { type: ref.type, code: ref.code, parents: ref.parents, updatedAt: now, ...(ref.canonicalName ? { name: ref.canonicalName } : {}) },
      $addToSet: { aliases: { $each: ref.aliases }, roles: { $each: ref.roles } },
      ...(ref.canonicalName ? {} : { $setOnInsert: { name: ref.name } }),
      ...(change.date ? { $min: { firstDate: change.date }, $max: { lastDate: change.date } } : {}),
    };
    await this.entities.updateOne({ _id: change.id }, update, { upsert: true });
  }

  /** Sets every count from the served articles (an operator's repair after a crash mid-update). */
  async recount(): Promise<{ entities: number; articles: number }> {
    const rows = await this.articles.aggregate<{ _id: string; count: number }>([
      { $match: { live: true } },
      { $project: { entityIds: 1 } },
      { $unwind: '$entityIds' },
      { $group: { _id: '$entityIds', count: { $sum: 1 } } },
    ]);
    const counts = new Map(rows.map((row) => [row._id, row.count]));
    const ids = (await this.entities.find({}, { _id: 1 }).lean<Array<{ _id: string }>>()).map((doc) => doc._id);
    await Promise.all(ids.map((id) => this.mutex.run(id, () => this.entities.updateOne({ _id: id }, { $set: { articleCount: counts.get(id) ?? 0, updatedAt: new Date() } }).then(() => undefined))));
    return { entities: ids.length, articles: counts.get(ARTICLE_SENTINEL) ?? 0 };
  }
}
