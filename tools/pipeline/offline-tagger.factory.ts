import type { Tagger } from '@baoxun/entity-tagger/article.tagger';
import { createModelTagger } from '@baoxun/entity-tagger/model/model-tagger.factory';
import { loadConfig } from '@baoxun/shared/config/config.loader';
import { EnricherConfigSchema } from '@baoxun/shared/config/enricher.config';

const OfflineTaggerSchema = EnricherConfigSchema.pick({ LEXICAL_MODEL: true, LEXICAL_MODEL_DIR: true, CAMPAIGN_DICTIONARY_PATH: true, PEOPLE_DICTIONARY_PATH: true });

let shared: Promise<Tagger> | null = null;

/**
 * The tagger the enricher runs, for the offline tools (pipeline, score, ner-eval, bench): the same settings
 * (LEXICAL_MODEL, LEXICAL_MODEL_DIR, the dictionaries) from the environment, loaded once per process.
 */
export function offlineTagger(env: NodeJS.ProcessEnv = process.env): Promise<Tagger> {
  return (shared ??= (async () => {
    const config = loadConfig(OfflineTaggerSchema, env);
    return createModelTagger(
      { campaignDictionaryPath: config.CAMPAIGN_DICTIONARY_PATH, peopleDictionaryPath: config.PEOPLE_DICTIONARY_PATH },
      { enabled: config.LEXICAL_MODEL, dir: config.LEXICAL_MODEL_DIR },
    );
  })());
}
