import { splitTitleBlock } from './title-block.parser';
import { titleLikeness } from './title-line.classifier';

describe('splitTitleBlock', () => {
  it.each([
    // Lead-ins: …时强调, …会议强调, a colon.
    [['曹慧泉在市委宣传部走访调研时强调', '做好宣传阐释服务人民群众', '凝心聚力加快株洲高质量发展'], '曹慧泉在市委宣传部走访调研时强调'],
    [['省委常委会召开会议强调', '扎实推进现代化产业体系建设', '王洪涛主持'], '省委常委会召开会议强调'],
    [['时不我待抓落实:', '奋力实现一季度“开门红”'], '时不我待抓落实:'],
    // Rubrics and identities.
    [['全市打造“三个高地”工作竞赛评比', '醴陵市获年度全能冠军'], '全市打造“三个高地”工作竞赛评比'],
    [['打造“三个高地”', '59个典型案例公布'], '打造“三个高地”'],
    [['哈工大校长、中国科学院院士', '韩杰才来株调研', '曹慧泉陪同'], '哈工大校长、中国科学院院士'],
    [['“三湘四水”高质量发展巡礼', '岳阳:“一江一湖”绘新景'], '“三湘四水”高质量发展巡礼'],
    [['奋进新征程\u3000建功新时代', '我市一季度重大项目集中开工', '总投资468亿元'], '奋进新征程\u3000建功新时代'],
    [['【两会声音】', '把一线声音带到会场'], '【两会声音】'],
    [['在全市文明城市创建工作推进会上市委副书记陈丽娟提出明确要求', '以“绣花”功夫提升城市品质'], '在全市文明城市创建工作推进会上市委副书记陈丽娟提出明确要求'],
    [['衡阳市2024年第一季度重大项目集中开工暨招商引资重点项目集中签约仪式在高新区举行', '128个项目总投资356亿元'], '衡阳市2024年第一季度重大项目集中开工暨招商引资重点项目集中签约仪式在高新区举行'],
  ])('%j has kicker %s', (lines, kicker) => {
    const block = splitTitleBlock(lines);
    expect(block.kicker).toBe(kicker);
    expect(block.headline).toBe(lines[1]);
    expect(block.subheadlines).toEqual(lines.slice(2));
  });

  it.each([
    // Couplets and supporting lines: the first line is the headline.
    [['创造性开展“两个年”活动', '加快打造“三个高地”', '陈恢清讲话']],
    [['株洲第三个千亿产业诞生', '电力新能源与装备制造(含汽车)产业规模达1047亿元']],
    [['“重大项目攻坚年”活动冲刺“1235”目标', '完成年度投资超千亿元']],
    [['《中国共产党株洲历史》(1921—1949)', '《湘赣革命根据地》公开出版']],
    [['抢抓历史性机遇', '扎实有效实施好改造项目']],
    [['“土特产”里闯出致富路', '——记广东省乡村振兴带头人吴志坚']],
  ])('%j has no kicker', (lines) => {
    expect(splitTitleBlock(lines)).toEqual({ kicker: null, headline: lines[0], subheadlines: lines.slice(1) });
  });

  it('takes a single line as the headline', () => {
    expect(splitTitleBlock(['国际油价小幅上涨'])).toEqual({ kicker: null, headline: '国际油价小幅上涨', subheadlines: [] });
  });
});

describe('titleLikeness', () => {
  it.each([
    ['醴陵市获年度全能冠军', 'strong'],
    ['曹慧泉在市委理论学习中心组(扩大)2024年第二次集体学习暨打造“三个高地”讲评和“重大项目攻坚年”“创新成果转化年”活动动员大会上强调', 'strong'],
    ['春季“种草”游,你准备好了吗？', 'weak'],
    ['时不我待抓落实:', 'weak'],
    ['■ 智能化改造全面铺开', 'weak'],
    ['会议以视频形式开到县市区。', 'no'],
    ['近年来,株洲坚持“聚焦、裂变、创新、升级、品牌”工作思路,加', 'no'],
    ['打造制造名城创新成果转化“破', 'no'],
    ['一、加强组织领导', 'no'],
    ['他说:', 'weak'],
    ['x'.repeat(10_000), 'no'],
  ])('%s is %s', (line, expected) => {
    expect(titleLikeness(line)).toBe(expected);
  });
});
