import { type DynamicModule, Module } from '@nestjs/common';
import type { EnricherConfig } from '@baoxun/shared/config/enricher.config';
import { type CoreConfig, ServiceCoreModule } from '@baoxun/shared/service/service-core.module';
import { ArticleParsedHandler } from './article-parsed.handler';
import { taggerProvider } from './tagger.provider';

@Module({})
export class EnricherModule {
  static forRoot(config: EnricherConfig & CoreConfig): DynamicModule {
    return { module: EnricherModule, imports: [ServiceCoreModule.forRoot(config)], controllers: [ArticleParsedHandler], providers: [taggerProvider(config)] };
  }
}
