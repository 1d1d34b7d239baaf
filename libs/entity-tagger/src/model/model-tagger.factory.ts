import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { entityProposer, LAC_MODEL_NAME } from '@baoxun/lexical-analyzer/entity.proposer';
import { LAC_MODEL_FILES, LexicalAnalyzer } from '@baoxun/lexical-analyzer/lexical.analyzer';
import { createTagger, type Tagger, TAGGER_VERSION, type TaggerOptions } from '../article.tagger';

/** The tagger's version with the model on (the enricher's default): what enriched documents record then. */
export const MODEL_TAGGER_VERSION = `${TAGGER_VERSION}+${LAC_MODEL_NAME}`;

export interface ModelSettings {
  /** false: the rules alone (LEXICAL_MODEL=false). */
  enabled: boolean;
  /** The model's files (LEXICAL_MODEL_DIR). */
  dir: string;
}

/**
 * The tagger with the LAC model beside the rules, loaded once (≈0.3 s); with `enabled: false`, the rules alone.
 * A missing model file stops here with a message that says how to get it.
 */
export async function createModelTagger(options: TaggerOptions, model: ModelSettings): Promise<Tagger> {
  if (!model.enabled) return createTagger(options);
  const missing = LAC_MODEL_FILES.filter((f) => !existsSync(join(model.dir, f)));
  if (missing.length) {
    throw new Error(
      `the sequence model is missing in ${model.dir} (${missing.join(', ')}): run \`node tools/bootstrap.mjs\` to fetch it, point LEXICAL_MODEL_DIR at it, or set LEXICAL_MODEL=false for the rules alone`,
    );
  }
  const analyzer = await LexicalAnalyzer.load(model.dir);
  return createTagger(options, { proposer: entityProposer(analyzer), name: LAC_MODEL_NAME, timings: analyzer.timings });
}
