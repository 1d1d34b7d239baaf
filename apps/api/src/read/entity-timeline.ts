/** Articles per month and the roles a person was given, from the articles that mention an entity. */

export interface DatedArticle {
  page: { date: string };
  entities: { people: Array<{ name: string; roles: string[] }> };
}

export interface MonthRow {
  month: string; // YYYY-MM
  articles: number;
}

export interface RoleSpan {
  role: string;
  first: string; // YYYY-MM-DD
  last: string;
  articles: number;
}

/** One row per month from the first to the last, months without articles included (a chart needs the gaps). */
export function articlesPerMonth(articles: readonly DatedArticle[]): MonthRow[] {
  const counts = new Map<string, number>();
  for (const article of articles) {
    const month = article.page.date.slice(0, 7);
    counts.set(month, (counts.get(month) ?? 0) + 1);
  }
  if (counts.size === 0) return [];
  const months = [...counts.keys()].sort();
  const rows: MonthRow[] = [];
  let [year, month] = months[0].split('-').map(Number);
  const [lastYear, lastMonth] = months[months.length - 1].split('-').map(Number);
  while (year < lastYear || (year === lastYear && month <= lastMonth)) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    rows.push({ month: key, articles: counts.get(key) ?? 0 });
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return rows;
}

/** Each role given to the person, with the first and last edition that gives it, earliest first. */
export function rolesOverTime(articles: readonly DatedArticle[], person: string): RoleSpan[] {
  const spans = new Map<string, RoleSpan>();
  for (const article of articles) {
    const date = article.page.date;
    for (const entry of article.entities.people) {
      if (entry.name !== person) continue;
      for (const role of entry.roles) {
        const span = spans.get(role);
        if (!span) spans.set(role, { role, first: date, last: date, articles: 1 });
        else {
          span.articles += 1;
          if (date < span.first) span.first = date;
          if (date > span.last) span.last = date;
        }
      }
    }
  }
  return [...spans.values()].sort((a, b) => a.first.localeCompare(b.first) || b.articles - a.articles || a.role.localeCompare(b.role));
}
