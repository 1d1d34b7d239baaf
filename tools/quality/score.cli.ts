#!/usr/bin/env node
// Scores the pipeline's output against gold.
//   score PRED.json GOLD.json [--json]       one page (PRED is `pipeline` output)
//   score --corpus DIR [--json] [--verbose]  every NAME.txt with a NAME.gold.json in DIR, run in-process
// Bad input: exit 2 and one line on stderr; a failure inside the pipeline or scorer: exit 1.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { offlineTagger } from '../pipeline/offline-tagger.factory';
import { scoreCorpusWith } from './corpus.runner';
import { scorePage } from './page.scorer';
import { ScoreInputError } from './score.schemas';
import { formatCorpusScore, formatPageScore } from './score.report';

const USAGE = 'usage: score PRED.json GOLD.json [--json] | score --corpus DIR [--json] [--verbose]';

function readJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ScoreInputError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ScoreInputError(`${file} is not JSON: ${(error as Error).message}`);
  }
}

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: { json: { type: 'boolean' }, corpus: { type: 'string' }, verbose: { type: 'boolean', short: 'v' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (values.corpus !== undefined) {
    if (positionals.length > 0) throw new ScoreInputError(`--corpus takes no files (${USAGE})`);
    const corpus = await scoreCorpusWith(values.corpus, await offlineTagger());
    if (corpus.pages.length === 0) throw new ScoreInputError(`no NAME.txt with NAME.gold.json in ${values.corpus}`);
    process.stdout.write(values.json ? `${JSON.stringify(corpus, null, 2)}\n` : `${formatCorpusScore(corpus, values.verbose)}\n`);
    return;
  }
  if (positionals.length !== 2) throw new ScoreInputError(`expected PRED.json and GOLD.json (${USAGE})`);
  const score = scorePage(readJson(positionals[0]), readJson(positionals[1]));
  process.stdout.write(values.json ? `${JSON.stringify(score, null, 2)}\n` : `${formatPageScore(score)}\n`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const badInput = error instanceof ScoreInputError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS') === true;
  process.stderr.write(`score: ${(error as Error).message.split('\n')[0]}\n`);
  process.exitCode = badInput ? 2 : 1;
});
