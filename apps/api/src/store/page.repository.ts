import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model, ProjectionType, UpdateQuery } from 'mongoose';
import { IdBatch } from './id-batch';
import { StoredPage } from './page.schema';
import type { WriteGuard } from './write-guard';

/** All I/O on `pages`, by _id only (the one lookup both stores serve from their primary index). */
@Injectable()
export class PageRepository {
  constructor(
    @InjectModel(StoredPage.name) private readonly pages: Model<StoredPage>,
    private readonly ids: IdBatch,
  ) {}

  findById<T = StoredPage>(id: string, projection: ProjectionType<StoredPage>): Promise<T | null> {
    return this.pages.findById(id, projection).lean<T>().exec() as Promise<T | null>;
  }

  findByIds<T>(ids: readonly string[], projection: ProjectionType<StoredPage>): Promise<T[]> {
    return this.ids.find<T>(this.pages as never, ids, projection as never);
  }

  async create(page: StoredPage): Promise<void> {
    await this.pages.create(page);
  }

  /** Compare-and-set: updates the page only if `guard` still holds; false if it did not (see IdBatch.updateIf). */
  updateIf(id: string, guard: WriteGuard, update: UpdateQuery<StoredPage>): Promise<boolean> {
    return this.ids.updateIf(this.pages, id, guard, update);
  }
}
