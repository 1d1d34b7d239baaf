#!/usr/bin/env node
// Offline dry run of a page: parser and enricher in-process, the enriched page as JSON on stdout.
//   pipeline FILE [--source NAME] [--date YYYY-MM-DD] [--page NN]
//   pipeline --text FILE      one JSON line per input line, with its entities
// Bad input: exit 2 and one line on stderr.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { EditionDateSchema, PageNumberSchema } from '@baoxun/shared/contracts/page.contract';
import { PageParseError } from '@baoxun/page-parser/page-parse.error';
import { offlineTagger } from './offline-tagger.factory';
import { runOfflinePipeline, tagLines, UNKNOWN_SOURCE, type OfflinePageRef } from './offline.pipeline';

const USAGE = 'usage: pipeline FILE [--source NAME] [--date YYYY-MM-DD] [--page NN] | pipeline --text FILE';

class UsageError extends Error {}

function readUtf8(file: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UsageError(`${file} is not valid UTF-8 text`);
  }
}

function pageRefOf(values: { source?: string; date?: string; page?: string }): OfflinePageRef {
  const source = values.source?.trim() ?? UNKNOWN_SOURCE;
  if (source === '' || source.length > 100) throw new UsageError('--source must be 1 to 100 characters');
  let date: string | null = null;
  if (values.date !== undefined) {
    const parsed = EditionDateSchema.safeParse(values.date);
    if (!parsed.success) throw new UsageError(`--date ${values.date}: ${parsed.error.issues[0].message}`);
    date = parsed.data;
  }
  let page: string | null = null;
  if (values.page !== undefined) {
    const parsed = PageNumberSchema.safeParse(values.page);
    if (!parsed.success) throw new UsageError(`--page ${values.page}: ${parsed.error.issues[0].message}`);
    page = parsed.data;
  }
  return { source, date, page };
}

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      source: { type: 'string' },
      date: { type: 'string' },
      page: { type: 'string' },
      text: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (values.text !== undefined) {
    if (positionals.length > 0 || values.source !== undefined || values.date !== undefined || values.page !== undefined) {
      throw new UsageError('--text takes only its FILE');
    }
    for (const result of await tagLines(readUtf8(values.text), await offlineTagger())) process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'missing FILE' : 'expected one FILE');
  const ref = pageRefOf(values);
  const output = await runOfflinePipeline(readUtf8(positionals[0]), ref, await offlineTagger());
  process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const known = error instanceof UsageError || error instanceof PageParseError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
  const message = (error as Error).message.split('\n')[0];
  process.stderr.write(`pipeline: ${message}${error instanceof UsageError && /missing|expected|--text/.test(message) ? ` (${USAGE})` : ''}\n`);
  process.exitCode = known ? 2 : 1;
});
