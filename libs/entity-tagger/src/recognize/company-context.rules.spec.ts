import { tagText } from '../article.tagger';
import { companiesBeforeTitles, universityShortForms } from './company-context.rules';

const names = (list: { name: string }[]): string[] => list.map((e) => e.name);

describe('companies found by a business title', () => {
  it('takes the short name before 董事长 or 总经理, and its later mentions', () => {
    const text = '山河智能董事长何清华表示，山河智能将加大研发投入。';
    expect(companiesBeforeTitles(text)).toEqual([
      { start: 0, end: 4, name: '山河智能' },
      { start: 13, end: 17, name: '山河智能' },
    ]);
    const e = tagText(text);
    expect(names(e.organizations)).toEqual(['山河智能']);
    expect(e.places).toEqual([]);
  });

  it('does not take a person, a place, a generic word or a name with an ending of its own', () => {
    expect(companiesBeforeTitles('王建国总经理说，株洲董事长座谈会上，该公司董事长和集团总裁都到了。两家企业董事长签署协议。')).toEqual([]);
    expect(names(tagText('株洲千金药业股份有限公司总经理李强出席。').organizations)).toEqual(['株洲千金药业股份有限公司']);
  });
});

describe('university short forms', () => {
  it('derives the short forms of universities named in full and finds them where they stand alone', () => {
    const text = '湖南农业大学和湖南大学签约，湖南农大的学生和湖大师生参加，湖大学生会也来了。';
    expect(names(universityShortForms(text, ['湖南农业大学', '湖南大学']))).toEqual(['湖南农大', '湖大']);
    expect(names(tagText(text).organizations)).toEqual(['湖南农业大学', '湖南大学', '湖南农大', '湖大']);
  });
});
