import { MAX_PAGE_CHARS, PARSER_VERSION, parsePage, parsePageWithWarnings } from './page.parser';
import { PageParseError } from './page-parse.error';

const page = (...blocks: string[]) => blocks.join('\n\n');

describe('parsePage', () => {
  it('splits title blocks with and without bylines into articles in text order', () => {
    const articles = parsePage(
      page(
        '王明在全市工作会议上强调\n扎实推进乡村振兴\n\n李华主持',
        '江城日报讯(全媒体记者/赵一 通讯员/钱二) 3月1日,全市乡村振兴工作会议召开。',
        '会议要求,各地要压实责任。',
        '我市新增绿道30公里',
        '记者从市园林局获悉,今年全市新增绿道30公里。',
      ),
    );
    expect(articles).toEqual([
      {
        order: 0,
        kicker: '王明在全市工作会议上强调',
        headline: '扎实推进乡村振兴',
        subheadlines: ['李华主持'],
        byline: { text: '江城日报讯(全媒体记者/赵一 通讯员/钱二)', dateline: '江城日报讯', reporters: ['赵一'], correspondents: ['钱二'] },
        body: '3月1日,全市乡村振兴工作会议召开。\n会议要求,各地要压实责任。',
        continuation: null,
        continuedFrom: null,
        datelines: [],
      },
      { order: 1, kicker: null, headline: '我市新增绿道30公里', subheadlines: [], byline: null, body: '记者从市园林局获悉,今年全市新增绿道30公里。', continuation: null, continuedFrom: null, datelines: [] },
    ]);
  });

  it('repairs column breaks, even inside a name, and keeps repeated paragraphs once', () => {
    const [article] = parsePage(page('标题在这里出现', '本报讯(记者 张三) 市委书记王', '建平主持会议。', '会议强调,要抓好落实。', '会议强调, 要抓好落实。', ' 会议强调,要抓好落实。'));
    expect(article.body).toBe('市委书记王建平主持会议。\n会议强调,要抓好落实。');
  });

  it('does not take the first words of a cut paragraph for a title', () => {
    const articles = parsePage(page('春季赏花游热度攀升', '本报讯(记者 谭旭) 眼下正是赏花的好时节。', '今年', '以来,各区县推出活动300余场。'));
    expect(articles).toHaveLength(1);
    expect(articles[0].body).toBe('眼下正是赏花的好时节。\n今年以来,各区县推出活动300余场。');
  });

  it('ends an article at a 下转 marker and starts a headless one at 上接', () => {
    const articles = parsePage(page('▲▲上接01版②', '项目建成后将形成年产10万吨的能力。', '港口吞吐量创新高', '本报讯(记者 刘文涛) 今年以来港口吞吐量保持增长, ▶▶下转03版①', '下一篇标题', '正文从这里开始。'));
    expect(articles.map((a) => [a.headline, a.continuedFrom, a.continuation])).toEqual([
      ['', { fromPage: '01', marker: '②' }, null],
      ['港口吞吐量创新高', null, { toPage: '03', marker: '①' }],
      ['下一篇标题', null, null],
    ]);
    expect(articles[1].body).toBe('今年以来港口吞吐量保持增长,');
  });

  it('joins a credit line and the dateline under it into one byline', () => {
    const [article] = parsePage(page('代表委员热议新质生产力', '新华社记者 王思远 李晓婷', '新华社北京3月5日电 代表委员们展开热烈讨论。'));
    expect(article.byline).toEqual({ text: '新华社记者 王思远 李晓婷 新华社北京3月5日电', dateline: '新华社北京3月5日电', reporters: ['王思远', '李晓婷'], correspondents: [] });
  });

  it('joins two credit lines into one byline', () => {
    const [article] = parsePage(page('山城步道串起城市烟火气', '文/记者 王亚东', '图/记者 李强', '沿着十八梯拾级而上。'));
    expect(article.byline).toEqual({ text: '文/记者 王亚东 图/记者 李强', dateline: null, reporters: ['王亚东', '李强'], correspondents: [] });
    expect(article.body).toBe('沿着十八梯拾级而上。');
  });

  it('finds the title of a dateline even when the title line is too long to look like one', () => {
    const long = '湖南农业大学科研团队培育出耐高温早籼稻新品种并通过国家审定实现推广种植';
    const articles = parsePage(page('前一篇标题', '正文第一段。', long, '本报讯(记者 唐婷) 近日,新品种通过审定。'));
    expect(articles.map((a) => a.headline)).toEqual(['前一篇标题', long]);
  });

  it('reads the same page identically with CRLF, full-width indentation and stray control characters', () => {
    const clean = page('我市新增绿道30公里', '本报讯（记者 赵辉） 记者从市园林局获悉,今年全市新增绿道', '30公里。');
    const messy = `\uFEFF${clean.replace(/\n/g, '\r\n').replace('记者从', '\u3000\u3000记者\u0007从').replace('30公里。', '\u200b30公里。\u000c')}\r\n`;
    expect(parsePage(messy)).toEqual(parsePage(clean));
  });

  it('keeps text before any title as an article without headline and says so', () => {
    const result = parsePageWithWarnings('这是一段没有标题的正文,它应当被保留下来。');
    expect(result.articles).toMatchObject([{ headline: '', body: '这是一段没有标题的正文,它应当被保留下来。' }]);
    expect(result.warnings).toEqual(['line 1: article without a title (headline left empty)']);
  });

  it('drops page furniture and debris', () => {
    const result = parsePageWithWarnings(page('2024年3月20日 星期三 A02 要闻', '————————', '标题一行在此', '正文内容。', '* * *', '责任编辑:张明 美编:李娜'));
    expect(result.articles.map((a) => [a.headline, a.body])).toEqual([['标题一行在此', '正文内容。']]);
  });

  it('takes back a lead-in too long for a title when a byline confirms the headline under it', () => {
    const kicker = '在全市文明城市创建工作推进会上,市委副书记陈丽娟对今年的创建工作提出明确要求并作出具体部署';
    const articles = parsePage(page('前一篇标题', '本报讯(记者 甲乙) 正文。', kicker, '以“绣花”功夫提升城市品质', '本报讯(记者 谭倩) 会议召开。'));
    expect(articles[1]).toMatchObject({ kicker, headline: '以“绣花”功夫提升城市品质' });
    expect(articles[0].body).toBe('正文。');
  });

  it('recognizes a title without byline inside a page when its paragraph repeats its words', () => {
    const articles = parsePage(page('港口吞吐量创新高', '本报讯(记者 刘文涛) 今年以来港口吞吐量保持增长。', '国际油价小幅上涨', '国际油价4日小幅上涨,布伦特原油期货价格收于每桶83.76美元。'));
    expect(articles.map((a) => a.headline)).toEqual(['港口吞吐量创新高', '国际油价小幅上涨']);
  });

  it('keeps the first words of a cut paragraph in the body when they share nothing with the rest', () => {
    const articles = parsePage(page('轨道交通4号线二期今日开通', '本报讯(记者 江雨霏) 线路全长约18.5公里。', '4号线二期途', '经江北区、渝北区,串联起石船、御临等多个组团。'));
    expect(articles).toHaveLength(1);
    expect(articles[0].body).toBe('线路全长约18.5公里。\n4号线二期途经江北区、渝北区,串联起石船、御临等多个组团。');
  });

  it('accepts at the top of a page a title with a comma, and a colon lead-in over a byline', () => {
    const articles = parsePage(page('从“制造”到“智造”,苏州工业园区加速转型', '走进苏州工业园区,机械臂精准作业。', '时不我待抓落实:', '奋力实现一季度“开门红”', '湖南日报2月29日讯(全媒体记者 刘笑雪) 主要指标良好开局。'));
    expect(articles.map((a) => [a.kicker, a.headline])).toEqual([
      [null, '从“制造”到“智造”,苏州工业园区加速转型'],
      ['时不我待抓落实:', '奋力实现一季度“开门红”'],
    ]);
  });

  it('keeps section heads and photo captions inside the article', () => {
    const [article] = parsePage(page('苏州工业园区加速转型', '本报讯(记者 顾敏) 第一段。', '■ 智能化改造全面铺开', '第二段。', '【人才支撑持续增强】', '第三段。', '图为园区的智能生产线。 记者 周平 摄'));
    expect(article.body.split('\n')).toEqual(['第一段。', '■ 智能化改造全面铺开', '第二段。', '【人才支撑持续增强】', '第三段。', '图为园区的智能生产线。 记者 周平 摄']);
  });

  it('takes a credit printed under the body as the byline of an article that has none', () => {
    const [article] = parsePage(page('深圳启动“百万青年就业”行动', '深圳启动专项行动,提供就业岗位。', '(记者 李婷)'));
    expect(article).toMatchObject({ byline: { dateline: null, reporters: ['李婷'] }, body: '深圳启动专项行动,提供就业岗位。' });
  });

  it('exposes a version string', () => {
    expect(PARSER_VERSION).toMatch(/^parser-\d+\.\d+\.\d+$/);
  });
});

