import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findRepoRoot } from './repo-root.util';

describe('findRepoRoot', () => {
  it('finds the folder with nx.json from this file', () => {
    expect(existsSync(join(findRepoRoot(__dirname), 'nx.json'))).toBe(true);
  });

  it('walks up from a nested folder (as from dist/tools/infra)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'root-spec-'));
    try {
      writeFileSync(join(dir, 'nx.json'), '{}');
      const nested = join(dir, 'dist', 'tools', 'infra');
      mkdirSync(nested, { recursive: true });
      expect(findRepoRoot(nested)).toBe(dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says so when there is no nx.json above', () => {
    expect(() => findRepoRoot('/')).toThrow(/no nx.json/);
  });
});
