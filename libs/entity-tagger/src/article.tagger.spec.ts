import { mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ArticleText, Entities } from '@baoxun/shared/contracts/article.contract';
import { EntitiesSchema } from '@baoxun/shared/contracts/article.contract';
import { createTagger, tagArticle, tagText, TAGGER_VERSION } from './article.tagger';
import { badMentions } from './testing/mention-check';

const names = (list: { name: string }[]): string[] => list.map((e) => e.name);
const person = (e: Entities, name: string) => e.people.find((p) => p.name === name);
const place = (e: Entities, name: string) => e.places.find((p) => p.name === name);

function article(parts: Partial<ArticleText> & { body: string }): ArticleText {
  return { order: 0, kicker: null, headline: '标题', subheadlines: [], byline: null, continuation: null, continuedFrom: null, ...parts };
}

describe('tagger API', () => {
  it('exposes a version and tags plain text as body', () => {
    expect(TAGGER_VERSION).toMatch(/^tagger-\d+\.\d+\.\d+$/);
    const e = tagText('市委书记王建国在湖南省长沙市调研。');
    expect(EntitiesSchema.parse(e)).toEqual(e);
    for (const list of [e.people, e.places]) for (const x of list) for (const m of x.mentions) expect(m.field).toBe('body');
  });
});

