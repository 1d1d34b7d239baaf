import { apiQuery, formatSearch, hasCriteria, parseSearch, toggleFilter } from './search-state';

describe('search state in the address', () => {
  it('reads what the address holds and ignores what is not valid', () => {
    const state = parseSearch('?q=%E5%8C%97%E6%96%97&person=%E9%99%88%E6%AD%A3%E6%98%8E&person=a&person=a&from=2024-01-01&to=bad&sort=nonsense');
    expect(state).toMatchObject({ q: '北斗', person: ['陈正明', 'a'], from: '2024-01-01', to: '', sort: '-date', cursor: '' });
    expect(hasCriteria(state)).toBe(true);
    expect(hasCriteria(parseSearch(''))).toBe(false);
  });

  it('writes it back without defaults, and round-trips', () => {
    const search = formatSearch({ q: '北斗', place: ['430200'], sort: '-date', cursor: '' });
    expect(search).toBe('?q=%E5%8C%97%E6%96%97&place=430200');
    expect(formatSearch(parseSearch(search))).toBe(search);
    expect(formatSearch({})).toBe('');
  });

  it('toggles a filter value and goes back to the first page', () => {
    const state = { ...parseSearch('?person=a&cursor=xyz') };
    expect(toggleFilter(state, 'person', 'b')).toMatchObject({ person: ['a', 'b'], cursor: '' });
    expect(toggleFilter(state, 'person', 'a')).toMatchObject({ person: [], cursor: '' });
  });

  it('asks the api only for what is set, with facets', () => {
    expect(apiQuery(parseSearch('?q=x&organization=o'), 20)).toEqual({ q: 'x', organization: ['o'], sort: '-date', limit: 20, facets: 'true', facetLimit: 8 });
  });
});
