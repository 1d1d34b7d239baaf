import type { ArticleText, Entities } from '@baoxun/shared/contracts/article.contract';
import { segmentsOfArticle, segmentsOfText } from './text/article-segments';
import { TaggerEngine, type TaggerOptions } from './tagger.engine';

/** Bump when the tagger's output changes for the same input. */
export const TAGGER_VERSION = 'tagger-1.0.0';

export type { TaggerOptions };

/** A configured tagger: its own campaign dictionary file and home region. Dictionaries load on first use. */
export interface Tagger {
  tagArticle(article: ArticleText): Entities;
  tagText(text: string): Entities;
  /** Re-reads the campaign dictionary file now (it is also re-read on its own when it changes). */
  reloadDictionary(): void;
}

export function createTagger(options: TaggerOptions = {}): Tagger {
  const engine = new TaggerEngine(options);
  return {
    tagArticle: (article) => engine.tag(segmentsOfArticle(article), article.byline),
    tagText: (text) => engine.tag(segmentsOfText(text), null),
    reloadDictionary: () => engine.reloadDictionary(),
  };
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
export function tagArticle(article: ArticleText): Entities {
  return tagger().tagArticle(article);
}

/** Tags one plain text; every mention uses field 'body'. */
export function tagText(text: string): Entities {
  return tagger().tagText(text);
}
