import { z } from 'zod';
import { intSetting } from './config.loader';
import { serviceSettings } from './service.config';

export const ParserConfigSchema = z.object({ ...serviceSettings, HTTP_PORT: intSetting(3002, { min: 0, max: 65535 }) });
export type ParserConfig = z.infer<typeof ParserConfigSchema>;
