// Runs the offline pipeline over every page of a folder that has a gold file beside it
// (NAME.txt + NAME.gold.json) and scores each. The page identity comes from the gold file.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runOfflinePipeline, UNKNOWN_SOURCE } from '../pipeline/offline.pipeline';
import { scorePage, type PageScore } from './page.scorer';
import { GoldPageSchema, parseOrExplain, ScoreInputError } from './score.schemas';

export interface CorpusPageScore extends PageScore {
  name: string;
}

export interface CorpusScore {
  pages: CorpusPageScore[];
  /** Structure checks summed over all pages. */
  structure: { passed: number; total: number; score: number };
}

/** Scores the pages of `dir` whose file name matches `include` (default: every NAME.txt with a NAME.gold.json). */
export function scoreCorpus(dir: string, include: (name: string) => boolean = () => true): CorpusScore {
  let listing: string[];
  try {
    listing = readdirSync(dir);
  } catch (error) {
    throw new ScoreInputError(`cannot read ${dir}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const files = new Set(listing);
  const names = [...files]
    .filter((file) => file.endsWith('.txt') && files.has(file.replace(/\.txt$/u, '.gold.json')))
    .map((file) => file.replace(/\.txt$/u, ''))
    .filter(include)
    .sort();
  const pages = names.map((name) => {
    const goldJson: unknown = JSON.parse(readFileSync(join(dir, `${name}.gold.json`), 'utf8'));
    const gold = parseOrExplain(GoldPageSchema, goldJson, `${name}.gold.json`);
    const ref = { source: gold.page?.source ?? UNKNOWN_SOURCE, date: gold.page?.date ?? null, page: gold.page?.page ?? null };
    const pred = runOfflinePipeline(readFileSync(join(dir, `${name}.txt`), 'utf8'), ref);
    return { name, ...scorePage(pred, goldJson) };
  });
  const passed = pages.reduce((sum, page) => sum + page.structure.passed, 0);
  const total = pages.reduce((sum, page) => sum + page.structure.total, 0);
  return { pages, structure: { passed, total, score: total === 0 ? 1 : passed / total } };
}
