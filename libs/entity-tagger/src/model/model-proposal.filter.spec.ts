import { createTagger } from '../article.tagger';
import { acceptModelOrganization, acceptModelPerson, acceptModelPlace, type ModelSpan } from './model-proposal.filter';

describe('what the rules accept of the model', () => {
  it('people: plausible Chinese names and foreign names, not boundaries gone wrong or forms of address', () => {
    expect(acceptModelPerson('王建国')).toBe(true);
    expect(acceptModelPerson('欧阳明')).toBe(true);
    expect(acceptModelPerson('马拉维')).toBe(false);
    // jieba files 周恩来 under time words and 刘澜涛 under nouns: with the model's PER they are names.
    expect(acceptModelPerson('周恩来')).toBe(true);
    expect(acceptModelPerson('刘澜涛')).toBe(true);
    expect(acceptModelPerson('江主席')).toBe(false);
    // A foreign name that starts like a surname, written in transcription characters; two Chinese names glued are not.
    expect(acceptModelPerson('瓦西里斯')).toBe(true);
    expect(acceptModelPerson('罗季奥诺夫')).toBe(true);
    expect(acceptModelPerson('李鹏乔石')).toBe(false);
    expect(acceptModelPerson('小平', '同志')).toBe(true);
    expect(acceptModelPerson('小平')).toBe(false);
    expect(acceptModelPerson('大家', '同志')).toBe(false);
    expect(acceptModelPerson('香港回')).toBe(false);
    expect(acceptModelPerson('约翰·史密斯')).toBe(true);
    expect(acceptModelPerson('王建国同志')).toBe(false);
    expect(acceptModelPerson('李女士')).toBe(false);
    expect(acceptModelPerson('王')).toBe(false);
  });

  it('organizations: an organization word at the end, not a bare level and organ', () => {
    expect(acceptModelOrganization('湘潭市人民政府')).toBe(true);
    expect(acceptModelOrganization('人民日报')).toBe(true);
    expect(acceptModelOrganization('国务院')).toBe(true);
    expect(acceptModelOrganization('市委')).toBe(false);
    expect(acceptModelOrganization('省政协')).toBe(false);
    expect(acceptModelOrganization('发展')).toBe(false);
    expect(acceptModelOrganization('中国中车')).toBe(true);
    expect(acceptModelOrganization('中国经济')).toBe(false);
  });

  it('places: names and countries (中国 too), not facilities or common words', () => {
    expect(acceptModelPlace('洞庭湖')).toBe(true);
    expect(acceptModelPlace('罗霄山脉')).toBe(true);
    expect(acceptModelPlace('城中村')).toBe(false);
    expect(acceptModelPlace('北斗大厦')).toBe(false);
    expect(acceptModelPlace('中国')).toBe(true);
    expect(acceptModelPlace('危桥')).toBe(false);
    // A city's short form jieba files as a common noun (合肥, n) is the city where the model reads a place.
    expect(acceptModelPlace('合肥')).toBe(true);
  });
});

describe('tagging with model proposals', () => {
  // A stand-in model: proposes the spans it is given for each text, by their strings.
  const fake = (found: Array<[string, ModelSpan['type']]>) => ({
    propose: async (texts: readonly string[]) =>
      texts.map((text) => found.flatMap(([name, type]) => (text.includes(name) ? [{ start: text.indexOf(name), end: text.indexOf(name) + name.length, type }] : []))),
  });

  it('adds a name only the model finds, with every later mention', async () => {
    const tagger = createTagger({}, { proposer: fake([['钱学海', 'PER']]), name: 'fake-1' });
    const text = '照片由钱学海提供。后来钱学海又寄来一张。';
    expect(tagger.tagText(text).people).toEqual([]);
    const [entities] = await tagger.tagTextsAsync([text]);
    expect(entities.people.map((p) => [p.name, p.mentions.length])).toEqual([['钱学海', 2]]);
    expect(tagger.version).toMatch(/\+fake-1$/);
  });

  it('lets the rules win where a proposal overlaps what they found', async () => {
    // The rules read 湘潭市人民政府 as an organization: a model place inside it is not a place mention.
    const tagger = createTagger({}, { proposer: fake([['湘潭市', 'LOC']]), name: 'fake-2' });
    const [entities] = await tagger.tagTextsAsync(['湘潭市人民政府发布通知。']);
    expect(entities.organizations.map((o) => o.name)).toContain('湘潭市人民政府');
    expect(entities.places).toEqual([]);
  });

  it('splits a model place made of abbreviations into one place per character', async () => {
    const tagger = createTagger({}, { proposer: fake([['中美', 'LOC']]), name: 'fake-4' });
    const [entities] = await tagger.tagTextsAsync(['中美之间的分歧。']);
    expect(entities.places.map((p) => [p.name, p.canonicalName])).toEqual([['中', '中国'], ['美', '美国']]);
  });

  it('reads a model place and 地区 as that place (亚太地区 → 亚太), not a division or region named so', async () => {
    const tagger = createTagger({}, { proposer: fake([['亚太地区', 'LOC'], ['阿里地区', 'LOC'], ['东北地区', 'LOC']]), name: 'fake-6' });
    const [entities] = await tagger.tagTextsAsync(['亚太地区经济增长，西藏阿里地区和东北地区。']);
    expect(entities.places.map((p) => p.name)).toEqual(expect.arrayContaining(['亚太', '阿里地区', '东北地区']));
    expect(entities.places.map((p) => p.name)).not.toContain('亚太地区');
  });

  it('takes the third character of a name the dictionary lists (傅全|有 → 傅全有), not of any name', async () => {
    // A model that stops one character short, as LAC does before 有/能/里; jieba's dictionary lists 傅全有 as a person.
    const tagger = createTagger({}, { proposer: fake([['傅全', 'PER'], ['钱学', 'PER']]), name: 'fake-5' });
    const [listed] = await tagger.tagTextsAsync(['总参谋长傅全有会见了代表团。']);
    expect(listed.people.map((p) => [p.name, p.mentions[0].start, p.mentions[0].end])).toEqual([['傅全有', 4, 7]]);
    const [unlisted] = await tagger.tagTextsAsync(['钱学有意见。']);
    expect(unlisted.people.map((p) => p.name)).toEqual(['钱学']);
  });

  it('gives the same output for the same input', async () => {
    const tagger = createTagger({}, { proposer: fake([['钱学海', 'PER'], ['洞庭湖', 'LOC']]), name: 'fake-3' });
    const text = '钱学海在洞庭湖边调研。';
    expect(await tagger.tagTextsAsync([text])).toEqual(await tagger.tagTextsAsync([text]));
  });
});
