import { jiebaLexicon } from './lexicon/jieba.lexicon';
import { divisionIndex } from './lexicon/division.index';

export interface TaggerBenchResult {
  chars: number;
  /** Characters per second of CPU time, tagging each text with `tag`. */
  taggerCharsPerSec: number;
  /** The same texts through jieba's segmenter alone (cut with HMM), for comparison. */
  jiebaCharsPerSec: number;
}

/**
 * Measures the tagger next to jieba's segmenter on the same texts, in CPU time so that other processes on the
 * machine disturb it less. Loads the dictionaries and warms up first; loading is not counted.
 */
export function benchmarkTagger(texts: string[], tag: (text: string) => unknown, rounds = 20): TaggerBenchResult {
  const { jieba } = jiebaLexicon();
  divisionIndex();
  const chars = texts.reduce((n, t) => n + t.length, 0) * rounds;
  const cpu = (f: () => void): number => {
    const before = process.cpuUsage();
    f();
    const used = process.cpuUsage(before);
    return (used.user + used.system) / 1e6;
  };
  for (let r = 0; r < 3; r++) for (const t of texts) tag(t);
  const jiebaSec = cpu(() => {
    for (let r = 0; r < rounds; r++) for (const t of texts) jieba.cut(t, true);
  });
  const taggerSec = cpu(() => {
    for (let r = 0; r < rounds; r++) for (const t of texts) tag(t);
  });
  return { chars, taggerCharsPerSec: Math.round(chars / taggerSec), jiebaCharsPerSec: Math.round(chars / jiebaSec) };
}
