import 'reflect-metadata';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { IngestConfigSchema } from '@baoxun/shared/config/ingest.config';
import { launchService } from '@baoxun/shared/service/launch-service';
import { IngestModule } from './ingest.module';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The JSON parser would quietly turn invalid UTF-8 into U+FFFD; a page with broken bytes is refused instead (400). */
function requireUtf8(_request: unknown, _response: unknown, body: Buffer): void {
  try {
    utf8.decode(body);
  } catch {
    throw Object.assign(new Error('request body is not valid UTF-8'), { status: 400, expose: true });
  }
}

launchService('ingest', IngestConfigSchema, (config) => IngestModule.forRoot(config), (app, config) => {
  // JSON escapes and metadata add to the text; the text limit itself is checked with a clear message.
  (app as NestExpressApplication).useBodyParser('json', { limit: Math.ceil(config.MAX_PAGE_BYTES * 1.5) + 64 * 1024, verify: requireUtf8 });
});
