import { z } from 'zod';
import { intSetting } from './config.loader';
import { apiKeySettings, serviceSettings } from './service.config';

export const IngestConfigSchema = z.object({
  ...serviceSettings,
  ...apiKeySettings,
  HTTP_PORT: intSetting(3001, { min: 0, max: 65535 }),
  /** Largest page text accepted, in UTF-8 bytes; must stay below the broker's max_payload. */
  MAX_PAGE_BYTES: intSetting(4 * 1024 * 1024, { min: 1024, max: 64 * 1024 * 1024 }),
});
export type IngestConfig = z.infer<typeof IngestConfigSchema>;
