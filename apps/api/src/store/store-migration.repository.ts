import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { StoreMigration } from './article-summary.schema';

/** The one-off fills a store has had (store_migrations): each recorded once it is done, so it runs once. */
@Injectable()
export class StoreMigrationRepository {
  constructor(@InjectModel(StoreMigration.name) private readonly migrations: Model<StoreMigration>) {}

  async isDone(name: string): Promise<boolean> {
    return (await this.migrations.findById(name, { _id: 1 }).lean().exec()) !== null;
  }

  async markDone(name: string): Promise<void> {
    await this.migrations.replaceOne({ _id: name }, { doneAt: new Date() }, { upsert: true }).exec();
  }
}
