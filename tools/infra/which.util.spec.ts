import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { findOnPath } from './which.util';

describe('findOnPath', () => {
  let a: string;
  let b: string;
  beforeAll(() => {
    a = mkdtempSync(join(tmpdir(), 'which-a-'));
    b = mkdtempSync(join(tmpdir(), 'which-b-'));
    writeFileSync(join(a, 'tool'), 'not executable');
    writeFileSync(join(b, 'tool'), '#!/bin/sh\n');
    chmodSync(join(b, 'tool'), 0o755);
  });
  afterAll(() => [a, b].forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('skips non-executables and finds the first executable', () => {
    expect(findOnPath('tool', [a, b].join(delimiter))).toBe(join(b, 'tool'));
  });

  it('looks in extra folders after PATH', () => {
    expect(findOnPath('tool', a, [b])).toBe(join(b, 'tool'));
    expect(findOnPath('tool', undefined)).toBeUndefined();
  });
});