describe('parsePage on bad input', () => {
  it.each([
    ['', 'page is empty'],
    ['\n\r\n \u3000\t\n', 'page is empty'],
    ['\u0000\u0001\u0007', 'page is empty'],
    ['———\n* * *\n……\n', 'page has no text: 3 line(s) of noise only'],
  ])('%j gives a clear error', (text, message) => {
    expect(() => parsePage(text)).toThrow(new PageParseError(message));
  });

  it('refuses something that is not a string', () => {
    expect(() => parsePage(null as unknown as string)).toThrow(PageParseError);
    expect(() => parsePage(42 as unknown as string)).toThrow('page text must be a string, got number');
  });

  it('refuses a page above the size limit without parsing it', () => {
    expect(() => parsePage('一'.repeat(MAX_PAGE_CHARS + 1))).toThrow(/page is too large/);
  });
});

// Issue 13, class 1: a composite story (a roundup) carries several datelines under one headline.
describe('composite stories with inner datelines', () => {
  const roundup = page(
    '多地举办活动庆祝国际护士节',
    '本报开罗5月12日电 （记者 甲某）埃及卫生部12日在开罗举行表彰活动，100名护士获得表彰。',
    '卫生部官员说，护士是医疗体系的中坚力量。',
    '据新华社日内瓦5月12日电(记者 乙某)世界卫生组织12日发布报告说，全球护士缺口仍然较大，各国应加大',
    '培养力度。',
    '新华社曼谷5月12日电 泰国多家医院12日举办开放日活动，邀请市民了解护理工作，不少医院还',
    '本报东京5月12日电 （记者 丙某）日本护理协会12日发布调查结果。',
  );

  it('keeps the roundup one article: the first dateline is the byline, the others stay in the body and are listed', () => {
    const articles = parsePage(roundup);
    expect(articles).toHaveLength(1);
    const [article] = articles;
    expect(article.headline).toBe('多地举办活动庆祝国际护士节');
    expect(article.byline).toMatchObject({ dateline: '本报开罗5月12日电', reporters: ['甲某'] });
    expect(article.body.split('\n')).toEqual([
      '埃及卫生部12日在开罗举行表彰活动，100名护士获得表彰。',
      '卫生部官员说，护士是医疗体系的中坚力量。',
      '据新华社日内瓦5月12日电(记者 乙某)世界卫生组织12日发布报告说，全球护士缺口仍然较大，各国应加大培养力度。',
      // A dateline always opens a paragraph, even after a line a column break left open.
      '新华社曼谷5月12日电 泰国多家医院12日举办开放日活动，邀请市民了解护理工作，不少医院还',
      '本报东京5月12日电 （记者 丙某）日本护理协会12日发布调查结果。',
    ]);
    expect(article.datelines.map(({ offset: _offset, ...rest }) => rest)).toEqual([
      { text: '据新华社日内瓦5月12日电', agency: '新华社', place: '日内瓦', date: '5月12日' },
      { text: '新华社曼谷5月12日电', agency: '新华社', place: '曼谷', date: '5月12日' },
      { text: '本报东京5月12日电', agency: '本报', place: '东京', date: '5月12日' },
    ]);
    for (const dateline of article.datelines) expect(article.body.startsWith(dateline.text, dateline.offset)).toBe(true);
  });

  it('still starts a new article at a dateline with a title above it after a finished paragraph', () => {
    const articles = parsePage(page(roundup, '泰国央行维持基准利率不变，符合市场预期', '新华社曼谷5月12日电 泰国央行12日宣布维持基准利率不变。'));
    expect(articles.map((a) => [a.headline, a.byline?.dateline, a.datelines.length])).toEqual([
      ['多地举办活动庆祝国际护士节', '本报开罗5月12日电', 3],
      ['泰国央行维持基准利率不变，符合市场预期', '新华社曼谷5月12日电', 0],
    ]);
  });

  it('reads 另据新华社…电 as an inner dateline', () => {
    const [article] = parsePage(page('多国庆祝国际劳动节', '新华社开罗5月1日电 埃及多地举行集会。', '另据新华社华盛顿5月1日电 美国多地举行集会。'));
    expect(article.datelines).toMatchObject([{ text: '另据新华社华盛顿5月1日电', agency: '新华社', place: '华盛顿', offset: 10 }]);
  });

  it('starts a new story after one that ended with (完)', () => {
    const articles = parsePage(page('国际油价小幅上涨', '新华社纽约5月12日电 国际油价12日小幅上涨。（完）', '新华社伦敦5月12日电 伦敦股市12日收涨。'));
    expect(articles.map((a) => [a.headline, a.byline?.dateline])).toEqual([
      ['国际油价小幅上涨', '新华社纽约5月12日电'],
      ['', '新华社伦敦5月12日电'],
    ]);
  });

  it('reads a credit line and the first dateline as the byline, later datelines as inner ones', () => {
    const [article, ...rest] = parsePage(page('一季度多国经济数据出炉', '本报记者 丁某 戊某', '本报柏林5月12日电 德国联邦统计局12日公布数据。', '本报巴黎5月12日电 法国国家统计局同日公布数据。'));
    expect(rest).toEqual([]);
    expect(article.byline).toMatchObject({ dateline: '本报柏林5月12日电', reporters: ['丁某', '戊某'] });
    expect(article.datelines).toEqual([{ text: '本报巴黎5月12日电', agency: '本报', place: '巴黎', date: '5月12日', offset: 16 }]);
    expect(article.body.slice(16)).toBe('本报巴黎5月12日电 法国国家统计局同日公布数据。');
  });

  it('lists an inner dateline once when the scanner repeated its paragraph', () => {
    const [article] = parsePage(page('标题就在这里出现', '新华社北京5月12日电 第一段。', '新华社上海5月12日电 第二段。', '新华社上海5月12日电 第二段。'));
    expect(article.body).toBe('第一段。\n新华社上海5月12日电 第二段。');
    expect(article.datelines.map((d) => [d.place, d.offset])).toEqual([['上海', 5]]);
  });
});

