import { articleIdOf, contentHashOf, pageIdOf } from './page-identity';

describe('page identity', () => {
  const page = { source: '株洲日报', date: '2024-02-23', page: '01' };

  it('gives a page the same id whatever its text', () => {
    expect(pageIdOf(page)).toBe(pageIdOf({ ...page }));
    expect(pageIdOf(page)).toMatch(/^pg_[0-9a-f]{24}$/);
    expect(pageIdOf({ ...page, page: '02' })).not.toBe(pageIdOf(page));
  });

  it('tells versions apart by text and articles by version and position', () => {
    expect(contentHashOf('a')).not.toBe(contentHashOf('b'));
    const id = pageIdOf(page);
    expect(articleIdOf(id, 'v1', 0)).toBe(articleIdOf(id, 'v1', 0));
    expect(new Set([articleIdOf(id, 'v1', 0), articleIdOf(id, 'v1', 1), articleIdOf(id, 'v2', 0)]).size).toBe(3);
  });
});
