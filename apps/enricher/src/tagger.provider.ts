import type { Provider } from '@nestjs/common';
import type { EnricherConfig } from '@baoxun/shared/config/enricher.config';
import { createTagger } from '@baoxun/entity-tagger/article.tagger';

export const TAGGER = Symbol('TAGGER');

/** One tagger per process, with the operators' campaign and people dictionaries; dictionaries load before the first message. */
export const taggerProvider = (config: EnricherConfig): Provider => ({
  provide: TAGGER,
  useFactory: () => {
    const tagger = createTagger({ campaignDictionaryPath: config.CAMPAIGN_DICTIONARY_PATH, peopleDictionaryPath: config.PEOPLE_DICTIONARY_PATH });
    tagger.tagText('市委书记在湘江边调研');
    return tagger;
  },
});