describe('closing dateline notes', () => {
  it('keeps a bracketed dateline on a line of its own in the body, never as the next title', () => {
    const articles = parsePage(page('欧洲多国加快能源转型', '本报驻德国记者 甲某', '德国可再生能源发电量占比超过一半。', '（本报柏林、巴黎5月2日电）', '日本央行维持货币政策不变', '本报东京5月2日电 记者乙某报道：日本央行决定维持政策不变。'));
    expect(articles.map((a) => [a.kicker, a.headline, a.body])).toEqual([
      [null, '欧洲多国加快能源转型', '德国可再生能源发电量占比超过一半。\n（本报柏林、巴黎5月2日电）'],
      [null, '日本央行维持货币政策不变', '日本央行决定维持政策不变。'],
    ]);
  });
});

// Issue 13, class 2: national and international bylines inside a page.
describe('national bylines on a page', () => {
  it('reads 本报巴黎6月3日电记者王某报道: as a dateline and a reporter, and starts the body after the colon', () => {
    const [article] = parsePage(page('中法合作项目签约', '本报巴黎6月3日电记者王某报道:中法两国企业3日在巴黎签署合作协议。'));
    expect(article.byline).toEqual({ text: '本报巴黎6月3日电记者王某报道:', dateline: '本报巴黎6月3日电', reporters: ['王某'], correspondents: [] });
    expect(article.body).toBe('中法两国企业3日在巴黎签署合作协议。');
  });

  it('reads credit lines under a headline: 报道 dropped, spaced names joined, a correspondent after a slash', () => {
    const articles = parsePage(page('高校毕业生就业服务月启动', '本报记者 邓 某 报道', '教育部日前启动就业服务月活动。', '养老服务向农村延伸', '本报记者 苏某/通讯员 宁某', '江苏将推动养老服务向农村延伸。'));
    expect(articles.map((a) => a.byline && [a.byline.reporters, a.byline.correspondents])).toEqual([
      [['邓某'], []],
      [['苏某'], ['宁某']],
    ]);
  });
});

