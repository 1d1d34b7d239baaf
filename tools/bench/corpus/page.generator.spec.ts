import { editionOf, generateCorpus, generatePage } from './page.generator';
import { SeededRandom } from './seeded-random.util';

describe('generated pages', () => {
  const corpus = generateCorpus(7, 60);

  it('are the same for the same seed and index, and differ otherwise', () => {
    expect(generatePage(7, 3).text).toBe(corpus[3].text);
    expect(generatePage(8, 3).text).not.toBe(corpus[3].text);
    expect(new Set(corpus.map((page) => page.text)).size).toBe(corpus.length);
  });

  it('are sized like a real front page (~20 KB of UTF-8)', () => {
    for (const page of corpus) {
      expect(page.bytes).toBe(Buffer.byteLength(page.text, 'utf8'));
      expect(page.bytes).toBeGreaterThan(15_000);
      expect(page.bytes).toBeLessThan(30_000);
    }
    const mean = corpus.reduce((sum, page) => sum + page.bytes, 0) / corpus.length;
    expect(mean).toBeGreaterThan(18_000);
    expect(mean).toBeLessThan(24_000);
  });

  it('vary in the ways real scans vary', () => {
    const total = (key: 'kickers' | 'subheadlines' | 'columnBreaks' | 'repeatedParagraphs' | 'jumpsTo' | 'jumpsFrom' | 'captions') =>
      corpus.reduce((sum, page) => sum + page.features[key], 0);
    for (const key of ['kickers', 'subheadlines', 'columnBreaks', 'repeatedParagraphs', 'jumpsTo', 'jumpsFrom', 'captions'] as const) expect(total(key)).toBeGreaterThan(0);
    expect(corpus.some((page) => page.features.asciiPunctuation)).toBe(true);
    expect(corpus.some((page) => !page.features.asciiPunctuation)).toBe(true);
    expect(corpus.some((page) => page.features.furniture)).toBe(true);
    expect(corpus.some((page) => page.features.tightParagraphs)).toBe(true);
    expect(corpus.some((page) => /讯[(（]全媒体记者\//.test(page.text))).toBe(true);
    expect(corpus.some((page) => /本报讯/.test(page.text))).toBe(true);
    expect(corpus.some((page) => /▶▶下转\d\d版/.test(page.text))).toBe(true);
    expect(corpus.some((page) => /▲▲上接\d\d版/.test(page.text))).toBe(true);
  });

  it('print several articles per page, and a paragraph the scanner repeated appears twice in a row', () => {
    for (const page of corpus) expect(page.articles).toBeGreaterThanOrEqual(4);
    const repeated = corpus.find((page) => page.features.repeatedParagraphs > 0);
    const paragraphs = repeated?.text.split('\n').filter((line) => line.length > 40) ?? [];
    expect(paragraphs.some((line, i) => line === paragraphs[i + 1])).toBe(true);
  });

  it('are not copies of the sample page', () => {
    for (const page of corpus) expect(page.text).not.toContain('曹慧泉');
  });

  it('give every page of a corpus its own edition date and page number', () => {
    const keys = new Set(Array.from({ length: 500 }, (_, i) => JSON.stringify(editionOf(i))));
    expect(keys.size).toBe(500);
    expect(editionOf(0)).toMatchObject({ date: '2024-01-01', page: '01' });
    expect(editionOf(9)).toMatchObject({ date: '2024-01-02', page: '02' });
  });
});

describe('SeededRandom', () => {
  it('repeats for a seed and stays in range', () => {
    const a = new SeededRandom(42);
    const b = new SeededRandom(42);
    const values = Array.from({ length: 1000 }, () => a.next());
    expect(values).toEqual(Array.from({ length: 1000 }, () => b.next()));
    expect(values.every((value) => value >= 0 && value < 1)).toBe(true);
    const ints = Array.from({ length: 1000 }, () => a.int(3, 5));
    expect(new Set(ints)).toEqual(new Set([3, 4, 5]));
  });

  it('samples distinct items', () => {
    const picked = new SeededRandom(1).sample([1, 2, 3, 4, 5], 3);
    expect(new Set(picked).size).toBe(3);
  });
});