describe('people and their titles', () => {
  it('takes the titles written before a name, split at 、', () => {
    const e = tagText('2月22日，市委副书记、市长陈恢清主持会议，市委常委、宣传部部长江小忠参加。');
    expect(person(e, '陈恢清')?.roles).toEqual(['市委副书记', '市长']);
    expect(person(e, '江小忠')?.roles).toEqual(['市委常委', '宣传部部长']);
  });

  it('keeps the organization in front of a title and shares a title across a list', () => {
    const e = tagText('哈尔滨工业大学副校长帅永，市领导刘亚亮、杨胜跃，株洲高新区党委书记郭凌云分别参加有关活动。');
    expect(person(e, '帅永')?.roles).toEqual(['哈尔滨工业大学副校长']);
    expect(person(e, '刘亚亮')?.roles).toEqual(['市领导']);
    expect(person(e, '杨胜跃')?.roles).toEqual(['市领导']);
    expect(person(e, '郭凌云')?.roles).toEqual(['株洲高新区党委书记']);
  });

  it('reads an everyday word and a character as that, not as a name, unless a title says person', () => {
    // 关键 and 公布 are everyday words whose first character is also a surname; 王国 (in 王国庆) is a place name.
    expect(names(tagText('关键仍在于落实。公布出来的名单已经确定。').people)).toEqual([]);
    expect(names(tagText('王国庆在会上说，要抓好落实。').people)).toEqual(['王国庆']);
  });

  it('finds speakers, lists and compound surnames without false persons', () => {
    const e = tagText('欧阳明辉强调，要抓落实。刘光跃、聂方红、阳望平等参加会议。会议指出，全市要加快发展。');
    expect(names(e.people).sort()).toEqual(['刘光跃', '欧阳明辉', '聂方红', '阳望平'].sort());
  });

  it('tags countries as places, 中国 included, except inside organizations, doctrines and facilities', () => {
    const e = tagText('从中国进口的设备，中国企业在美国和俄罗斯投资。学习新时代中国特色社会主义思想。在中国动力谷展示中心参观。中华人民共和国成立。中国科学院院士来访。');
    expect(names(e.places)).toEqual(['中国', '美国', '俄罗斯', '中华人民共和国']);
    expect(e.places[0].mentions).toHaveLength(2);
    expect(names(e.organizations)).toEqual(['中国科学院']);
    // Outside a doctrine's name the phrase names the country's system; 国是 across 中国是 is an accident.
    expect(names(tagText('中国是发展中国家，走中国特色社会主义道路。').places)).toEqual(['中国']);
    expect(tagText('中国是发展中国家，走中国特色社会主义道路。').places[0].mentions).toHaveLength(2);
  });

  it('finds 中国 + a short company name where the context says company, not 中国 + a word', () => {
    const e = tagText('叶片助力中国中车海上风电实现突破，中国中车的订单增加。助力中国经济发展。');
    expect(names(e.organizations)).toEqual(['中国中车']);
    expect(e.organizations[0].mentions).toHaveLength(2);
    expect(names(e.places)).toEqual(['中国']);
  });

  it('reads each abbreviation of a coordinated run before a relation noun as a place of its own', () => {
    const e = tagText('推动中美关系发展，中日韩三国合作，港澳同胞与京津冀地区。两岸关系。湘赣革命根据地。');
    const byName = new Map(e.places.map((p) => [p.name, p]));
    expect(names(e.places)).toEqual(['中', '美', '日', '韩', '港', '澳', '京', '津', '冀', '湘赣']);
    expect(byName.get('中')?.mentions).toHaveLength(2);
    expect(byName.get('美')?.canonicalName).toBe('美国');
    expect(byName.get('京')).toMatchObject({ code: '110000', canonicalName: '北京市' });
  });

  it('does not read a descriptor and an ending as an organization (两国政府, 县级人民政府, 唯一合法政府)', () => {
    const e = tagText('两国政府签署协定，县级人民政府负责，中国政府是唯一合法政府。');
    expect(names(e.organizations)).toEqual(['中国政府']);
  });

  it('names a congress with its ordinal and the body that holds it (中国共产党第十五次全国代表大会, 第九届全国人民代表大会)', () => {
    const e = tagText('中国共产党第十五次全国代表大会在北京召开。第九届全国人民代表大会第一次会议开幕。');
    expect(names(e.organizations)).toEqual(['中国共产党第十五次全国代表大会', '第九届全国人民代表大会']);
  });

  it('reads a country and a dash before a body named for China as one bilateral body, and a body of a body as one', () => {
    const e = tagText('圭亚那—中国友好协会会长发言，黄埔军校同学会和东南亚国家联盟出席。');
    expect(names(e.organizations)).toEqual(['圭亚那—中国友好协会', '黄埔军校同学会', '东南亚国家联盟']);
    expect(names(e.places)).toEqual([]);
  });

  it('reads a noun before a paper\'s ending as the paper, a court by its kind, committees of an event and hotels', () => {
    const e = tagText('经济日报和环球时报报道，香港特区终审法院、高等法院，株洲马拉松组委会在湖南长城宾馆开会。他今日报道了此事。');
    expect(names(e.organizations)).toEqual(['经济日报', '环球时报', '香港特区终审法院', '高等法院', '株洲马拉松组委会', '湖南长城宾馆']);
  });

  it('knows the democratic parties by their short forms, not across a word (农民建房)', () => {
    const e = tagText('民进和九三学社的代表，民进党人士，农民建房。');
    expect(e.organizations.map((o) => [o.name, o.canonicalName ?? null])).toEqual([['民进', '中国民主促进会'], ['九三学社', null], ['民进党', '民主进步党']]);
  });

  it('knows the main international organizations and the armed forces by name (北约, 欧盟, 中国人民解放军)', () => {
    const e = tagText('北约和欧盟的代表会见了中国人民解放军代表团。');
    expect(names(e.organizations)).toEqual(expect.arrayContaining(['北约', '欧盟']));
    expect(names(e.organizations).some((n) => n.startsWith('中国人民解放军'))).toBe(true);
    expect(names(e.places)).toEqual([]);
  });

  it('reads a department of a medium or a known body as part of it (人民日报国际部)', () => {
    expect(names(tagText('人民日报国际部主办。').organizations)).toEqual(['人民日报国际部']);
  });

  it('reads a country at the head of a legislature, party, ministry or armed service as part of that body', () => {
    const e = tagText('墨西哥参议院通过决议，智利共产党和赞比亚国防部发表声明。');
    expect(names(e.organizations)).toEqual(['墨西哥参议院', '智利共产党', '赞比亚国防部']);
    expect(names(e.places)).toEqual([]);
  });

  it('reads a country\'s abbreviation before 方 (side) as the country (中方, 美方), not inside other words (集中方式, 中方面)', () => {
    const e = tagText('中方和美方签署协议，英方表示欢迎。要集中方式方法。');
    expect(names(e.places)).toEqual(['中', '美', '英']);
    expect(e.places.map((p) => p.canonicalName)).toEqual(['中国', '美国', '英国']);
  });

  it('reads a country, a province or a city in a quote as a place, not a smaller one named in a slogan', () => {
    const e = tagText('坚持“一个中国”原则，推广“枫桥经验”。');
    expect(names(e.places)).toEqual(['中国']);
  });

  it('reads a place before a feature word as the feature (马拉维湖, 朝鲜半岛), not before a longer word (中国海军)', () => {
    const e = tagText('马拉维湖畔，朝鲜半岛局势，中国海军舰艇。');
    // 湖畔 is a word, but a locative one: the lake is still named.
    expect(names(e.places)).toEqual(['马拉维湖', '朝鲜半岛']);
    expect(names(e.organizations)).toEqual(['中国海军']);
    expect(e.places[0]).toMatchObject({ code: null, canonicalName: null });
  });

  it('does not read a country, or a country or province heading a word, as a person (马拉维总统, 香港回归)', () => {
    const e = tagText('马拉维总统穆卢齐说，香港回归祖国。');
    expect(names(e.people)).not.toContain('马拉维');
    expect(names(e.people).filter((n) => n.startsWith('香港'))).toEqual([]);
    expect(names(e.places)).toContain('马拉维');
  });

  it('reads one abbreviation after a verb of going or staying as the place (访华, 抵京), not one inside another word', () => {
    const e = tagText('总统抵京后访华，他驻港期间和旅美多年的学者出席。');
    const byName = new Map(e.places.map((p) => [p.name, p]));
    expect(names(e.places)).toEqual(['京', '华', '港', '美']);
    expect(byName.get('华')?.canonicalName).toBe('中国');
    expect(byName.get('京')).toMatchObject({ code: '110000', canonicalName: '北京市' });
    // 京剧, 华人, 美国 and 日益 are words of their own; 现在 and 后来 are not 在 and 来.
    expect(names(tagText('他在京剧院工作，来华人士增多，赴美国访问，在日益激烈的竞争中，现在京城很热，后来华为公司。').places)).toEqual(['美国']);
  });

  it('does not cut a county\'s or city\'s short form out of a longer place name (北海道 is not 北海)', () => {
    expect(names(tagText('他去北海道旅游。').places)).toEqual([]);
    expect(names(tagText('广西北海市和北海。').places)).toEqual(['北海市', '北海']);
  });

  it('reads 香港特区 as one place, the special administrative region with its code', () => {
    const [hk] = tagText('香港特区成立十周年。').places;
    expect(hk).toMatchObject({ name: '香港特区', code: '810000', canonicalName: '香港特别行政区' });
  });

  it('keeps a country\'s official form whole and a photo credit out of a name', () => {
    const e = tagText('波兰共和国总统和俄罗斯联邦外长访华。新华社记者兰红光摄');
    expect(names(e.places)).toEqual(['波兰共和国', '俄罗斯联邦', '华']);
    expect(names(e.people)).toEqual(['兰红光']);
  });

  it('reads titles written after a name, and skips names inside doctrines', () => {
    const e = tagText('深入学习贯彻习近平总书记重要讲话精神和习近平新时代中国特色社会主义思想。');
    expect(person(e, '习近平')?.roles).toEqual(['总书记']);
    expect(person(e, '习近平')?.mentions).toHaveLength(1);
    expect(names(tagText('学习贯彻习近平文化思想。').people)).toEqual([]);
  });

  it('gives byline names their label and takes a kicker title for the headline name', () => {
    const e = tagArticle(
      article({
        kicker: '哈工大校长、中国科学院院士',
        headline: '韩杰才来株调研',
        byline: { text: '株洲日报讯(全媒体记者/周菁 通讯员/雷茵)', dateline: '株洲日报讯', reporters: ['周菁'], correspondents: ['雷茵'] },
        body: '2月22日，韩杰才一行来株考察调研。',
      }),
    );
    expect(person(e, '周菁')).toMatchObject({ roles: ['全媒体记者'], mentions: [{ field: 'byline', start: 12, end: 14, text: '周菁' }] });
    expect(person(e, '雷茵')?.roles).toEqual(['通讯员']);
    expect(person(e, '韩杰才')?.roles).toEqual(['哈工大校长', '中国科学院院士']);
    expect(names(e.places)).not.toContain('株洲');
  });
});