// Issue 13, class 3: the long summary line an evening paper prints under a main headline.
describe('summary lines under a headline', () => {
  const summary = '全市今年将新建改建农贸市场50个，同步推进周边道路和停车设施改造，让市民买菜更方便、更舒心、更实惠';

  it('takes a summary line over a dateline as a subheadline, and a later column break stays in the article', () => {
    const articles = parsePage(
      page('农贸市场改造提速', summary, '晚报讯（记者 甲某）记者昨天从市商务局获悉，今年全市将新建改建农贸市场50个，其中', '城区30个。', '改造后的市场将统一设置', '快检室和公平秤。'),
    );
    expect(articles).toHaveLength(1);
    expect(articles[0]).toMatchObject({ headline: '农贸市场改造提速', subheadlines: [summary], byline: { dateline: '晚报讯', reporters: ['甲某'] } });
    expect(articles[0].body).toBe('记者昨天从市商务局获悉，今年全市将新建改建农贸市场50个，其中城区30个。\n改造后的市场将统一设置快检室和公平秤。');
  });

  it('takes a summary line over a first paragraph without a byline as a subheadline', () => {
    const articles = parsePage(page('前一篇的标题', '前一篇的正文。', '农贸市场改造提速', summary, '记者昨天从市商务局获悉，今年全市将新建改建农贸市场50个。', '改造后的市场将统一设置', '快检室和公平秤。'));
    expect(articles.map((a) => [a.headline, a.subheadlines])).toEqual([
      ['前一篇的标题', []],
      ['农贸市场改造提速', [summary]],
    ]);
    expect(articles[1].body).toBe('记者昨天从市商务局获悉，今年全市将新建改建农贸市场50个。\n改造后的市场将统一设置快检室和公平秤。');
  });

  it('takes a summary line over a scene-setting lede (眼下, 走进, 清晨…) as a subheadline', () => {
    const [article] = parsePage(page('农贸市场改造提速', summary, '走进改造后的城南农贸市场，摊位整齐划一，地面干净清爽。'));
    expect(article).toMatchObject({ subheadlines: [summary], body: '走进改造后的城南农贸市场，摊位整齐划一，地面干净清爽。' });
  });

  it('takes a summary line between a mid-page headline and a credit line as a subheadline', () => {
    const articles = parsePage(page('前一篇的标题', '晚报讯 前一篇的正文，写得比较长一些，', '然后在这里结束。', '农贸市场改造提速', summary, '记者 甲某', '今年全市将新建改建农贸市场50个。'));
    expect(articles.map((a) => [a.headline, a.subheadlines, a.byline?.reporters])).toEqual([
      ['前一篇的标题', [], []],
      ['农贸市场改造提速', [summary], ['甲某']],
    ]);
  });

  it('reads front-page teasers: a headline, a summary line and a referral (▶详见A3版) that ends each', () => {
    const articles = parsePage(page('农贸市场改造提速', summary, '▶详见A3版', '夏令时节游客多', '（详见A7版）', '外滩隧道重新开放', '本报讯（记者 甲某）外滩隧道今天起重新开放。'));
    expect(articles.map((a) => [a.headline, a.subheadlines, a.body, a.continuation])).toEqual([
      ['农贸市场改造提速', [summary], '', { toPage: 'A03', marker: '' }],
      ['夏令时节游客多', [], '', { toPage: 'A07', marker: '' }],
      ['外滩隧道重新开放', [], '外滩隧道今天起重新开放。', null],
    ]);
  });

  it('leaves the first lines of a paragraph cut by a column break in the body', () => {
    const cut = '今年全市将新建改建农贸市场50个，同步推进周边道路和停车设施改造，市场内还将统一设置快检室';
    const [article] = parsePage(page('农贸市场改造提速', cut, '和公平秤，方便市民买菜。'));
    expect(article.subheadlines).toEqual([]);
    expect(article.body).toBe(`${cut}和公平秤，方便市民买菜。`);
  });

  it('leaves a long first paragraph with a sentence mark in the body', () => {
    const lede = '今年全市将新建改建农贸市场50个。同步推进周边道路和停车设施改造，让市民买菜更方便、更舒心';
    const [article] = parsePage(page('农贸市场改造提速', lede, '记者昨天从市商务局获悉了这一消息。'));
    expect(article.subheadlines).toEqual([]);
    expect(article.body.startsWith(lede)).toBe(true);
  });
});

