// Scores one predicted page against its gold: structure always, entities when the gold has them.
import { matchArticles } from './article.matcher';
import { scoreEntities, type EntityScore } from './entity.scorer';
import { GoldPageSchema, parseOrExplain, PredPageSchema } from './score.schemas';
import { scoreStructure, type StructureScore } from './structure.scorer';

export interface PageScore {
  structure: StructureScore;
  entities: EntityScore | null;
}

/** pred is the pipeline CLI's output, gold a gold file; both as parsed JSON. Throws with a clear message if malformed. */
export function scorePage(predJson: unknown, goldJson: unknown): PageScore {
  const pred = parseOrExplain(PredPageSchema, predJson, 'prediction');
  const gold = parseOrExplain(GoldPageSchema, goldJson, 'gold');
  const pairs = matchArticles(gold.articles, pred.articles);
  return {
    structure: scoreStructure(gold.articles, pred.articles, pairs),
    entities: scoreEntities(gold.articles, pred.articles, pairs),
  };
}
