import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { connect } from 'nats';
import { findRepoRoot } from '../infra/repo-root.util';
import { startInfra } from '../infra/infra.service';
import { startLocalStack } from '../local-stack/local-stack';
import { launchBrowser } from './browser';
import { loadReaderFixture, makeDeadLetter } from './reader-fixture';

// `npm run screenshots`: a throwaway stack (its own NATS and store) with the sample page and the corpus, the reader
// opened in Debian's chromium at desktop and phone width, each view saved as docs/reader-<view>-<width>.png.
// Also prints the bundle's size (gzip -9) and its first load on the sample in a cold browser (performance timing,
// median of 5). --serve keeps the stack up to look at instead; --measure-only skips the screenshots.

const say = (line: string) => process.stdout.write(`[screenshots] ${line}\n`);

/** The built bundle's files, raw and gzip -9, as a server sending them compressed would. */
function bundleSize(root: string): string {
  const dir = join(root, 'dist', 'apps', 'web');
  const files = ['index.html', ...readdirSync(join(dir, 'assets')).map((name) => join('assets', name))];
  let raw = 0;
  let gzip = 0;
  const parts = files.map((file) => {
    const bytes = readFileSync(join(dir, file));
    const zipped = gzipSync(bytes, { level: 9 }).length;
    raw += bytes.length;
    gzip += zipped;
    return `${file} ${(bytes.length / 1024).toFixed(1)} kB (gzip ${(zipped / 1024).toFixed(1)} kB)`;
  });
  return `bundle: ${(raw / 1024).toFixed(1)} kB, gzip ${(gzip / 1024).toFixed(1)} kB: ${parts.join('; ')}`;
}

async function firstArticleId(apiUrl: string, pageId: string): Promise<string> {
  const list = (await (await fetch(`${apiUrl}/v1/articles?pageId=${pageId}&sort=date&limit=100`)).json()) as { items: Array<{ id: string; headline: string }> };
  return (list.items.find((item) => item.headline.includes('两个年')) ?? list.items[0]).id;
}

/**
 * A cold first load (new browser, empty cache) of one address, five times: the navigation's DOMContentLoaded and
 * load, and when the view's content (selector) was in the page, all from the navigation's start; medians.
 */
async function firstLoad(url: string, selector: string): Promise<string> {
  const runs: Array<{ dcl: number; load: number; content: number }> = [];
  for (let run = 0; run < 5; run++) {
    const browser = await launchBrowser();
    try {
      const page = await browser.context.newPage();
      await page.goto(url);
      await page.waitForSelector(selector);
      const content = (await page.evaluate('performance.now()')) as number;
      await page.waitForLoadState('load');
      const timing = (await page.evaluate("(() => { const n = performance.getEntriesByType('navigation')[0]; return { dcl: n.domContentLoadedEventEnd, load: n.loadEventEnd }; })()")) as { dcl: number; load: number };
      runs.push({ ...timing, content });
    } finally {
      await browser.close();
    }
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  return `DOMContentLoaded ${median(runs.map((r) => r.dcl)).toFixed(0)} ms, load ${median(runs.map((r) => r.load)).toFixed(0)} ms, content shown ${median(runs.map((r) => r.content)).toFixed(0)} ms (median of ${runs.length} cold loads)`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { serve: { type: 'boolean', default: false }, 'measure-only': { type: 'boolean', default: false }, out: { type: 'string' } } });
  const root = findRepoRoot();
  const out = values.out ?? join(root, 'docs');
  mkdirSync(out, { recursive: true });
  const apiKey = randomBytes(24).toString('hex');
  say('starting NATS, the store and the services…');
  const infra = await startInfra({ log: () => undefined });
  // Whatever fails after the servers start, they are stopped: nothing is left running.
  let stack: Awaited<ReturnType<typeof startLocalStack>> | undefined;
  let nats: Awaited<ReturnType<typeof connect>>;
  try {
    stack = await startLocalStack({ natsUrl: infra.natsUrl, mongoUrl: infra.mongoUrl, logDir: mkdtempSync(join(tmpdir(), 'baoxun-screenshots-')), env: { API_KEY: apiKey, RATE_LIMIT_PER_MINUTE: '0' } });
    nats = await connect({ servers: infra.natsUrl, name: 'baoxun-screenshots' });
  } catch (error) {
    await stack?.stop();
    await infra.stop();
    throw error;
  }
  const stop = async () => {
    await nats.close();
    await stack?.stop();
    await infra.stop();
  };
  try {
    say('feeding the sample page and the corpus…');
    const fixture = await loadReaderFixture(nats, stack.apiUrl, root);
    await makeDeadLetter(nats, stack.apiUrl, apiKey, 'screenshot-example');
    if (values.serve) {
      say(`reader at ${stack.apiUrl}/  (API key ${apiKey}); Ctrl-C stops`);
      await new Promise<void>((resolve) => process.once('SIGINT', () => resolve()));
      return;
    }
    say(bundleSize(root));
    for (const [name, path, selector] of [
      ['search (the sample)', `/?source=${encodeURIComponent(fixture.sample.source)}`, '.result'],
      ['article (the sample)', `/articles/${await firstArticleId(stack.apiUrl, fixture.sample.pageId)}`, '.body a.mark'],
    ] as const) {
      say(`first load, ${name}: ${await firstLoad(`${stack.apiUrl}${path}`, selector)}`);
    }
    if (values['measure-only']) return;
    const articleId = await firstArticleId(stack.apiUrl, fixture.sample.pageId);
    const views: Array<{ name: string; path: string; operator?: boolean }> = [
      { name: 'search', path: `/?q=${encodeURIComponent('发展')}` },
      { name: 'article', path: `/articles/${articleId}` },
      { name: 'page', path: `/pages/${fixture.sample.pageId}` },
      { name: 'entity', path: '/entities/place/430200' },
      { name: 'operator', path: '/operator', operator: true },
    ];
    for (const [width, height, label] of [
      [1280, 900, 'desktop'],
      [390, 844, 'phone'],
    ] as const) {
      const browser = await launchBrowser({ width, height });
      try {
        const page = await browser.context.newPage();
        for (const view of views) {
          await page.goto(`${stack.apiUrl}${view.path}`);
          if (view.operator) {
            await page.fill('#api-key', apiKey);
            await page.click('.key-form button[type=submit]');
            await page.waitForSelector('tr[data-seq]');
          }
          await page.waitForSelector('main:not(:has(.loading))');
          await page.waitForLoadState('networkidle');
          const file = join(out, `reader-${view.name}-${label}.png`);
          await page.screenshot({ path: file });
          say(`wrote ${file}`);
        }
      } finally {
        await browser.close();
      }
    }
  } finally {
    await stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`[screenshots] failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
