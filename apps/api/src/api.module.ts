import { type DynamicModule, Module, type NestModule, type Provider } from '@nestjs/common';
import { APP_GUARD, ApplicationConfig } from '@nestjs/core';
import { MongooseModule } from '@nestjs/mongoose';
import { ThrottlerModule } from '@nestjs/throttler';
import type { ApiConfig } from '@baoxun/shared/config/api.config';
import { type CoreConfig, ServiceCoreModule } from '@baoxun/shared/service/service-core.module';
import { AdminModule } from './admin/admin.module';
import { PipelineEventsHandler } from './consumers/pipeline-events.handler';
import { ApiThrottlerGuard } from './http/api-throttler.guard';
import { ArticlesController } from './http/articles.controller';
import { EntitiesController } from './http/entities.controller';
import { EntityAdminController } from './http/entity-admin.controller';
import { PagesController } from './http/pages.controller';
import { ProblemFilter } from './http/problem.filter';
import { ConsumerLagCollector } from './metrics/consumer-lag.collector';
import { ArticleReader } from './read/article-reader.service';
import { ArticleSearchService } from './read/article-search.service';
import { EntityReader } from './read/entity-reader.service';
import { FacetsService } from './read/facets.service';
import { GramStats } from './read/gram-stats.service';
import { PageReader } from './read/page-reader.service';
import { PlaceResolver } from './read/place-resolver.service';
import { ServedVersions } from './read/served-versions.service';
import { ArticleFacetRepository } from './store/article-facet.repository';
import { StoredArticleFacet, StoredArticleFacetSchema } from './store/article-facet.schema';
import { ArticleSummaryBackfill } from './store/article-summary.backfill';
import { FacetDayRepository } from './store/facet-day.repository';
import { StoreMigrationRepository } from './store/store-migration.repository';
import { StoredFacetDay, StoredFacetDaySchema } from './store/facet-day.schema';
import { FacetDays } from './store/facet-days.service';
import { ArticleSummaryRepository } from './store/article-summary.repository';
import { StoredArticleSummary, StoredArticleSummarySchema, StoreMigration, StoreMigrationSchema } from './store/article-summary.schema';
import { ArticleRepository } from './store/article.repository';
import { StoredArticle, StoredArticleSchema } from './store/article.schema';
import { DeadLetterRecordRepository } from './store/dead-letter-record.repository';
import { DeadLetterRecord, DeadLetterRecordSchema } from './store/dead-letter-record.schema';
import { StoredEntity, StoredEntitySchema } from './store/entity.schema';
import { EntityCountsService } from './store/entity-counts.service';
import { EntityRepository } from './store/entity.repository';
import { IdBatch } from './store/id-batch';
import { mongoHealthProvider } from './store/mongo.health';
import { PageRepository } from './store/page.repository';
import { StoredPage, StoredPageSchema } from './store/page.schema';
import { PageTextRepository } from './store/page-text.repository';
import { StoredPageText, StoredPageTextSchema } from './store/page-text.schema';
import { PipelineStoreService } from './store/pipeline-store.service';
import { IndexSetup } from './store/index-setup';
import { STORE_CAPABILITIES, type StoreCapabilities, storeCapabilitiesProvider } from './store/store-capabilities';
import { VersionSwitchService } from './store/version-switch.service';

@Module({})
export class ApiModule implements NestModule {
  constructor(private readonly applicationConfig: ApplicationConfig) {}

  /**
   * Runs after runService registered the transport's catch-all RPC filter on the config HTTP shares, and before
   * the routes are built: appended last, ProblemFilter is the one Nest picks for HTTP errors (it rethrows
   * consumer errors, as the RPC filter does).
   */
  configure(): void {
    this.applicationConfig.addGlobalFilter(new ProblemFilter());
  }

  static forRoot(config: ApiConfig & CoreConfig): DynamicModule {
    const rateLimited = config.RATE_LIMIT_PER_MINUTE > 0;
    const guards: Provider[] = rateLimited ? [{ provide: APP_GUARD, useClass: ApiThrottlerGuard }] : [];
    return {
      module: ApiModule,
      imports: [
        // Indexes are created by IndexSetup, which knows the store.
        MongooseModule.forRoot(config.MONGO_URL, { serverSelectionTimeoutMS: 10_000, autoIndex: false }),
        MongooseModule.forFeature([
          { name: StoredArticle.name, schema: StoredArticleSchema },
          { name: StoredArticleFacet.name, schema: StoredArticleFacetSchema },
          { name: StoredFacetDay.name, schema: StoredFacetDaySchema },
          { name: StoredArticleSummary.name, schema: StoredArticleSummarySchema },
          { name: StoreMigration.name, schema: StoreMigrationSchema },
          { name: StoredPage.name, schema: StoredPageSchema },
          { name: StoredPageText.name, schema: StoredPageTextSchema },
          { name: StoredEntity.name, schema: StoredEntitySchema },
          { name: DeadLetterRecord.name, schema: DeadLetterRecordSchema },
        ]),
        ServiceCoreModule.forRoot(config, [mongoHealthProvider]),
        ...(rateLimited ? [ThrottlerModule.forRoot({ throttlers: [{ name: 'default', ttl: 60_000, limit: config.RATE_LIMIT_PER_MINUTE }] })] : []),
        AdminModule,
      ],
      controllers: [ArticlesController, EntitiesController, PagesController, EntityAdminController, PipelineEventsHandler],
      providers: [
        ...guards,
        storeCapabilitiesProvider,
        IndexSetup,
        { provide: IdBatch, inject: [STORE_CAPABILITIES], useFactory: (store: StoreCapabilities) => new IdBatch({ onePerId: !store.flatFilterPushdown, ferretDb: store.ferretDb }) },
        // The repositories: every read and write of the store, and all that differs between MongoDB and FerretDB.
        ArticleRepository,
        ArticleFacetRepository,
        ArticleSummaryRepository,
        ArticleSummaryBackfill,
        FacetDayRepository,
        StoreMigrationRepository,
        FacetDays,
        PageRepository,
        PageTextRepository,
        EntityRepository,
        DeadLetterRecordRepository,
        EntityCountsService,
        VersionSwitchService,
        PipelineStoreService,
        ServedVersions,
        GramStats,
        PlaceResolver,
        FacetsService,
        ArticleSearchService,
        ArticleReader,
        PageReader,
        EntityReader,
        ConsumerLagCollector,
      ],
    };
  }
}