describe('fragments that are not names', () => {
  it('does not read a count after a title as a name (都第一, 向十多名)', () => {
    expect(tagText('全体党员都第一时间赶到现场，工人向十多名学生讲解，市民都第二天就知道了。').people).toEqual([]);
    expect(tagText('干部都来了，群众向他们致谢。').people).toEqual([]);
  });

  it('ends an organization name at the form of address that ends a person’s name', () => {
    const e = tagText('免去王志刚同志株洲市人民政府副市长职务。');
    expect(names(e.organizations)).toEqual(['株洲市人民政府']);
    expect(names(e.people)).toEqual(['王志刚']);
  });
});

describe('places', () => {
  it('links divisions to their GB/T 2260 code and parents, short forms included', () => {
    const e = tagText('湖南省株洲市醴陵市获年度冠军，株洲人民倍感振奋。');
    expect(place(e, '湖南省')).toMatchObject({ code: '430000', canonicalName: null, parents: [] });
    expect(place(e, '醴陵市')).toMatchObject({ code: '430281', parents: [{ code: '430000', name: '湖南省' }, { code: '430200', name: '株洲市' }] });
    expect(place(e, '株洲')).toMatchObject({ code: '430200', canonicalName: '株洲市' });
  });

  it('links a scanner misspelling to the division its neighbours point at, keeping the text as written', () => {
    const e = tagText('亚军是绿口区、石峰区，季军是天元区和荷塘区。');
    expect(place(e, '绿口区')).toMatchObject({ code: '430212', canonicalName: '渌口区' });
    expect(place(e, '绿口区')?.mentions[0].text).toBe('绿口区');
  });

  it('tags named areas without codes and leaves places inside names alone', () => {
    const e = tagText('重点加大主城区老工业基地和临江片区城中村改造力度，创建湘赣边乡村振兴示范区。');
    expect(place(e, '临江片区')?.code).toBeNull();
    expect(names(e.places)).toEqual(expect.arrayContaining(['临江片区', '湘赣边']));
    expect(names(e.places)).not.toContain('城中');
    expect(names(tagText('《株洲市2024年活动实施方案》发布，参观了株洲北斗产业园展厅。').places)).toEqual([]);
  });

  it('finds villages of the towns the text names', () => {
    const e = tagText('走进新昌县澄潭街道梅渚村，白墙黛瓦。');
    expect(place(e, '梅渚村')).toMatchObject({ code: '330624004214' });
  });

  it('does not read a short form across a word', () => {
    expect(names(tagText('浙江西部山区发展很快。').places)).toEqual(['浙江']);
  });
});

