/** The slice of GET /v1/pages/:id that the summary shows. */
export interface PageSummaryInput {
  id: string;
  source: string;
  date: string;
  page: string;
  status: string;
  articles: Array<{
    id: string;
    order: number;
    headline: string;
    entities: { people: unknown[]; places: unknown[]; organizations: unknown[]; campaigns: unknown[] };
  }>;
}

/** One screen: the page, then one line per article with its headline and entity counts. */
export function formatPageSummary(page: PageSummaryInput): string {
  const lines = [`${page.source} ${page.date} page ${page.page} (${page.id}): ${page.status}, ${page.articles.length} articles`];
  for (const article of page.articles) {
    const { people, places, organizations, campaigns } = article.entities;
    lines.push(
      `  ${String(article.order + 1).padStart(2)}. ${article.headline}`,
      `      ${article.id}  people ${people.length} · places ${places.length} · organizations ${organizations.length} · campaigns ${campaigns.length}`,
    );
  }
  return lines.join('\n');
}
