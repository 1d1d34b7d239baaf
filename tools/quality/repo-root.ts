import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The workspace root: the nearest folder above `from` that holds nx.json (works from tools/ and dist/tools/). */
export function findRepoRoot(from: string = __dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'nx.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no nx.json above ${from}`);
  }
}

/**
 * The sample page and its gold: a copy of the project's shared samples (../shared/samples when this repository
 * was started), kept here so that a clone anywhere has them.
 */
export function samplesDir(root: string = findRepoRoot()): string {
  return join(root, 'tools', 'quality', 'samples');
}

/** The sample page itself: `.txt` (the scanner's text) or `.gold.json` (its hand-made annotation). */
export function samplePagePath(extension: 'txt' | 'gold.json', root: string = findRepoRoot()): string {
  return join(samplesDir(root), `zhuzhou-daily-2024-02-23-p01.${extension}`);
}

/** The parser corpus of this repository. */
export function corpusDir(root: string = findRepoRoot()): string {
  return join(root, 'tools', 'quality', 'corpus');
}