describe('parsePage cost grows linearly', () => {
  // Not a timed test (speed figures are the bench's job): the CPU time this process spends on a text four times
  // larger must grow about four times, never sixteen as a quadratic step would. CPU time, not wall time, so a busy
  // machine does not change the ratio much; the bound leaves room for GC and cache effects.
  const cpuMs = (text: string): number => {
    const started = process.cpuUsage();
    parsePage(text);
    const used = process.cpuUsage(started);
    return (used.user + used.system) / 1000;
  };
  const growth = (make: (n: number) => string, n: number): number => {
    cpuMs(make(Math.ceil(n / 8))); // warm up the JIT so the first size is not charged for compiling
    // The least of two runs at each size: a GC pass (its helper threads count as this process's CPU) can land in
    // any one run, and the strings here are tens of MB.
    const small = Math.min(cpuMs(make(n)), cpuMs(make(n)));
    const large = Math.min(cpuMs(make(4 * n)), cpuMs(make(4 * n)));
    if (small < 10) throw new Error(`the small text took ${small.toFixed(1)} ms of CPU: too little to measure growth, give it more`);
    return large / small;
  };
  const article = page('我市新增绿道30公里', '本报讯(记者 赵辉) 记者从市园林局获悉,今年全市新增绿道30公里,串联公园和社区,方便市民休闲健身。', '截至去年底,全市已建成绿道', '7300余公里。');

  it('parses one article per repeat of a page 4x as long, in about 4x the time', () => {
    expect(parsePage(`${article}\n\n`.repeat(2_000)).length).toBe(2_000);
    expect(growth((n) => `${article}\n\n`.repeat(n), 3_000)).toBeLessThan(10);
  });

  it.each<[string, (n: number) => string, number]>([
    ['one line of a repeated credit', (n) => '记者 张三 '.repeat(n), 150_000],
    ['one line of open brackets after a dateline', (n) => `本报讯${'('.repeat(n)}`, 6_000_000],
    ['one line of opening quotes', (n) => `标题\n${'“'.repeat(n)}一`, 2_000_000],
    ['one-character lines', (n) => '一\n'.repeat(n), 400_000],
    ['a title line followed by commas', (n) => `标题在此\n\n${','.repeat(n)}。`, 4_000_000],
    ['alternating short titles and paragraphs', (n) => '国际油价小幅上涨\n国际油价4日小幅上涨。\n'.repeat(n), 40_000],
    ['a roundup of inner datelines', (n) => `标题在此\n${'新华社北京5月2日电\n'.repeat(n)}`, 100_000],
    ['summary-shaped lines', (n) => `标题在此\n${'全市今年将新建改建农贸市场50个，同步推进周边道路和停车设施改造\n'.repeat(n)}`, 60_000],
  ])('%s: cost grows linearly', (_name, make, n) => {
    expect(growth(make, n)).toBeLessThan(10);
  });
});
