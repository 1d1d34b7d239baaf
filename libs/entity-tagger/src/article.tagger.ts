import type { ArticleText, Entities } from '@baoxun/shared/contracts/article.contract';
import { segmentsOfArticle, segmentsOfText } from './text/article-segments';
import { TaggerEngine, type TaggerOptions } from './tagger.engine';

/** Bump when the tagger's output changes for the same input. */
export const TAGGER_VERSION = 'tagger-1.1.0';

export type { TaggerOptions };

/** A configured tagger: its own campaign dictionary file and home region. Dictionaries load on first use. */
export interface Tagger {
  /** With `page` (an ArticleParsed has it), the paper's source name gives its home region. */
  tagArticle(article: TaggableArticle): Entities;
  tagText(text: string): Entities;
  /** Re-reads the campaign dictionary file now (it is also re-read on its own when it changes). */
  reloadDictionary(): void;
}

export function createTagger(options: TaggerOptions = {}): Tagger {
  const engine = new TaggerEngine(options);
  return {
    tagArticle: (article) => engine.forSource(sourceOf(article), () => engine.tag(segmentsOfArticle(article), article.byline)),
    tagText: (text) => engine.tag(segmentsOfText(text), null),
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
