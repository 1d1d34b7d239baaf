import { z } from 'zod';
import { intSetting } from './config.loader';
import { serviceSettings } from './service.config';

export const ApiConfigSchema = z.object({
  ...serviceSettings,
  HTTP_PORT: intSetting(3000, { min: 0, max: 65535 }),
  MONGO_URL: z
    .string()
    .default('mongodb://127.0.0.1:27017/baoxun')
    .refine((value) => /^mongodb(\+srv)?:\/\/[^\s]+$/.test(value), 'must be a mongodb:// or mongodb+srv:// URL'),
  /** Largest page of results a client may ask for. */
  MAX_PAGE_SIZE: intSetting(100, { min: 1, max: 1000 }),
});
export type ApiConfig = z.infer<typeof ApiConfigSchema>;
