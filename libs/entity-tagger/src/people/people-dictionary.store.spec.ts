import { existsSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTagger } from '../article.tagger';
import { loadGoldCases } from '../testing/gold-page.fixture';
import { badMentions } from '../testing/mention-check';
import { KnownPeople, parsePeopleDictionary, PeopleDictionaryStore } from './people-dictionary.store';

function dictionaryFile(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'people-')), 'people.txt');
  writeFileSync(file, text);
  return file;
}

describe('parsePeopleDictionary', () => {
  it('reads names, printed forms and switched-off names; skips comments and lines that are not names', () => {
    const entries = parsePeopleDictionary('# known people\n王建国\n赵海平 = 赵梅平, 赵海萍 # misprints seen\n-钱卫东\nnot a name\n\n');
    expect(entries).toEqual([
      { name: '王建国', printed: [], suppress: false },
      { name: '赵海平', printed: ['赵梅平', '赵海萍'], suppress: false },
      { name: '钱卫东', printed: [], suppress: true },
    ]);
  });
});

describe('KnownPeople', () => {
  const known = new KnownPeople(parsePeopleDictionary('王建国\n王建华\n孙立新\n欧阳春晓\n李强\n赵海平 = 赵梅平'));

  it('links a one-character misreading of the given name to the one known name it fits', () => {
    expect(known.variantOf('孙立薪')).toBe('孙立新');
    expect(known.variantOf('欧阳春晚')).toBe('欧阳春晓');
    expect(known.knownNameOf('赵梅平')).toBe('赵海平');
  });

  it('links nothing when the surname differs, two characters differ, two known names fit or the name is known', () => {
    expect(known.variantOf('张立新')).toBeNull();
    expect(known.variantOf('孙力薪')).toBeNull();
    // 王建军 is one character from both 王建国 and 王建华.
    expect(known.variantOf('王建军')).toBeNull();
    expect(known.variantOf('王建国')).toBeNull();
    // Two-character names have only the surname left to compare.
    expect(known.variantOf('李墙')).toBeNull();
  });
});

describe('people dictionary in the tagger', () => {
  it('finds known people without a title and gives a misprint the known name, the mention keeping the print', () => {
    const tagger = createTagger({ peopleDictionaryPath: dictionaryFile('孙立新\n') });
    const text = '座谈会上，孙立新介绍了合作社的做法。会后大家围着孙立薪问个不停。';
    const e = tagger.tagText(text);
    expect(e.people.map((p) => p.name)).toEqual(['孙立新']);
    expect(e.people[0].mentions.map((m) => m.text)).toEqual(['孙立新', '孙立薪']);
    for (const m of e.people[0].mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
  });

  it('does not find a two-character known name inside a word', () => {
    const tagger = createTagger({ peopleDictionaryPath: dictionaryFile('高峰\n') });
    expect(tagger.tagText('这次高峰论坛在长沙举行。').people).toEqual([]);
    expect(tagger.tagText('会上，高峰说，今年要干好三件事。').people.map((p) => p.name)).toEqual(['高峰']);
  });

  it('switches a name off and reloads the file when it changes', () => {
    const file = dictionaryFile('孙立新\n');
    const tagger = createTagger({ peopleDictionaryPath: file, reloadIntervalMs: 0 });
    const text = '市委书记钱卫东和孙立新一起调研。';
    expect(tagger.tagText(text).people.map((p) => p.name).sort()).toEqual(['孙立新', '钱卫东']);
    writeFileSync(file, '-钱卫东\n');
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    expect(tagger.tagText(text).people.map((p) => p.name)).toEqual([]);
  });

  it('keeps the last good dictionary when the file goes missing', () => {
    const file = dictionaryFile('孙立新\n');
    const store = new PeopleDictionaryStore({ path: file, reloadIntervalMs: 0 });
    store.refresh(true);
    expect(store.get().knownNameOf('孙立新')).toBe('孙立新');
    const gone = new PeopleDictionaryStore({ path: join(tmpdir(), 'no-such-dir-baoxun', 'people.txt') });
    expect(gone.lastError).not.toBeNull();
    expect(gone.get().size).toBe(0);
  });

  const SAMPLE = join(__dirname, '../../../../tools/quality/samples/zhuzhou-daily-2024-02-23-p01');
  (existsSync(`${SAMPLE}.txt`) ? it : it.skip)('gives the sample page’s misprinted 罗绍灼 the known name 罗绍昀', () => {
    const tagger = createTagger({ peopleDictionaryPath: dictionaryFile('罗绍昀\n') });
    const cases = loadGoldCases(`${SAMPLE}.txt`, `${SAMPLE}.gold.json`);
    const hits = cases.map((c) => ({ article: c.article, e: tagger.tagArticle(c.article) })).filter((r) => r.e.people.some((p) => p.name === '罗绍昀'));
    expect(hits).toHaveLength(1);
    const p = hits[0].e.people.find((x) => x.name === '罗绍昀');
    expect(p?.mentions.map((m) => m.text)).toEqual(['罗绍灼']);
    expect(hits[0].e.people.some((x) => x.name === '罗绍灼')).toBe(false);
    expect(badMentions(hits[0].article, hits[0].e)).toEqual([]);
  });
});
