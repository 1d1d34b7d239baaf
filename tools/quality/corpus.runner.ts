// Runs the offline pipeline over every page of a folder that has a gold file beside it
// (NAME.txt + NAME.gold.json) and scores each. The page identity comes from the gold file.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Tagger } from '@baoxun/entity-tagger/article.tagger';
import { type OfflinePage, runOfflinePipeline, runOfflinePipelineRules, UNKNOWN_SOURCE } from '../pipeline/offline.pipeline';
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

/**
 * Scores the pages of `dir` whose file name matches `include` (default: every NAME.txt with a NAME.gold.json), tagged
 * by `tagger` (offlineTagger(): the enricher's, model included).
 */
export async function scoreCorpusWith(dir: string, tagger: Tagger, include: (name: string) => boolean = () => true): Promise<CorpusScore> {
  const { names, read } = corpusPages(dir, include);
  const preds = new Map<string, OfflinePage>();
  for (const name of names) preds.set(name, await runOfflinePipeline(read(name).text, read(name).ref, tagger));
  return scoreAll(names, read, (name) => preds.get(name) as OfflinePage);
}

/** The same with the rules alone, synchronously (the parser's structure checks, where entities do not count). */
export function scoreCorpus(dir: string, include: (name: string) => boolean = () => true): CorpusScore {
  const { names, read } = corpusPages(dir, include);
  return scoreAll(names, read, (name) => runOfflinePipelineRules(read(name).text, read(name).ref));
}

type PageReader = (name: string) => { text: string; goldJson: unknown; ref: { source: string; date: string | null; page: string | null } };

function corpusPages(dir: string, include: (name: string) => boolean): { names: string[]; read: PageReader } {
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
  const read: PageReader = (name) => {
    const goldJson: unknown = JSON.parse(readFileSync(join(dir, `${name}.gold.json`), 'utf8'));
    const gold = parseOrExplain(GoldPageSchema, goldJson, `${name}.gold.json`);
    const ref = { source: gold.page?.source ?? UNKNOWN_SOURCE, date: gold.page?.date ?? null, page: gold.page?.page ?? null };
    return { text: readFileSync(join(dir, `${name}.txt`), 'utf8'), goldJson, ref };
  };
  return { names, read };
}

function scoreAll(names: string[], read: PageReader, predict: (name: string) => OfflinePage): CorpusScore {
  const pages = names.map((name) => ({ name, ...scorePage(predict(name), read(name).goldJson) }));
  const passed = pages.reduce((sum, page) => sum + page.structure.passed, 0);
  const total = pages.reduce((sum, page) => sum + page.structure.total, 0);
  return { pages, structure: { passed, total, score: total === 0 ? 1 : passed / total } };
}
