import { z } from 'zod';
import { intSetting } from './config.loader';
import { serviceSettings } from './service.config';

export const EnricherConfigSchema = z.object({
  ...serviceSettings,
  HTTP_PORT: intSetting(3003, { min: 0, max: 65535 }),
  /** Operators' own campaign terms, one per line; reloaded when the file changes. */
  CAMPAIGN_DICTIONARY_PATH: z.string().optional(),
  /** Operators' known people (one per line, `= printed forms`, `-name` to switch off); reloaded when the file changes. */
  PEOPLE_DICTIONARY_PATH: z.string().optional(),
});
export type EnricherConfig = z.infer<typeof EnricherConfigSchema>;
