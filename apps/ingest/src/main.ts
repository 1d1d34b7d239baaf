import 'reflect-metadata';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { IngestConfigSchema } from '@baoxun/shared/config/ingest.config';
import { launchService } from '@baoxun/shared/service/launch-service';
import { IngestModule } from './ingest.module';

launchService('ingest', IngestConfigSchema, (config) => IngestModule.forRoot(config), (app, config) => {
  // JSON escapes and metadata add to the text; the text limit itself is checked with a clear message.
  (app as NestExpressApplication).useBodyParser('json', { limit: Math.ceil(config.MAX_PAGE_BYTES * 1.5) + 64 * 1024 });
});