describe('places below county level', () => {
  it('finds a village written without the ethnic group its table name has, and one named with its town’s short form', () => {
    expect(place(tagText('汝城县文明瑶族乡沙洲村的老乡们忙着春耕。'), '沙洲村')).toMatchObject({ code: '431026217219' });
    const e = tagText('我们去了韶山市韶山乡韶山村。');
    expect(place(e, '韶山村')).toMatchObject({ code: '430382200201', parents: expect.arrayContaining([{ code: '430382200', name: '韶山乡' }]) });
    expect(place(e, '韶山')).toBeUndefined();
  });

  it('finds a village anywhere in the paper’s province when its name is long enough to be unique', () => {
    const a = { ...article({ body: '十八洞村的变化令人感叹。' }), page: { source: '湖南日报' } };
    expect(place(tagArticle(a), '十八洞村')).toMatchObject({ code: '433124110226' });
    // Without a place to look in, it is still a place, without a code.
    expect(place(tagText('十八洞村的变化令人感叹。'), '十八洞村')).toMatchObject({ code: null });
  });

  it('tags villages and communities by their grammar, not descriptions that end in 村 or 社区', () => {
    expect(place(tagText('天心区坡子街街道青山祠社区组织居民开展活动。'), '青山祠社区')).toBeDefined();
    const generic = tagText('全市建成美丽乡村示范村三十个，贫困村全部出列，农村面貌一新。该社区有居民三千人，城市社区治理不断加强，他带着村干部走访。');
    expect(generic.places).toEqual([]);
  });

  it('tags mountain ranges, lake and mountain regions, and mountains that share a county’s short form', () => {
    const e = tagText('红军沿着罗霄山脉走到了井冈山，洞庭湖区和武陵山区的群众夹道欢迎。');
    expect(names(e.places)).toEqual(['罗霄山脉', '井冈山', '洞庭湖区', '武陵山区']);
    expect(e.places.every((p) => p.code === null)).toBe(true);
  });

  it('keeps a province written before a new area’s name in the area, with the province as its parent', () => {
    const e = tagText('湖南湘江新区今年将引进一百个项目。');
    expect(place(e, '湖南湘江新区')).toMatchObject({ code: null, parents: [{ code: '430000', name: '湖南省' }] });
  });
});

