// Whether a line break falls inside a word: "召开常务会|议" or "张大|爷" joined read as one word, a title and
// the paragraph under it do not. Uses the ICU word segmenter built into Node; without ICU it says "no".

const WINDOW = 8;
let segmenter: Intl.Segmenter | null | undefined;

function wordSegmenter(): Intl.Segmenter | null {
  if (segmenter === undefined) segmenter = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter('zh', { granularity: 'word' }) : null;
  return segmenter;
}

/** True when a dictionary word spans the end of `before` and the start of `after`. Looks at 8 characters each side. */
export function wordSpansJoin(before: string, after: string): boolean {
  const words = wordSegmenter();
  if (!words) return false;
  const left = before.slice(-WINDOW);
  const text = left + after.slice(0, WINDOW);
  for (const { segment, index, isWordLike } of words.segment(text)) {
    if (index >= left.length) return false;
    if (isWordLike && index < left.length && index + segment.length > left.length) return true;
  }
  return false;
}
