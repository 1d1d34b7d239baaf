// The sample page (tools/quality/samples, a copy of ../shared/samples) must score 100% on structure.
// Entity thresholds belong to the tagger's tests; here entities are only scored, not asserted.
import { existsSync } from 'node:fs';
import { scoreCorpus } from './corpus.runner';
import { findRepoRoot, samplesDir } from './repo-root';

describe('sample page', () => {
  const dir = samplesDir(findRepoRoot(__dirname));

  it('is where the repository expects it', () => {
    expect(existsSync(dir)).toBe(true);
  });

  it('scores 100% on structure', () => {
    const corpus = scoreCorpus(dir);
    expect(corpus.pages.length).toBeGreaterThan(0);
    for (const page of corpus.pages) {
      expect({ page: page.name, failures: page.structure.failures }).toEqual({ page: page.name, failures: [] });
      expect(page.structure.score).toBe(1);
    }
  });
});
