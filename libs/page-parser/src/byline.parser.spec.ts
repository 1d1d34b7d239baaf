import { parseCreditLine, parseDateline, parseDatelineByline } from './byline.parser';
import { parseCredits } from './credits.parser';

describe('parseDatelineByline', () => {
  it.each([
    ['株洲日报讯(全媒体记者/周菁 通讯员/雷茵) 近日,两书出版。', '株洲日报讯', ['周菁'], ['雷茵'], '近日,两书出版。'],
    ['本报讯 近日,我市启动行动。', '本报讯', [], [], '近日,我市启动行动。'],
    ['长沙晚报讯(全媒体记者 黄能 周辉霞) 3月11日,……', '长沙晚报讯', ['黄能', '周辉霞'], [], '3月11日,……'],
    ['新华社北京2月22日电(记者 孙立平、冯佳然)第十四届……', '新华社北京2月22日电', ['孙立平', '冯佳然'], [], '第十四届……'],
    ['新华社上海3月5日电 （记者 方列 唐瑶）记者5日获悉', '新华社上海3月5日电', ['方列', '唐瑶'], [], '记者5日获悉'],
    ['本报讯（记者\u3000陈露\u3000通讯员\u3000叶佳）昨天上午', '本报讯', ['陈露'], ['叶佳'], '昨天上午'],
    ['湖南日报·新湖南客户端2月29日讯(通讯员 周怡 全媒体记者 唐婷) 近日', '湖南日报·新湖南客户端2月29日讯', ['唐婷'], ['周怡'], '近日'],
    ['本报济南3月19日讯 记者 王小磊 通讯员 孙宁 3月19日,记者获悉', '本报济南3月19日讯', ['王小磊'], ['孙宁'], '3月19日,记者获悉'],
    ['南方日报讯 记者/林晓 通讯员/陈雪 3月9日,……', '南方日报讯', ['林晓'], ['陈雪'], '3月9日,……'],
    ['本报北京3月5日电 （记者张天宇）农业农村部', '本报北京3月5日电', ['张天宇'], [], '农业农村部'],
    ['据新华社电 记者从中国科学技术大学获悉', '据新华社电', [], [], '记者从中国科学技术大学获悉'],
    ['重庆晚报讯（记者 谭旭 实习生 孙悦）眼下', '重庆晚报讯', ['谭旭', '孙悦'], [], '眼下'],
  ])('%s', (line, dateline, reporters, correspondents, rest) => {
    const parsed = parseDatelineByline(line);
    expect(parsed).not.toBeNull();
    expect(parsed?.byline).toMatchObject({ dateline, reporters, correspondents });
    expect(parsed?.rest).toBe(rest);
  });

  it('keeps the byline as printed', () => {
    expect(parseDatelineByline('株洲日报讯(全媒体记者/周菁 通讯员/雷茵) 近日')?.byline.text).toBe('株洲日报讯(全媒体记者/周菁 通讯员/雷茵)');
  });

  it.each([
    '电力新能源与装备制造(含汽车)产业规模达1047亿元',
    '国网株洲供电公司推动园网共建',
    '通讯员在现场看到,工人们正在作业。',
    '记者从市住建局获悉,今年将改造老旧小区。',
    '电视台记者在现场报道。',
  ])('is not fooled by %s', (line) => {
    expect(parseDatelineByline(line)).toBeNull();
  });
});

describe('parseCreditLine', () => {
  it.each([
    ['记者 张三 通讯员 李四', ['张三'], ['李四']],
    ['全媒体记者 贺文兵 通讯员 罗菁', ['贺文兵'], ['罗菁']],
    ['本报记者 张三 李四', ['张三', '李四'], []],
    ['■本报记者 谭莹', ['谭莹'], []],
    ['(记者 李婷)', ['李婷'], []],
    ['文/图 南方日报记者 黄锦 实习生 吴佳颖', ['黄锦', '吴佳颖'], []],
    ['上游新闻·重庆晚报记者 王亚东 文/图', ['王亚东'], []],
    ['新华社记者 王思远 李晓婷', ['王思远', '李晓婷'], []],
    ['记者张三 通讯员李四', ['张三'], ['李四']],
    ['湖南日报全媒体记者 邓晶 周阳乐', ['邓晶', '周阳乐'], []],
  ])('%s', (line, reporters, correspondents) => {
    expect(parseCreditLine(line)).toEqual({ text: line.replace(/^■/u, ''), dateline: null, reporters, correspondents });
  });

  it('accepts a commentator credit without names', () => {
    expect(parseCreditLine('■本报评论员')).toEqual({ text: '本报评论员', dateline: null, reporters: [], correspondents: [] });
  });

  it.each(['记者从市住建局获悉,今年将改造老旧小区。', '最美通讯员', '通讯员 李四 说', '张三 李四', '记者在现场看到'])('rejects %s', (line) => {
    expect(parseCreditLine(line)).toBeNull();
  });
});

