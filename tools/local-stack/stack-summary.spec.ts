import { formatPageSummary } from './stack-summary';

describe('formatPageSummary', () => {
  it('lists each article with its headline and entity counts', () => {
    const text = formatPageSummary({
      id: 'pg_1',
      source: '某日报',
      date: '2024-01-02',
      page: '03',
      status: 'stored',
      articles: [{ id: 'ar_1', order: 0, headline: '标题', entities: { people: [1, 2], places: [], organizations: [1], campaigns: [] } }],
    });
    expect(text).toContain('某日报 2024-01-02 page 03 (pg_1): stored, 1 articles');
    expect(text).toContain(' 1. 标题');
    expect(text).toContain('people 2 · places 0 · organizations 1 · campaigns 0');
  });
});
