/** Han ideographs: written without spaces, so they are indexed as overlapping character pairs. */
export const HAN = /\p{Script=Han}/u;

/** Letters and digits of other scripts: indexed as whole words. */
const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * The form text is indexed and searched in: NFKC folds full-width Latin letters and digits (ＡＢＣ１２３) into
 * ASCII, then lower case. Both the stored n-grams and the query go through it.
 */
export const normalizeForSearch = (text: string): string => text.normalize('NFKC').toLowerCase();

export type RunKind = 'han' | 'word';

export interface TextRun {
  kind: RunKind;
  text: string;
}

/** Splits normalized text into runs of Han characters and words of other letters/digits; the rest separates runs. */
export function textRuns(normalized: string): TextRun[] {
  const runs: TextRun[] = [];
  let current: TextRun | null = null;
  for (const char of normalized) {
    const kind: RunKind | null = HAN.test(char) ? 'han' : WORD_CHAR.test(char) ? 'word' : null;
    if (kind === null) {
      current = null;
      continue;
    }
    if (current && current.kind === kind) current.text += char;
    else {
      current = { kind, text: char };
      runs.push(current);
    }
  }
  return runs;
}
