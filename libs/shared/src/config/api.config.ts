import { z } from 'zod';
import { booleanSetting, intSetting } from './config.loader';
import { apiKeySettings, serviceSettings } from './service.config';

/** A comma-separated list setting; empty items are dropped. */
const listSetting = () =>
  z
    .string()
    .optional()
    .transform((value) => (value ?? '').split(',').map((item) => item.trim()).filter(Boolean));

export const ApiConfigSchema = z.object({
  ...serviceSettings,
  ...apiKeySettings,
  /** Reads (GET /v1/articles, /v1/pages) need the API key too; otherwise they are public. */
  READS_REQUIRE_API_KEY: booleanSetting(false),
  HTTP_PORT: intSetting(3000, { min: 0, max: 65535 }),
  MONGO_URL: z
    .string()
    .default('mongodb://127.0.0.1:27017/baoxun')
    .refine((value) => /^mongodb(\+srv)?:\/\/[^\s]+$/.test(value), 'must be a mongodb:// or mongodb+srv:// URL'),
  /** Largest page of results a client may ask for. */
  MAX_PAGE_SIZE: intSetting(100, { min: 1, max: 1000 }),
  /** Origins allowed to call the api from a browser, comma separated, or "*". Unset: no CORS headers. */
  CORS_ORIGINS: listSetting(),
  /** Requests per minute per client IP on /v1; 0 turns rate limiting off. */
  RATE_LIMIT_PER_MINUTE: intSetting(1200, { min: 0, max: 10_000_000 }),
  /** Proxy hops in front of the api whose X-Forwarded-For is trusted (the client IP rate limiting keys on). */
  TRUST_PROXY_HOPS: intSetting(0, { min: 0, max: 10 }),
  /** Cache-Control max-age of reads, in seconds. */
  CACHE_MAX_AGE_SECONDS: intSetting(30, { min: 0, max: 86_400 }),
  /** Largest request body accepted on public routes, in bytes. */
  MAX_BODY_BYTES: intSetting(16_384, { min: 1_024, max: 8_388_608 }),
  /** Largest request body on /v1/admin (a corrected dead-letter payload may carry a whole page). */
  ADMIN_MAX_BODY_BYTES: intSetting(8_388_608, { min: 1_024, max: 67_108_864 }),
  /** Facets count the newest this many matching articles. */
  FACET_SAMPLE_SIZE: intSetting(5_000, { min: 100, max: 1_000_000 }),
  /** sort=relevance ranks the newest this many matches of q. */
  RELEVANCE_WINDOW: intSetting(500, { min: 50, max: 10_000 }),
  /** Longest a read query may run in the store before the request fails with 503. */
  QUERY_TIMEOUT_MS: intSetting(5_000, { min: 100, max: 120_000 }),
  /** The reader's build (apps/web) to serve under /; unset: dist/apps/web beside the api. */
  WEB_DIR: z.string().min(1).optional(),
});
export type ApiConfig = z.infer<typeof ApiConfigSchema>;
