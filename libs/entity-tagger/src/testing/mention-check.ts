import type { ArticleText, Entities, Mention } from '@baoxun/shared/contracts/article.contract';

/** The string a mention points into. */
export function fieldText(article: ArticleText, m: Mention): string {
  switch (m.field) {
    case 'kicker':
      return article.kicker ?? '';
    case 'headline':
      return article.headline;
    case 'subheadline':
      return article.subheadlines[m.index ?? -1] ?? '';
    case 'byline':
      return article.byline?.text ?? '';
    default:
      return article.body;
  }
}

/** Every mention whose text is not exactly field.slice(start, end), described. */
export function badMentions(article: ArticleText, entities: Entities): string[] {
  const bad: string[] = [];
  for (const list of [entities.people, entities.places, entities.organizations, entities.campaigns]) {
    for (const e of list) {
      for (const m of e.mentions) {
        if (fieldText(article, m).slice(m.start, m.end) !== m.text || m.end <= m.start) bad.push(`${e.name}: ${JSON.stringify(m)}`);
      }
    }
  }
  return bad;
}
