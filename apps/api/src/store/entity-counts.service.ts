import { Injectable } from '@nestjs/common';
import { ARTICLE_SENTINEL } from '../search/entity-keys';
import { ArticleFacetRepository } from './article-facet.repository';
import { entityUpdateOf, mergeEntityChanges } from './entity-count.merge';
import { EntityRepository } from './entity.repository';
import type { EntityChange } from './entity-change';

interface Waiting {
  changes: readonly EntityChange[];
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Keeps each entity's document and served-article count. Changes that arrive while a write is running are
 * merged and go out together (one entity, one update; a bulk write on MongoDB), and only one write runs at a time:
 * FerretDB v1 applies an update as read-modify-write without a lock, so two at once could lose an increment.
 * A caller's promise settles when its changes are written.
 */
@Injectable()
export class EntityCountsService {
  private waiting: Waiting[] = [];
  private tail: Promise<void> = Promise.resolve();
  private writing = false;

  constructor(
    private readonly entities: EntityRepository,
    private readonly facetDocs: ArticleFacetRepository,
  ) {}

  apply(changes: readonly EntityChange[]): Promise<void> {
    if (changes.length === 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.waiting.push({ changes, resolve, reject });
      this.writeWaiting();
    });
  }

  /** Sets every count from the served articles (an operator's repair after a crash mid-update). */
  recount(): Promise<{ entities: number; articles: number }> {
    return this.serially(async () => {
      // Every served article has its facet document (and only those): they hold its entity ids.
      const counts = await this.facetDocs.countsPerEntity();
      const ids = await this.entities.allIds();
      const updatedAt = new Date();
      await this.entities.updateEach(ids.map((id) => ({ filter: { _id: id }, update: { $set: { articleCount: counts.get(id) ?? 0, updatedAt } } })));
      return { entities: ids.length, articles: counts.get(ARTICLE_SENTINEL) ?? 0 };
    });
  }

  private writeWaiting(): void {
    if (this.writing || this.waiting.length === 0) return;
    this.writing = true;
    const batch = this.waiting;
    this.waiting = [];
    void this.serially(() => this.write(batch.flatMap((waiting) => waiting.changes))).then(
      () => this.settle(batch, (waiting) => waiting.resolve()),
      (error: unknown) => this.settle(batch, (waiting) => waiting.reject(error)),
    );
  }

  private settle(batch: Waiting[], outcome: (waiting: Waiting) => void): void {
    batch.forEach(outcome);
    this.writing = false;
    this.writeWaiting();
  }

  private async write(changes: readonly EntityChange[]): Promise<void> {
    const now = new Date();
    await this.entities.updateEach(mergeEntityChanges(changes).map((change) => entityUpdateOf(change, now)));
  }

  /** Runs work after everything queued before it: one write to the entities at a time. */
  private serially<T>(work: () => Promise<T>): Promise<T> {
    const result = this.tail.then(work);
    this.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }
}