describe('parseCredits', () => {
  it('files names under the last role seen', () => {
    expect(parseCredits('通讯员 刘珊 全媒体记者 杨蔚然')).toMatchObject({ reporters: ['杨蔚然'], correspondents: ['刘珊'], unknown: [] });
  });

  it('reads names of minorities with a middle dot', () => {
    expect(parseCredits('记者 阿依古丽·买买提')).toMatchObject({ reporters: ['阿依古丽·买买提'] });
  });

  it('drops filler words and lists what it does not know', () => {
    expect(parseCredits('本报记者 张三 发自北京 报道')).toMatchObject({ reporters: ['张三'], unknown: [] });
    expect(parseCredits('记者 张三 今天很好啊')).toMatchObject({ reporters: ['张三'], unknown: ['今天很好啊'] });
  });
});

// Issue 13: bylines of national and international pages (本报/新华社/据… + place + date + 电/讯 + roles, names, 报道).
describe('national and international bylines', () => {
  it.each([
    ['本报巴黎6月3日电记者王某报道:法国多地举行活动。', '本报巴黎6月3日电', ['王某'], [], '法国多地举行活动。'],
    ['本报罗马6月3日电 记者高远报道：意大利政府宣布', '本报罗马6月3日电', ['高远'], [], '意大利政府宣布'],
    ['本报华盛顿6月3日电 记者 钟声 报道：美国劳工部公布', '本报华盛顿6月3日电', ['钟声'], [], '美国劳工部公布'],
    ['本报北京6月3日电 记者王平 通讯员李安报道：国家林草局', '本报北京6月3日电', ['王平'], ['李安'], '国家林草局'],
    ['本报北京3月5日讯 记者 陈某 农业农村部5日发布', '本报北京3月5日讯', ['陈某'], [], '农业农村部5日发布'],
    ['本报北京3月5日讯记者张某 国家统计局5日发布', '本报北京3月5日讯', ['张某'], [], '国家统计局5日发布'],
    ['人民日报北京3月5日电 （记者 丁某、刘某某）全国政协', '人民日报北京3月5日电', ['丁某', '刘某某'], [], '全国政协'],
    ['新华社北京3月5日电（记者 张某/通讯员 李某）记者5日从', '新华社北京3月5日电', ['张某'], ['李某'], '记者5日从'],
    ['据新华社日内瓦5月1日电(记者 陈某)国际劳工组织1日', '据新华社日内瓦5月1日电', ['陈某'], [], '国际劳工组织1日'],
    ['中新社布宜诺斯艾利斯5月2日电 （记者 赵某 发自布宜诺斯艾利斯）阿根廷', '中新社布宜诺斯艾利斯5月2日电', ['赵某'], [], '阿根廷'],
    ['本报东京６月３日电 （记者 岳某）日本政府', '本报东京６月３日电', ['岳某'], [], '日本政府'],
    ['新华社华盛顿6月3日电（记者 刘 某 熊 某）美国', '新华社华盛顿6月3日电', ['刘某', '熊某'], [], '美国'],
  ])('%s', (line, dateline, reporters, correspondents, rest) => {
    const parsed = parseDatelineByline(line);
    expect(parsed?.byline).toMatchObject({ dateline, reporters, correspondents });
    expect(parsed?.rest).toBe(rest);
  });

  it.each([
    ['本报记者 王某 报道', ['王某'], []],
    ['本报记者 王某报道', ['王某'], []],
    ['本报记者王某报道', ['王某'], []],
    ['新华社记者 张某', ['张某'], []],
    ['新华社记者 张某 李某某 王某', ['张某', '李某某', '王某'], []],
    ['本报驻巴黎记者 刘 某', ['刘某'], []],
    ['本报记者 王 鹏 刘 旸', ['王鹏', '刘旸'], []],
    ['本报记者 王某/通讯员 李某', ['王某'], ['李某']],
    ['本报记者 王某 本报通讯员 李某 报道', ['王某'], ['李某']],
    ['本报记者 黄某 摄影报道', ['黄某'], []],
    ['记者 刘某 摄', ['刘某'], []],
  ])('credit line %s', (line, reporters, correspondents) => {
    expect(parseCreditLine(line)).toMatchObject({ dateline: null, reporters, correspondents });
  });

  it.each([
    ['新华社开罗5月2日电', { agency: '新华社', place: '开罗', date: '5月2日' }],
    ['据新华社日内瓦5月1日电', { agency: '新华社', place: '日内瓦', date: '5月1日' }],
    ['本报巴黎6月3日电', { agency: '本报', place: '巴黎', date: '6月3日' }],
    ['本报北京3月5日讯', { agency: '本报', place: '北京', date: '3月5日' }],
    ['新华社烟台5月1日电', { agency: '新华社', place: '烟台', date: '5月1日' }],
    ['本报东京６月３日电', { agency: '本报', place: '东京', date: '６月３日' }],
    ['湖南日报·新湖南客户端2月29日讯', { agency: '湖南日报·新湖南客户端', place: null, date: '2月29日' }],
    ['据新华社电', { agency: '新华社', place: null, date: null }],
    ['另据新华社华盛顿5月1日电', { agency: '新华社', place: '华盛顿', date: '5月1日' }],
    ['本报讯', { agency: '本报', place: null, date: null }],
    ['长沙晚报讯', { agency: '长沙晚报', place: null, date: null }],
  ])('takes %s apart', (dateline, parts) => {
    expect(parseDateline(dateline)).toEqual(parts);
  });
});
