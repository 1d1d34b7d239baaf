// The parser corpus (tools/quality/corpus): pages of other dailies written for this project, each with a
// gold file. The exact scores reached are pinned, so any regression (or improvement) shows up here.
import { scoreCorpus } from './corpus.runner';
import { corpusDir, findRepoRoot } from './repo-root';

/** page -> [structure checks passed, total]; update deliberately when the parser or the corpus changes. */
const EXPECTED: Record<string, [number, number]> = {
  'parser-anhui-daily-2024-03-06-p04': [63, 63],
  'parser-changsha-evening-2024-03-12-pA01': [55, 55],
  'parser-chengdu-daily-2024-03-18-p03': [52, 52],
  'parser-chongqing-evening-2024-03-15-p04': [48, 48],
  'parser-guangming-daily-2024-06-04-p04': [52, 52],
  'parser-hengyang-daily-2024-04-02-p01': [44, 44],
  'parser-hunan-daily-2024-03-01-p01': [51, 51],
  'parser-nanfang-daily-2024-03-10-pA05': [42, 42],
  'parser-peoples-daily-2024-05-03-p03': [47, 47],
  'parser-qilu-evening-2024-03-20-pA02': [33, 33],
  'parser-wenzhou-daily-2024-03-08-p01': [43, 43],
  'parser-xiangtan-daily-2024-03-13-p02': [53, 53],
  'parser-xinhua-daily-2024-03-22-p05': [33, 33],
  'parser-xinmin-evening-2024-05-20-pA01': [41, 41],
  'parser-yangtse-evening-2024-04-18-pA01': [33, 33],
};

describe('parser corpus', () => {
  const corpus = scoreCorpus(corpusDir(findRepoRoot(__dirname)), (name) => name.startsWith('parser-'));

  it('holds the expected pages', () => {
    expect(corpus.pages.map((page) => page.name)).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))('%s scores %j', (name, [passed, total]) => {
    const page = corpus.pages.find((candidate) => candidate.name === name);
    expect(page?.structure.total).toBe(total);
    expect({ passed: page?.structure.passed, failures: page?.structure.failures }).toEqual({ passed, failures: passed === total ? [] : expect.any(Array) });
  });
});
