import type { ArticleText, MentionField } from '@baoxun/shared/contracts/article.contract';

/** One taggable string of an article, in reading order: kicker, headline, subheadlines, byline, body. */
export interface Segment {
  field: MentionField;
  /** Which subheadline, for field "subheadline". */
  index?: number;
  text: string;
}

export function segmentsOfArticle(article: ArticleText): Segment[] {
  const out: Segment[] = [];
  if (article.kicker) out.push({ field: 'kicker', text: article.kicker });
  out.push({ field: 'headline', text: article.headline });
  article.subheadlines.forEach((text, index) => out.push({ field: 'subheadline', index, text }));
  if (article.byline) out.push({ field: 'byline', text: article.byline.text });
  out.push({ field: 'body', text: article.body });
  return out;
}

export function segmentsOfText(text: string): Segment[] {
  return [{ field: 'body', text }];
}
