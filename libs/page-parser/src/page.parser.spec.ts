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

describe('parsePage speed', () => {
  const elapsed = (text: string) => {
    const started = performance.now();
    const articles = parsePage(text);
    return { ms: performance.now() - started, articles };
  };
  const article = page('我市新增绿道30公里', '本报讯(记者 赵辉) 记者从市园林局获悉,今年全市新增绿道30公里,串联公园和社区,方便市民休闲健身。', '截至去年底,全市已建成绿道', '7300余公里。');

  // Bounds are loose so a busy machine does not fail them; a quadratic step would take minutes here.
  it('parses a 5 MB page fast', () => {
    const big = elapsed(`${article}\n\n`.repeat(Math.ceil((5 * 1024 * 1024) / (article.length * 3))));
    expect(big.articles.length).toBeGreaterThan(10_000);
    expect(big.ms).toBeLessThan(8000);
  });

  it.each([
    ['one 5 MB line of a repeated credit', '记者 张三 '.repeat(900_000)],
    ['one 5 MB line of open brackets after a dateline', `本报讯${'('.repeat(5_000_000)}`],
    ['one 5 MB line of opening quotes', `标题\n${'“'.repeat(5_000_000)}一`],
    ['5 MB of one-character lines', '一\n'.repeat(2_500_000)],
    ['a title line followed by 1 MB of commas', `标题在此\n\n${','.repeat(1_000_000)}。`],
    ['5 MB of alternating short titles and paragraphs', '国际油价小幅上涨\n国际油价4日小幅上涨。\n'.repeat(200_000)],
  ])('handles %s quickly', (_name, text) => {
    expect(elapsed(text).ms).toBeLessThan(8000);
  });
});
