import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { tagArticle } from './article.tagger';
import { scoreArticles, type PageScore } from './testing/entity-score';
import { loadGoldCases } from './testing/gold-page.fixture';
import { badMentions } from './testing/mention-check';

const ROOT = join(__dirname, '../../..');
const SAMPLE = join(ROOT, 'tools/quality/samples/zhuzhou-daily-2024-02-23-p01');
const CORPUS = join(ROOT, 'tools/quality/corpus');

function scorePages(prefixes: string[]): PageScore {
  const cases = prefixes.flatMap((p) => loadGoldCases(`${p}.txt`, `${p}.gold.json`));
  const results = cases.map((c) => ({ gold: c.gold, got: tagArticle(c.article), article: c.article }));
  for (const r of results) expect(badMentions(r.article, r.got)).toEqual([]);
  return scoreArticles(results);
}

function report(label: string, s: PageScore): void {
  const row = (t: 'people' | 'places' | 'organizations' | 'campaigns'): string =>
    `${t.padEnd(14)} P ${s[t].precision.toFixed(3)}  R ${s[t].recall.toFixed(3)}  F1 ${s[t].f1.toFixed(3)}  (tp ${s[t].tp}, fp ${s[t].fp}, fn ${s[t].fn})`;
  // The figures the README quotes come from here: npx jest -c libs/entity-tagger/jest.config.js quality
  console.log([`${label}`, row('people'), row('places'), row('organizations'), row('campaigns'), `titles recall ${s.titleRecall.toFixed(3)}`, ...s.misses.map((m) => `  ${m}`)].join('\n'));
}

const sampleAvailable = existsSync(`${SAMPLE}.txt`);

(sampleAvailable ? describe : describe.skip)('quality on the sample page', () => {
  it('meets the issue thresholds and keeps what it reached', () => {
    const s = scorePages([SAMPLE]);
    report('sample zhuzhou-daily-2024-02-23-p01', s);
    expect(s.people.f1).toBeGreaterThanOrEqual(0.95);
    expect(s.places.f1).toBeGreaterThanOrEqual(0.9);
    expect(s.organizations.f1).toBeGreaterThanOrEqual(0.9);
    expect(s.campaigns.f1).toBeGreaterThanOrEqual(0.9);
    expect(s.titleRecall).toBeGreaterThanOrEqual(0.9);
    // Reached when written (people 1.0, places 1.0, organizations 0.957, campaigns 1.0, titles 1.0).
    expect(s.people.f1).toBeGreaterThanOrEqual(0.99);
    expect(s.places.f1).toBeGreaterThanOrEqual(0.97);
    expect(s.organizations.f1).toBeGreaterThanOrEqual(0.95);
    expect(s.campaigns.f1).toBeGreaterThanOrEqual(0.99);
  });
});

describe('quality on the tagger corpus (other papers, cities and provinces)', () => {
  it('keeps the figures it has reached', () => {
    const pages = readdirSync(CORPUS)
      .filter((f) => /^tagger-.*\.gold\.json$/.test(f))
      .map((f) => join(CORPUS, f.replace(/\.gold\.json$/, '')));
    expect(pages.length).toBeGreaterThanOrEqual(5);
    const s = scorePages(pages);
    report(`tagger corpus (${pages.length} pages)`, s);
    // Achieved when written; a regression below these fails.
    expect(s.people.f1).toBeGreaterThanOrEqual(0.99);
    expect(s.places.f1).toBeGreaterThanOrEqual(0.98);
    expect(s.organizations.f1).toBeGreaterThanOrEqual(0.98);
    expect(s.campaigns.f1).toBeGreaterThanOrEqual(0.94);
    expect(s.titleRecall).toBeGreaterThanOrEqual(0.97);
  });
});
