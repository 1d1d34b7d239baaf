import { type DynamicModule, Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import type { ApiConfig } from '@baoxun/shared/config/api.config';
import { type CoreConfig, ServiceCoreModule } from '@baoxun/shared/service/service-core.module';
import { PipelineEventsHandler } from './consumers/pipeline-events.handler';
import { ArticlesController } from './http/articles.controller';
import { PagesController } from './http/pages.controller';
import { StoredArticle, StoredArticleSchema } from './store/article.schema';
import { mongoHealthProvider } from './store/mongo.health';
import { StoredPage, StoredPageSchema } from './store/page.schema';
import { PipelineStoreService } from './store/pipeline-store.service';

@Module({})
export class ApiModule {
  static forRoot(config: ApiConfig & CoreConfig): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        MongooseModule.forRoot(config.MONGO_URL, { serverSelectionTimeoutMS: 10_000, autoIndex: true }),
        MongooseModule.forFeature([
          { name: StoredArticle.name, schema: StoredArticleSchema },
          { name: StoredPage.name, schema: StoredPageSchema },
        ]),
        ServiceCoreModule.forRoot(config, [mongoHealthProvider]),
      ],
      controllers: [ArticlesController, PagesController, PipelineEventsHandler],
      providers: [PipelineStoreService],
    };
  }
}
