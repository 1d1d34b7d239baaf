import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { NatsConnection } from 'nats';
import type { Page } from 'playwright-core';
import { findRepoRoot } from '../infra/repo-root.util';
import type { LocalStack } from '../local-stack/local-stack';
import { samplePagePath } from '../quality/repo-root';
import { startTestStack } from '../testing/test-stack';
import { axeViolations, type Browser, collectConsoleErrors, launchBrowser, seriousOrWorse } from './browser';
import { loadReaderFixture, makeDeadLetter, type ReaderFixture } from './reader-fixture';

// The reader (apps/web) in Debian's chromium against the real stack, which serves it under / with the sample page
// and the corpus stored: search, an article's marks at the right characters, a person's page, the operator view
// replaying a dead letter, and axe-core on every view.

const root = findRepoRoot();
const gold = JSON.parse(readFileSync(samplePagePath('gold.json', root), 'utf8')) as { articles: Array<{ headline: string }> };

interface Mention {
  field: string;
  start: number;
  end: number;
  text: string;
}
interface WholeArticle {
  id: string;
  body: string;
  entities: {
    people: Array<{ name: string; mentions: Mention[] }>;
    places: Array<{ name: string; canonicalName: string | null; code: string | null; mentions: Mention[] }>;
  };
}

describe('the reader in a browser', () => {
  let stack: LocalStack;
  let nats: NatsConnection;
  let apiKey: string;
  let fixture: ReaderFixture;
  let browser: Browser;
  let page: Page;
  let consoleErrors: string[];
  let placeCode = '';
  const suffix = randomBytes(3).toString('hex');
  const sourceOf = (source: string) => `${source}-web${suffix}`;
  const sampleSource = sourceOf('株洲日报');

  const api = async <T>(path: string): Promise<T> => (await (await fetch(`${stack.apiUrl}${path}`)).json()) as T;
  const open = async (path: string) => {
    await page.goto(`${stack.apiUrl}${path}`);
    await page.waitForSelector('main:not(:has(.loading))', { timeout: 20_000 });
  };
  const expectAccessible = async (view: string) => {
    const violations = seriousOrWorse(await axeViolations(page));
    expect({ view, violations }).toEqual({ view, violations: [] });
  };

  beforeAll(async () => {
    ({ stack, nats, apiKey } = await startTestStack('web'));
    fixture = await loadReaderFixture(nats, stack.apiUrl, root, sourceOf);
    browser = await launchBrowser();
    page = await browser.context.newPage();
    consoleErrors = collectConsoleErrors(page);
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await nats?.close();
    await stack?.stop();
  }, 60_000);

  it('is served under / by the api, and the api keeps its own routes', async () => {
    const index = await fetch(`${stack.apiUrl}/entities/person/x`, { headers: { accept: 'text/html' } });
    expect(index.status).toBe(200);
    expect(await index.text()).toContain('<div id="root">');
    expect(index.headers.get('content-security-policy')).toContain("script-src 'self'");
    // Opened over plain http on a host other than loopback, a browser would upgrade every asset and API call to https.
    expect(index.headers.get('content-security-policy')).not.toContain('upgrade-insecure-requests');
    // The same path is the app for a browser and a 404 problem for an API client: caches must key on Accept.
    expect(index.headers.get('vary')).toContain('Accept');
    expect((await fetch(`${stack.apiUrl}/health`)).headers.get('content-type')).toContain('application/json');
    expect((await fetch(`${stack.apiUrl}/v1/nothing-here`, { headers: { accept: 'text/html' } })).status).toBe(404);
    expect((await fetch(`${stack.apiUrl}/V1/nothing-here`, { headers: { accept: 'text/html' } })).status).toBe(404);
    expect((await fetch(`${stack.apiUrl}/assets/missing.js`)).status).toBe(404);
    // An API client asking an unknown path still gets the api's problem, not the app.
    const unknown = await fetch(`${stack.apiUrl}/v2/nothing`);
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toContain('application/problem+json');
  });

  it('searches: a source lists the sample page’s articles, a text query and a facet narrow it, and the address holds the query', async () => {
    await open(`/?source=${encodeURIComponent(sampleSource)}&sort=date`);
    const headlines = await page.locator('.result h2').allTextContents();
    expect(headlines).toEqual(gold.articles.map((article) => article.headline));
    await expectAccessible('search');

    await page.fill('#q', '北斗');
    await page.click('.q-row button[type=submit]');
    await page.waitForURL(/q=%E5%8C%97%E6%96%97/);
    await page.waitForSelector('.result h2');
    const found = await page.locator('.result h2').allTextContents();
    expect(found.length).toBeGreaterThan(0);
    expect(found.length).toBeLessThan(gold.articles.length);
    expect(new URL(page.url()).searchParams.get('source')).toBe(sampleSource);

    // A facet value adds its filter; the chip removes it.
    const facet = page.locator('.facets a.facet').first();
    await facet.click();
    await page.waitForSelector('.active-filters .chip');
    expect(new URL(page.url()).search).toMatch(/(person|place|organization|campaign)=/);
  });

  it('pages through results with the cursor', async () => {
    await open(`/?source=${encodeURIComponent(sampleSource)}&sort=date`);
    expect(await page.locator('.result').count()).toBe(gold.articles.length); // 10 fit on one page of 20
    // The corpus and the sample together are more than a page.
    await open('/');
    expect(await page.locator('.result').count()).toBe(20);
    await page.click('a[rel=next]');
    await page.waitForURL(/cursor=/);
    await page.waitForSelector('.result');
    expect(await page.locator('.result').count()).toBeGreaterThan(0);
  });

  /** Opens an article and checks that each body mention of the entity is marked at its characters in the page. */
  const expectMarked = async (article: WholeArticle, kind: 'person' | 'place', name: string, mentions: Mention[]) => {
    await open(`/articles/${article.id}`);
    const body = mentions.filter((entry) => entry.field === 'body');
    expect(body.length).toBeGreaterThan(0);
    for (const mention of body) {
      expect(article.body.slice(mention.start, mention.end)).toBe(mention.text);
      const mark = page.locator(`.body a.mark.kind-${kind}[data-start="${mention.start}"]`);
      expect(await mark.getAttribute('data-entity')).toBe(name);
      expect(await mark.textContent()).toBe(mention.text);
      // Where the mark sits, counted in the page's own text: its paragraph's offset plus the characters before it.
      const at = await mark.evaluate((element) => {
        // This program has no DOM types: the few used here, by hand.
        type Range = { setStart(node: unknown, offset: number): void; setEndBefore(node: unknown): void; toString(): string };
        type Node = { closest(selector: string): Node & { dataset: Record<string, string | undefined> }; ownerDocument: { createRange(): Range } };
        const node = element as unknown as Node;
        const paragraph = node.closest('p');
        const range = node.ownerDocument.createRange();
        range.setStart(paragraph, 0);
        range.setEndBefore(node);
        return Number(paragraph.dataset.start) + range.toString().length;
      });
      expect(at).toBe(mention.start);
    }
    expect(await page.locator(`.body a.mark.kind-${kind}[data-entity="${name}"]`).count()).toBe(body.length);
  };
  const articleWith = async (query: string): Promise<WholeArticle> => {
    const list = await api<{ items: Array<{ id: string }> }>(`/v1/articles?source=${encodeURIComponent(sampleSource)}&${query}`);
    expect(list.items.length).toBeGreaterThan(0);
    return api<WholeArticle>(`/v1/articles/${list.items[0].id}`);
  };

  it('marks 渌口区 (printed 绿口区) at its characters', async () => {
    const article = await articleWith(`place=${encodeURIComponent('渌口区')}`);
    const place = article.entities.places.find((entry) => entry.canonicalName === '渌口区' || entry.name === '渌口区');
    expect(place?.code).toMatch(/^\d{6}$/);
    placeCode = place?.code ?? '';
    await expectMarked(article, 'place', '渌口区', place?.mentions ?? []);
    expect(await page.locator('.legend li').count()).toBe(4);
  });

  it('marks 罗绍昀 (printed 罗绍灼) at his characters, Tab reaches the marks, and a click opens his page', async () => {
    // The page prints 罗绍灼 (a misreading of 罗绍昀): the tagger names him as printed unless an operators' list of known people corrects it.
    const article = await articleWith(`q=${encodeURIComponent('罗绍灼')}`);
    const person = article.entities.people.find((entry) => entry.name === '罗绍昀' || entry.name === '罗绍灼');
    expect(person).toBeDefined();
    await expectMarked(article, 'person', person?.name ?? '', person?.mentions ?? []);
    await expectAccessible('article');

    // Marks are links: Tab from the top of the view reaches one, and Enter would follow it.
    await page.locator('#main').focus();
    let presses = 0;
    while (presses < 40 && !(await page.evaluate("document.activeElement?.classList.contains('mark') === true"))) {
      await page.keyboard.press('Tab');
      presses += 1;
    }
    expect(presses).toBeLessThan(40);

    await page.locator(`.body a.mark[data-entity="${person?.name}"]`).first().click();
    await page.waitForURL(/\/entities\/person\//);
    await page.waitForSelector('.entity-view h1');
    expect(await page.locator('.entity-view h1').textContent()).toBe(person?.name);
    await page.waitForSelector('.month-chart table tbody tr');
    expect(await page.locator('.month-chart table tbody tr td').first().textContent()).toBe('2024-02');
    await expectAccessible('entity');
  });

  it('shows a place with its division chain, and a page with its status and articles in order', async () => {
    await open(`/entities/place/${placeCode}`);
    expect(await page.locator('.entity-view h1').textContent()).toBe('渌口区');
    expect(await page.locator('.division-chain li').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('株洲市')]));

    await open(`/pages/${fixture.sample.pageId}`);
    expect(await page.locator('.steps li[aria-current=step]').textContent()).toContain('stored');
    expect(await page.locator('.page-articles h2').allTextContents()).toEqual(gold.articles.map((article) => article.headline));
    await expectAccessible('page');
  });

  it('the operator view lists a dead letter the test made, shows it, and replays it', async () => {
    const marker = `web-test-${suffix}`;
    const seq = await makeDeadLetter(nats, stack.apiUrl, apiKey, marker);
    await open('/operator');
    await page.fill('#api-key', apiKey);
    await page.click('.key-form button[type=submit]');
    // Consumer lag per stage, from every service's durable consumers.
    await page.waitForSelector('table.consumers tbody tr');
    const stages = await page.locator('table.consumers tbody tr td:first-child').allTextContents();
    expect(stages).toEqual(expect.arrayContaining(['parser', 'enricher', 'api']));
    const row = page.locator(`tr[data-seq="${seq}"]`);
    await row.waitFor({ timeout: 20_000 });
    expect(await row.locator('.reason').textContent()).not.toBe('');
    await expectAccessible('operator');
    await row.locator('button').click();
    await page.waitForSelector('.letter-detail .payload');
    expect(await page.locator('.letter-detail .payload').textContent()).toContain(marker);
    await page.click(`.letter-detail button:has-text("#${seq}")`);
    await page.waitForSelector('.state.ok');
    expect(await page.locator('.state.ok').textContent()).toContain(`${seq}`);
    await page.waitForSelector(`tr[data-seq="${seq}"]`, { state: 'detached' });
  });

  it('says clearly when the store is not answering', async () => {
    await page.route('**/v1/articles?*', (route) =>
      route.fulfill({ status: 503, contentType: 'application/problem+json', body: JSON.stringify({ type: 'urn:baoxun:problem:service-unavailable', title: 'Service Unavailable', status: 503, detail: 'the store is not answering', instance: '/v1/articles' }) }),
    );
    await open('/?q=北斗');
    expect(await page.locator('.state.error').textContent()).toContain('store is not answering');
    await page.unroute('**/v1/articles?*');
  });

  it('loaded with no console error (no Content-Security-Policy refusal)', () => {
    expect(consoleErrors.filter((line) => !line.includes('503'))).toEqual([]);
  });
});