describe('organizations', () => {
  it('finds bodies by their endings and heads', () => {
    const e = tagText('经市工信局、市统计局等单位核定，醴陵市、市科技局、三一硅能(株洲)有限公司分别发言，中车株洲所联合研发。');
    expect(names(e.organizations)).toEqual(['市工信局', '市统计局', '市科技局', '三一硅能(株洲)有限公司', '中车株洲所']);
  });

  it('lists 市委 and 省委 only where they stand alone', () => {
    expect(names(tagText('市委书记曹慧泉、市委副书记陈恢清出席。').organizations)).toEqual([]);
    expect(names(tagText('确保党中央和省委、市委决策部署落地落实。').organizations)).toEqual(['党中央', '省委', '市委']);
  });

  it('keeps an institution named in a title and a quoted headquarters name', () => {
    const e = tagText('哈尔滨工业大学校长、中国科学院院士韩杰才来访。持续优化打造“三个高地”指挥部工作机制。');
    expect(names(e.organizations)).toEqual(['哈尔滨工业大学', '中国科学院', '打造“三个高地”指挥部']);
  });

  it('does not take generic phrases for organizations', () => {
    expect(names(tagText('形成新的发展格局和园区布局，该公司和干部在这个场所举办活动。').organizations)).toEqual([]);
  });
});

