import { phrasePattern } from './phrase-pattern';

describe('phrasePattern', () => {
  it('finds a normalized term in raw text whatever the case or width of its Latin letters and digits', () => {
    const pattern = new RegExp(phrasePattern('gdp增长5'), 'u');
    expect(pattern.test('全市ＧＤＰ增长５%')).toBe(true);
    expect(pattern.test('全市Gdp增长5%')).toBe(true);
    expect(pattern.test('全市GDP下降5%')).toBe(false);
  });

  it('escapes regular-expression syntax, so a query is never an expression', () => {
    expect(phrasePattern('.*')).toBe('\\.\\*');
    expect(new RegExp(phrasePattern('a(b')).test('xa(b')).toBe(true);
  });
});
