import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { ARTICLE_FACET_FERRETDB_INDEXES, StoredArticleFacet } from './article-facet.schema';
import { ARTICLE_FERRETDB_INDEXES, StoredArticle } from './article.schema';
import { ARTICLE_SUMMARY_FERRETDB_INDEXES, StoredArticleSummary } from './article-summary.schema';
import { ENTITY_FERRETDB_INDEXES, StoredEntity } from './entity.schema';
import { FACET_DAY_FERRETDB_INDEXES, StoredFacetDay } from './facet-day.schema';
import { STORE_CAPABILITIES, type StoreCapabilities } from './store-capabilities';

/** FerretDB's own index sets, by model (the schemas' comments say which query each serves). */
const FERRETDB_INDEXES: Record<string, ReadonlyArray<{ key: Record<string, 1>; name: string }>> = {
  [StoredArticle.name]: ARTICLE_FERRETDB_INDEXES,
  [StoredArticleFacet.name]: ARTICLE_FACET_FERRETDB_INDEXES,
  [StoredArticleSummary.name]: ARTICLE_SUMMARY_FERRETDB_INDEXES,
  [StoredEntity.name]: ENTITY_FERRETDB_INDEXES,
  [StoredFacetDay.name]: FACET_DAY_FERRETDB_INDEXES,
};

/**
 * FerretDB indexes earlier versions of the api declared, dropped where still present: jsonb_path_ops GIN
 * indexes, which the `$all` pushdown no longer uses (it is served by the `*_elems` indexes, whose element
 * statistics let PostgreSQL tell common keys from rare ones), and which every write would still pay for.
 */
const RETIRED_FERRETDB_INDEXES = ['keys_gin', 'grams_gin'];

/**
 * Creates the indexes the store needs, at start, before any request (mongoose's autoIndex is off). MongoDB
 * gets the compound indexes the schemas declare; FerretDB over PostgreSQL the single-field GIN and btree
 * indexes its pushdown uses (FERRETDB_INDEXES); FerretDB over SQLite only _id: it would use no other, and
 * each write would pay for them (the key of an index on an array is the whole array).
 */
@Injectable()
export class IndexSetup implements OnModuleInit {
  private readonly logger = new Logger(IndexSetup.name);

  constructor(
    @InjectConnection() private readonly connection: Connection,
    @Inject(STORE_CAPABILITIES) private readonly capabilities: StoreCapabilities,
  ) {}

  async onModuleInit(): Promise<void> {
    if (!this.capabilities.flatFilterPushdown) {
      this.logger.log(`store is FerretDB ${this.capabilities.version} without filter pushdown: secondary indexes skipped (it uses none)`);
      return;
    }
    if (this.capabilities.ferretDb) {
      // Only the missing ones, one collection at a time, retried: FerretDB v1.24.2-baoxun drops the connection
      // when asked to create an index that exists, or when two replicas starting together create the same one.
      for (const [name, indexes] of Object.entries(FERRETDB_INDEXES)) {
        const collection = this.connection.model(name).collection;
        await retried(
          async () => {
            const existing = new Set((await collection.listIndexes().toArray().catch(() => [])).map((index) => String(index.name)));
            // retired first: FerretDB refuses a new index on the same key under another name
            for (const retired of RETIRED_FERRETDB_INDEXES) {
              if (existing.has(retired) && !indexes.some((index) => index.name === retired)) await collection.dropIndex(retired);
            }
            const missing = indexes.filter((index) => !existing.has(index.name));
            if (missing.length > 0) await collection.createIndexes(missing.map((index) => ({ key: index.key, name: index.name })));
          },
          `indexes of ${name}`,
          this.logger,
        );
      }
      this.logger.log(`FerretDB ${this.capabilities.version}: pushdown indexes in place on ${Object.keys(FERRETDB_INDEXES).join(', ')}`);
      return;
    }
    await Promise.all(this.connection.modelNames().map((name) => this.connection.model(name).createIndexes()));
    this.logger.log(`indexes in place on ${this.connection.modelNames().join(', ')}`);
  }
}

async function retried<T>(work: () => Promise<T>, what: string, logger: Logger, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= attempts) throw error;
      logger.warn(`${what}: ${error instanceof Error ? error.message : String(error)}; retrying`);
      await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
    }
  }
}