describe('news media and short forms of bodies', () => {
  it('finds national and provincial media by name and papers by their place and ending', () => {
    const e = tagText('人民日报发表评论员文章，红网、湖南日报、长沙晚报和湖南广播电视台进行了报道。');
    expect(names(e.organizations)).toEqual(['人民日报', '红网', '湖南日报', '长沙晚报', '湖南广播电视台']);
    expect(names(tagText('他在网上走红网络。').organizations)).toEqual([]);
  });

  it('gives 省委, 市政府 and 市人大 the full body of the paper’s place, keeping the name as printed', () => {
    const a = { ...article({ body: '省委、省政府高度重视，市人大、市政协组织视察，市委宣传部和市统计局参加。' }), page: { source: '株洲日报' } };
    const e = tagArticle(a);
    const full = Object.fromEntries(e.organizations.map((o) => [o.name, o.canonicalName]));
    expect(full).toEqual({
      省委: '中共湖南省委',
      省政府: '湖南省人民政府',
      市人大: '株洲市人大',
      市政协: '株洲市政协',
      市委宣传部: '中共株洲市委宣传部',
      市统计局: '株洲市统计局',
    });
  });

  it('gives a party organ or government named with its division its full name, and splits two bodies joined by 和', () => {
    const e = tagArticle({ ...article({ body: '醴陵市委、醴陵市政府召开会议，区委组织部和县政府办公室参加。' }), page: { source: '株洲日报' } });
    expect(e.organizations.map((o) => [o.name, o.canonicalName ?? null])).toEqual([
      ['醴陵市委', '中共醴陵市委'],
      ['醴陵市政府', '醴陵市人民政府'],
      ['区委组织部', null],
      ['县政府办公室', null],
    ]);
  });

  it('on a provincial paper takes the city from the article, and leaves a short form alone when nothing says which', () => {
    const one = tagArticle({ ...article({ body: '岳阳市召开会议，市委书记主持，市政府作部署。' }), page: { source: '湖南日报' } });
    expect(one.organizations.find((o) => o.name === '市政府')?.canonicalName).toBe('岳阳市人民政府');
    const none = tagText('省委、省政府高度重视。');
    expect(none.organizations.map((o) => o.canonicalName)).toEqual([undefined, undefined]);
  });
});

describe('campaign terms', () => {
  it('takes quoted slogans that are carried out and number formulas', () => {
    const e = tagText('加快打造“三个高地”，开展“两个年”活动，冲刺“1235”目标，构建“3+3+2”现代化产业体系和1+2+3+N体系。');
    expect(names(e.campaigns)).toEqual(['三个高地', '两个年', '1235', '3+3+2', '1+2+3+N']);
  });

  it('leaves quoted words in their ordinary sense', () => {
    const e = tagText('勇于创造“不可能”的新业绩，形成更多“二期现象”，奋力实现一季度“开门红”。从前期“看不清、半信半疑”到中期。');
    expect(names(e.campaigns)).toEqual([]);
  });

  it('reloads the operators dictionary when the file changes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'campaigns-'));
    const file = join(dir, 'campaigns.txt');
    writeFileSync(file, '# operators\n湘江保护\n');
    const tagger = createTagger({ campaignDictionaryPath: file, reloadIntervalMs: 0 });
    expect(names(tagger.tagText('推进湘江保护和两型社会建设。').campaigns)).toEqual(['湘江保护']);
    writeFileSync(file, '湘江保护\n两型社会\n-湘江保护\n');
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    expect(names(tagger.tagText('推进湘江保护和两型社会建设。').campaigns)).toEqual(['两型社会']);
  });
});

describe('mentions', () => {
  it('point at the exact text in their field, in reading order', () => {
    const a = article({
      kicker: '曹慧泉在市委宣传部走访调研时强调',
      headline: '做好宣传阐释服务人民群众',
      subheadlines: ['凝心聚力加快株洲高质量发展'],
      byline: { text: '株洲日报讯(全媒体记者/胡文洁)', dateline: '株洲日报讯', reporters: ['胡文洁'], correspondents: [] },
      body: '2月22日，市委书记曹慧泉在市委宣传部走访调研。他强调，要全力以赴实现“三高四新”美好蓝图，加快建设幸福株洲。',
    });
    const e = tagArticle(a);
    expect(badMentions(a, e)).toEqual([]);
    expect(names(e.people)).toEqual(['曹慧泉', '胡文洁']);
    expect(person(e, '曹慧泉')?.mentions.map((m) => m.field)).toEqual(['kicker', 'body']);
    expect(e.places[0]).toMatchObject({ name: '株洲', mentions: [{ field: 'subheadline', index: 0 }, { field: 'body' }] });
  });
});
