import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { AdminClient, type DeadLetterItem, type ReprocessProgress } from './admin-client';

// The operators' CLI for dead letters and reprocessing, over the api's /v1/admin routes.

const USAGE = `usage: npm run dlq -- <command> [options]

dead letters (kept 30 days on dlq.<stage>):
  counts                                   letters per stage
  list [--stage S] [--after SEQ] [--limit N]   oldest first; --after pages on
  show SEQ                                 reason, headers and the original payload
  replay SEQ [--payload FILE.json]         publish it back onto its subject, as it was or corrected
  replay-all [--stage S] [--reason TEXT] [--limit N]
  discard SEQ                              remove a letter you have dealt with

reprocessing (re-run parse and enrich for stored pages):
  reprocess --all | --source S [--from YYYY-MM-DD] [--to YYYY-MM-DD] | --not-version V   [--wait]
  reprocess-status ID [--wait]
  versions                                 stored articles per pipeline version

options: --api URL (default $BAOXUN_API_URL or http://127.0.0.1:3000), --json (raw output)
the API key comes from $API_KEY`;

const out = (line: string) => process.stdout.write(`${line}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function describe(letter: DeadLetterItem): string {
  const preview = (letter.payloadPreview ?? `(${letter.payloadBytes} bytes, not UTF-8)`).replace(/\s+/g, ' ').slice(0, 80);
  return `#${letter.seq}  ${letter.stage.padEnd(8)} ${letter.subject.padEnd(18)} ${letter.failedAt}  deliveries ${letter.deliveries}\n    reason: ${letter.reason}\n    payload: ${preview}`;
}

function progressLine(progress: ReprocessProgress): string {
  const percent = progress.total === 0 ? 100 : Math.floor((100 * progress.pagesReprocessed) / progress.total);
  return `${progress.id}  ${progress.status}  published ${progress.published}/${progress.total}  reprocessed ${progress.pagesReprocessed}/${progress.total} pages (${percent}%), ${progress.articlesRewritten} articles${progress.error ? `  error: ${progress.error}` : ''}`;
}

/** Follows a run until every page is reprocessed, or until nothing moves for `idleMs` (pages the parser now rejects are dead-lettered). */
async function follow(client: AdminClient, id: string, json: boolean, idleMs = 60_000): Promise<ReprocessProgress> {
  let last = '';
  let lastChange = Date.now();
  for (;;) {
    const progress = await client.reprocess(id);
    const line = progressLine(progress);
    if (line !== last) {
      if (!json) out(line);
      last = line;
      lastChange = Date.now();
    }
    if (progress.done || progress.status === 'failed') return progress;
    if (Date.now() - lastChange > idleMs) {
      if (!json) out(`no progress for ${idleMs / 1000} s; pages not reprocessed may be on dlq.parser (npm run dlq -- list --stage parser)`);
      return progress;
    }
    await sleep(1_000);
  }
}

export async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      api: { type: 'string' },
      json: { type: 'boolean', default: false },
      stage: { type: 'string' },
      after: { type: 'string' },
      limit: { type: 'string' },
      payload: { type: 'string' },
      reason: { type: 'string' },
      all: { type: 'boolean', default: false },
      source: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      'not-version': { type: 'string' },
      wait: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [command, argument] = positionals;
  if (values.help || !command) {
    out(USAGE);
    return command ? 0 : 2;
  }
  const client = new AdminClient(values.api ?? process.env.BAOXUN_API_URL ?? 'http://127.0.0.1:3000', process.env.API_KEY);
  const print = (value: unknown, text: () => string) => out(values.json ? JSON.stringify(value, null, 2) : text());
  const seq = () => {
    if (!argument || !/^\d+$/.test(argument)) throw new Error(`${command} needs a dead-letter sequence number`);
    return Number(argument);
  };
  const limit = values.limit === undefined ? undefined : Number(values.limit);

  switch (command) {
    case 'counts': {
      const counts = await client.counts();
      print(counts, () => (Object.keys(counts).length === 0 ? 'no dead letters' : Object.entries(counts).map(([stage, count]) => `${stage.padEnd(10)} ${count}`).join('\n')));
      return 0;
    }
    case 'list': {
      const page = await client.list({
        ...(values.stage ? { stage: values.stage } : {}),
        ...(values.after ? { after: Number(values.after) } : {}),
        ...(limit !== undefined ? { limit } : {}),
      });
      print(page, () => [`${page.total} dead letter(s)${values.stage ? ` on dlq.${values.stage}` : ''}`, ...page.items.map(describe), ...(page.nextAfter === null ? [] : [`more: --after ${page.nextAfter}`])].join('\n'));
      return 0;
    }
    case 'show': {
      const letter = await client.letter(seq());
      print(letter, () =>
        [
          describe(letter),
          `    headers: ${JSON.stringify(letter.headers)}`,
          letter.payloadJson !== null ? JSON.stringify(letter.payloadJson, null, 2) : (letter.payloadText ?? `base64: ${letter.payloadBase64}`),
        ].join('\n'),
      );
      return 0;
    }
    case 'replay': {
      const result = await client.replay(seq(), values.payload ? JSON.parse(readFileSync(values.payload, 'utf8')) : undefined);
      print(result, () => `replayed #${result.seq} onto ${result.subject} (stream sequence ${result.publishedSeq})`);
      return 0;
    }
    case 'replay-all': {
      const result = await client.replayMany({
        ...(values.stage ? { stage: values.stage } : {}),
        ...(values.reason ? { reasonContains: values.reason } : {}),
        ...(limit !== undefined ? { limit } : {}),
      });
      print(result, () => [`replayed ${result.replayed.length}`, ...result.failed.map((failure) => `failed #${failure.seq}: ${failure.error}`)].join('\n'));
      return result.failed.length > 0 ? 1 : 0;
    }
    case 'discard': {
      const result = await client.discard(seq());
      print(result, () => `discarded #${result.seq}`);
      return 0;
    }
    case 'reprocess': {
      const scope = values.all
        ? { all: true as const }
        : values.source
          ? { source: values.source, ...(values.from ? { from: values.from } : {}), ...(values.to ? { to: values.to } : {}) }
          : values['not-version']
            ? { notPipelineVersion: values['not-version'] }
            : null;
      if (!scope) throw new Error('reprocess needs --all, --source S [--from D --to D] or --not-version V');
      const started = await client.startReprocess(scope);
      if (!values.wait) {
        print(started, () => `${progressLine(started)}\nfollow it with: npm run dlq -- reprocess-status ${started.id} --wait`);
        return 0;
      }
      const finished = await follow(client, started.id, values.json);
      if (values.json) out(JSON.stringify(finished, null, 2));
      return finished.done ? 0 : 1;
    }
    case 'reprocess-status': {
      if (!argument) throw new Error('reprocess-status needs a run id');
      if (values.wait) {
        const finished = await follow(client, argument, values.json);
        if (values.json) out(JSON.stringify(finished, null, 2));
        return finished.done ? 0 : 1;
      }
      const progress = await client.reprocess(argument);
      print(progress, () => progressLine(progress));
      return 0;
    }
    case 'versions': {
      const versions = await client.pipelineVersions();
      print(versions, () => versions.map((row) => `${row.pipelineVersion.padEnd(40)} ${row.articles}`).join('\n') || 'no articles stored');
      return 0;
    }
    default:
      out(`unknown command ${command}\n\n${USAGE}`);
      return 2;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`dlq: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
