#!/usr/bin/env node
// Scores the tagger on a public NER set: character-per-line BIO (PER/LOC/ORG), strict spans per type.
//   ner-eval FILE [--json] [--examples N] [--limit N] [--nested]
// Bad input: exit 2 and one line on stderr.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { offlineTagger } from '../pipeline/offline-tagger.factory';
import { BioFormatError, readBio } from './bio.reader';
import { entitySpans } from './entity-spans';
import { formatNerReport } from './ner-eval.report';
import { outermostSpans, scoreNer, type ScoredSentence } from './ner.scorer';

const USAGE = 'usage: ner-eval FILE [--json] [--examples N] [--limit N] [--nested]';

class UsageError extends Error {}

function positiveInt(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value)) throw new UsageError(`--${name} must be a whole number, got ${JSON.stringify(value)}`);
  return Number(value);
}

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      json: { type: 'boolean' },
      examples: { type: 'string' },
      limit: { type: 'string' },
      nested: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? `missing FILE (${USAGE})` : `expected one FILE (${USAGE})`);
  const examples = positiveInt('examples', values.examples, 12);
  const limit = positiveInt('limit', values.limit, Number.POSITIVE_INFINITY);
  let content: string;
  try {
    content = readFileSync(positionals[0], 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${positionals[0]}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const sentences = readBio(content).slice(0, limit);
  if (sentences.length === 0) throw new UsageError(`${positionals[0]} has no sentences`);

  const tagger = await offlineTagger();
  const started = performance.now();
  // All sentences at once: the model batches sentences of the same length (LEXICAL_MODEL=false: the rules alone).
  const tagged = await tagger.tagTextsAsync(sentences.map((s) => s.text));
  const scored: ScoredSentence[] = sentences.map((sentence, k) => {
    const spans = entitySpans(tagged[k]);
    return { text: sentence.text, gold: sentence.spans, predicted: values.nested ? spans : outermostSpans(spans) };
  });
  const seconds = (performance.now() - started) / 1000;
  const chars = sentences.reduce((sum, s) => sum + s.text.length, 0);
  const score = scoreNer(scored);
  if (values.json) {
    const errors = score.errors.map((error) => ({ ...error, line: sentences[error.sentence].line }));
    process.stdout.write(`${JSON.stringify({ file: positionals[0], seconds, chars, ...score, errors }, null, 2)}\n`);
  } else {
    process.stdout.write(`${formatNerReport(positionals[0], score, examples, seconds, chars)}\n`);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const badInput = error instanceof UsageError || error instanceof BioFormatError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS') === true;
  process.stderr.write(`ner-eval: ${(error as Error).message.split('\n')[0]}\n`);
  process.exitCode = badInput ? 2 : 1;
});
