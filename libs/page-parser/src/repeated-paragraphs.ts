// Scanners sometimes emit the same paragraph two or three times in a row. A paragraph equal to the one
// before it, ignoring whitespace, is dropped.
import { compactKey } from './text-chars';

/** Drops consecutive repeats; items are compared with all whitespace removed. */
export function dropConsecutiveRepeats<T>(items: readonly T[], textOf: (item: T) => string): T[] {
  const kept: T[] = [];
  let previousKey: string | null = null;
  for (const item of items) {
    const key = compactKey(textOf(item));
    if (key === previousKey) continue;
    kept.push(item);
    previousKey = key;
  }
  return kept;
}
