import { articlesPerMonth, rolesOverTime } from './entity-timeline';

const article = (date: string, people: Array<{ name: string; roles: string[] }> = []) => ({ page: { date }, entities: { people } });

describe('articlesPerMonth', () => {
  it('counts per month from the first to the last, the months between included', () => {
    expect(articlesPerMonth([article('2024-02-23'), article('2023-11-02'), article('2024-02-01')])).toEqual([
      { month: '2023-11', articles: 1 },
      { month: '2023-12', articles: 0 },
      { month: '2024-01', articles: 0 },
      { month: '2024-02', articles: 2 },
    ]);
    expect(articlesPerMonth([])).toEqual([]);
  });
});

describe('rolesOverTime', () => {
  it('gives each role of the person its first and last edition, earliest first', () => {
    const articles = [
      article('2024-02-23', [{ name: '陈恢清', roles: ['市长'] }, { name: '曹慧泉', roles: ['市委书记'] }]),
      article('2023-05-01', [{ name: '陈恢清', roles: ['副市长'] }]),
      article('2024-01-10', [{ name: '陈恢清', roles: ['市长', '市委副书记'] }]),
    ];
    expect(rolesOverTime(articles, '陈恢清')).toEqual([
      { role: '副市长', first: '2023-05-01', last: '2023-05-01', articles: 1 },
      { role: '市长', first: '2024-01-10', last: '2024-02-23', articles: 2 },
      { role: '市委副书记', first: '2024-01-10', last: '2024-01-10', articles: 1 },
    ]);
  });
});
