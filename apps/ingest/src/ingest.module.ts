import { type DynamicModule, Module } from '@nestjs/common';
import type { IngestConfig } from '@baoxun/shared/config/ingest.config';
import { type CoreConfig, ServiceCoreModule } from '@baoxun/shared/service/service-core.module';
import { PageIntakeService } from './page-intake.service';
import { PageSubmitHandler } from './page-submit.handler';
import { PagesController } from './pages.controller';

@Module({})
export class IngestModule {
  static forRoot(config: IngestConfig & CoreConfig): DynamicModule {
    return {
      module: IngestModule,
      imports: [ServiceCoreModule.forRoot(config)],
      controllers: [PagesController, PageSubmitHandler],
      providers: [PageIntakeService],
    };
  }
}
