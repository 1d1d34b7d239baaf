import { Logger, type Provider } from '@nestjs/common';
import type { EnricherConfig } from '@baoxun/shared/config/enricher.config';
import { createModelTagger } from '@baoxun/entity-tagger/model/model-tagger.factory';

export const TAGGER = Symbol('TAGGER');

/**
 * One tagger per process, with the operators' campaign and people dictionaries and (LEXICAL_MODEL, default on) the
 * LAC sequence model from LEXICAL_MODEL_DIR; dictionaries and model load before the first message.
 */
export const taggerProvider = (config: EnricherConfig): Provider => ({
  provide: TAGGER,
  useFactory: async () => {
    const tagger = await createModelTagger(
      { campaignDictionaryPath: config.CAMPAIGN_DICTIONARY_PATH, peopleDictionaryPath: config.PEOPLE_DICTIONARY_PATH },
      { enabled: config.LEXICAL_MODEL, dir: config.LEXICAL_MODEL_DIR },
    );
    await tagger.tagTextsAsync(['市委书记在湘江边调研']);
    new Logger('Tagger').log(config.LEXICAL_MODEL ? `${tagger.version}: rules and the sequence model from ${config.LEXICAL_MODEL_DIR}` : `${tagger.version}: rules alone (LEXICAL_MODEL=false)`);
    return tagger;
  },
});
