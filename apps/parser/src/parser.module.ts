import { type DynamicModule, Module } from '@nestjs/common';
import type { ParserConfig } from '@baoxun/shared/config/parser.config';
import { type CoreConfig, ServiceCoreModule } from '@baoxun/shared/service/service-core.module';
import { PageReceivedHandler } from './page-received.handler';

@Module({})
export class ParserModule {
  static forRoot(config: ParserConfig & CoreConfig): DynamicModule {
    return { module: ParserModule, imports: [ServiceCoreModule.forRoot(config)], controllers: [PageReceivedHandler] };
  }
}
