import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
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
// Also prints the bundle's first load on the sample (performance timing). --serve keeps the stack up to look at.

const say = (line: string) => process.stdout.write(`[screenshots] ${line}\n`);

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { serve: { type: 'boolean', default: false }, out: { type: 'string' } } });
  const root = findRepoRoot();
  const out = values.out ?? join(root, 'docs');
  mkdirSync(out, { recursive: true });
  const apiKey = randomBytes(24).toString('hex');
  say('starting NATS, the store and the services…');
  const infra = await startInfra({ log: () => undefined });
  const stack = await startLocalStack({ natsUrl: infra.natsUrl, mongoUrl: infra.mongoUrl, logDir: mkdtempSync(join(tmpdir(), 'baoxun-screenshots-')), env: { API_KEY: apiKey, RATE_LIMIT_PER_MINUTE: '0' } });
  const nats = await connect({ servers: infra.natsUrl, name: 'baoxun-screenshots' });
  const stop = async () => {
    await nats.close();
    await stack.stop();
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
    const person = ((await (await fetch(`${stack.apiUrl}/v1/articles?pageId=${fixture.sample.pageId}&limit=100`)).json()) as { items: Array<{ id: string; headline: string }> }).items;
    const article = person.find((item) => item.headline.includes('两个年')) ?? person[0];
    const views: Array<{ name: string; path: string; operator?: boolean }> = [
      { name: 'search', path: `/?q=${encodeURIComponent('北斗')}` },
      { name: 'article', path: `/articles/${article.id}` },
      { name: 'page', path: `/pages/${fixture.sample.pageId}` },
      { name: 'entity', path: `/entities/place/${encodeURIComponent('株洲市')}` },
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
          await page.screenshot({ path: file, fullPage: label === 'desktop' ? false : false });
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
