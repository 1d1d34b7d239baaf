import { createReadStream, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { connect } from 'nats';
import { generatePage } from '../bench/corpus/page.generator';
import { ConsumerLagMonitor } from '../bench/e2e/consumer-lag.monitor';
import { type LoaderPage, publishPages } from './page.loader';

const USAGE = `npm run load -- (--generate N | --manifest FILE.jsonl) [options]

Fills the store through the api's own write path: each page is parsed and tagged here (the real parser and
tagger), and the messages the parser and enricher would publish go straight into JetStream for the running
api to store (idempotent: loading a page twice stores it once). Progress goes to stderr.

  --generate N        N generated pages (the bench corpus; about 11 articles each)
  --seed N            corpus seed for --generate (default 20240223)
  --source NAME       paper name for --generate (default: the generated paper's own)
  --manifest FILE     an archive: one JSON object per line, {"source","date":"YYYY-MM-DD","page":"01","file":"PATH"}
                      (PATH relative to the manifest) or with "text" instead of "file"
  --nats URL          broker (default: NATS_URL, else nats://127.0.0.1:4222; NATS_USER/NATS_PASSWORD apply)
  --window N          publishes in flight (default 256)
  --no-wait           return once JetStream has the messages, without waiting for the api to store them
  --stall-seconds N   give up when the api stores nothing for this long (default 180)
  -h, --help          this text

Run it against a stack whose parser and enricher are stopped (or an api-only stack): running ones would see
pages.received too and redo the pages (harmless, only slower).
`;

async function* manifestPages(file: string): AsyncGenerator<LoaderPage> {
  const base = dirname(resolve(file));
  let line = 0;
  for await (const raw of createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity })) {
    line++;
    if (!raw.trim()) continue;
    const entry = JSON.parse(raw) as Partial<LoaderPage & { file: string }>;
    if (!entry.source || !/^\d{4}-\d{2}-\d{2}$/.test(entry.date ?? '') || !entry.page) throw new Error(`${file}:${line}: needs source, date (YYYY-MM-DD) and page`);
    const text = entry.text ?? (entry.file ? readFileSync(resolve(base, entry.file), 'utf8') : null);
    if (text === null) throw new Error(`${file}:${line}: needs "file" or "text"`);
    yield { source: entry.source, date: entry.date as string, page: entry.page, text };
  }
}

function* generatedPages(count: number, seed: number, source?: string): Generator<LoaderPage> {
  for (let i = 0; i < count; i++) {
    const page = generatePage(seed, i);
    yield { source: source ?? page.source, date: page.date, page: page.page, text: page.text };
  }
}

const log = (line: string) => process.stderr.write(`[load] ${line}\n`);

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      generate: { type: 'string' },
      seed: { type: 'string', default: '20240223' },
      source: { type: 'string' },
      manifest: { type: 'string' },
      nats: { type: 'string', default: process.env.NATS_URL ?? 'nats://127.0.0.1:4222' },
      window: { type: 'string', default: '256' },
      'no-wait': { type: 'boolean', default: false },
      'stall-seconds': { type: 'string', default: '180' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return void process.stdout.write(USAGE);
  const count = values.generate !== undefined ? Number(values.generate) : null;
  if ((count === null) === !values.manifest || (count !== null && !(Number.isInteger(count) && count > 0))) throw new Error(`give --generate N (a positive number) or --manifest FILE\n\n${USAGE}`);
  const connection = await connect({ servers: values.nats.split(','), name: 'baoxun-loader', user: process.env.NATS_USER, pass: process.env.NATS_PASSWORD });
  try {
    const pages = count !== null ? generatedPages(count, Number(values.seed), values.source) : manifestPages(values.manifest as string);
    const published = await publishPages(connection.jetstream(), pages, {
      window: Number(values.window),
      onProgress: (p) => log(`${p.pages} pages published (${p.articles} articles), ${(p.pages / Math.max(p.seconds, 0.001)).toFixed(0)} pages/s`),
    });
    if (values['no-wait']) return;
    await waitStored(connection, published.articles, Number(values['stall-seconds']));
  } finally {
    await connection.close();
  }
}

/** Until the api's consumers have nothing left, with its rate; fails when nothing moves for stallSeconds. */
async function waitStored(connection: Awaited<ReturnType<typeof connect>>, articles: number, stallSeconds: number): Promise<void> {
  const monitor = new ConsumerLagMonitor(await connection.jetstreamManager(), ['BAOXUN_PAGES', 'BAOXUN_ARTICLES']);
  const started = Date.now();
  let last = -1;
  let lastChange = Date.now();
  let lastLog = 0;
  for (;;) {
    const point = await monitor.sample();
    const left = point ? Object.entries(point.lag).filter(([name]) => name.startsWith('api')).reduce((sum, [, lag]) => sum + lag, 0) : -1;
    if (left === 0) {
      log(`the api has stored everything (${articles} articles published) in ${((Date.now() - started) / 1000).toFixed(0)} s after publishing`);
      return;
    }
    if (left !== last) {
      last = left;
      lastChange = Date.now();
    }
    if (Date.now() - lastLog > 5_000 && left >= 0) {
      lastLog = Date.now();
      const seconds = monitor.projectedSecondsLeft(20_000);
      log(`the api has ${left} messages still to store${seconds !== null && Number.isFinite(seconds) ? `, about ${seconds.toFixed(0)} s left` : ''}`);
    }
    if (Date.now() - lastChange > stallSeconds * 1000) throw new Error(`the api stored nothing for ${stallSeconds} s (${left} messages waiting); is it running?`);
    await new Promise((done) => setTimeout(done, 1_000));
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
});
