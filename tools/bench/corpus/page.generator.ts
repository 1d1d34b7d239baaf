// Generated city-daily pages for the benchmark: deterministic for a seed, sized like a real front page
// (~20 KB of UTF-8), and varied in the ways real scans vary: page furniture or none, kickers and
// subheadlines, several byline shapes (报讯 datelines, 新华社 wires, standalone credit lines, none),
// column breaks that cut a sentence across a blank line, paragraphs the scanner repeated, jump markers
// (▶▶下转02版②, ▲▲上接01版②), photo captions, ASCII or full-width punctuation, blank-line or tight paragraphs.
import {
  ACTIONS, CAMPAIGNS, CIRCLED, CITY_BODIES, COMPANIES, DISTRICTS, EXPERT_TITLES, FAR_PLACES, GIVEN_CHARS, GOALS, INDUSTRIES,
  LEADER_TITLES, LOCAL_TITLES, MEETINGS, PAPERS, type Paper, PROJECT_KINDS, RESULTS, SECTIONS, SURNAMES, TOPICS, TOWNS, VILLAGES, WEEKDAYS,
} from './news.vocabulary';
import { SeededRandom } from './seeded-random.util';

export interface GeneratedPage {
  /** Position in the corpus; page n of a seed is always the same text. */
  index: number;
  source: string;
  date: string;
  page: string;
  text: string;
  /** UTF-8 size of text. */
  bytes: number;
  /** Articles written (one headline each); a parser that splits perfectly finds this many. */
  articles: number;
  features: PageFeatures;
}

export interface PageFeatures {
  kickers: number;
  subheadlines: number;
  columnBreaks: number;
  repeatedParagraphs: number;
  jumpsTo: number;
  jumpsFrom: number;
  captions: number;
  furniture: boolean;
  asciiPunctuation: boolean;
  tightParagraphs: boolean;
}

export interface PageGeneratorOptions {
  /** UTF-8 bytes a page aims for; each page picks a size in this range. Default 17,000..23,500 (the sample is 21,239). */
  minBytes?: number;
  maxBytes?: number;
}

const BASE_DATE = Date.UTC(2024, 0, 1);
const PAGES_PER_EDITION = 8;

interface Person {
  name: string;
  title: string;
}

/** Everything one page shares: its paper, date, cast of leaders and layout style. */
interface PageContext {
  rng: SeededRandom;
  paper: Paper;
  city: string;
  districts: readonly string[];
  month: number;
  day: number;
  year: number;
  pageNumber: number;
  leaders: Person[];
  reporters: string[];
  features: PageFeatures;
}

export function editionOf(index: number): { date: string; page: string; month: number; day: number; year: number; pageNumber: number } {
  const edition = Math.floor(index / PAGES_PER_EDITION);
  const pageNumber = (index % PAGES_PER_EDITION) + 1;
  const when = new Date(BASE_DATE + edition * 86_400_000);
  return {
    date: when.toISOString().slice(0, 10),
    page: String(pageNumber).padStart(2, '0'),
    month: when.getUTCMonth() + 1,
    day: when.getUTCDate(),
    year: when.getUTCFullYear(),
    pageNumber,
  };
}

function personName(rng: SeededRandom): string {
  const given = rng.chance(0.75) ? rng.pick(GIVEN_CHARS) + rng.pick(GIVEN_CHARS) : rng.pick(GIVEN_CHARS);
  return rng.pick(SURNAMES) + given;
}

const fill = (template: string, city: string): string => template.replaceAll('{city}', city);

function place(ctx: PageContext): string {
  const { rng } = ctx;
  const roll = rng.next();
  if (roll < 0.55) return rng.pick(ctx.districts);
  if (roll < 0.75) return `${rng.pick(ctx.districts)}${rng.pick(TOWNS)}`;
  if (roll < 0.85) return `${rng.pick(ctx.districts)}${rng.pick(TOWNS)}${rng.pick(VILLAGES)}`;
  if (roll < 0.93) return ctx.city;
  return rng.pick(FAR_PLACES);
}

const body = (ctx: PageContext): string => (ctx.rng.chance(0.8) ? ctx.rng.pick(CITY_BODIES) : fill(ctx.rng.pick(COMPANIES), ctx.city));
const campaign = (ctx: PageContext): string => fill(ctx.rng.pick(CAMPAIGNS), ctx.city);
const actions = (ctx: PageContext, count: number): string => ctx.rng.sample(ACTIONS, count).join('，');
const amount = (ctx: PageContext): string => (ctx.rng.chance(0.5) ? String(ctx.rng.int(2, 980)) : `${ctx.rng.int(1, 99)}.${ctx.rng.int(1, 9)}`);
const dateText = (ctx: PageContext): string => `${ctx.month}月${Math.max(1, ctx.day - ctx.rng.int(0, 2))}日`;

function localPerson(ctx: PageContext): Person {
  const { rng } = ctx;
  const roll = rng.next();
  if (roll < 0.4) {
    const district = rng.pick(ctx.districts);
    const kind = district.endsWith('区') ? '区' : district.endsWith('县') ? '县' : '市';
    return { name: personName(rng), title: `${district}${rng.chance(0.5) ? `${kind}委书记` : `${kind}长`}`.replace(/市市/, '市') };
  }
  if (roll < 0.7) return { name: personName(rng), title: `${rng.pick(CITY_BODIES)}${rng.pick(['局长', '党组书记', '主任', '主要负责人', '副局长'])}` };
  if (roll < 0.9) return { name: personName(rng), title: `${fill(rng.pick(COMPANIES), ctx.city)}${rng.pick(['董事长', '总经理', '党委书记'])}` };
  return { name: personName(rng), title: `${rng.pick(TOWNS)}${rng.pick(LOCAL_TITLES.slice(4, 7))}` };
}

/** One sentence of local news, built from a template and the page's cast. */
function sentence(ctx: PageContext, cast: Person[]): string {
  const { rng } = ctx;
  const who = rng.pick(cast);
  const other = rng.pick(cast);
  const templates: Array<() => string> = [
    () => `${dateText(ctx)}，${body(ctx)}召开${rng.pick(MEETINGS)}，${who.title}${who.name}出席并讲话。`,
    () => `${who.name}强调，要${actions(ctx, rng.int(2, 4))}，推动${rng.pick(GOALS)}。`,
    () => `${who.name}指出，去年以来，${ctx.city}${actions(ctx, 2)}，${rng.pick(TOPICS)}工作${rng.pick(RESULTS)}。`,
    () => `据了解，${place(ctx)}${rng.pick(INDUSTRIES)}${rng.pick(PROJECT_KINDS)}项目总投资${amount(ctx)}亿元，建成后预计年产值${amount(ctx)}亿元，可新增就业岗位${rng.int(100, 3000)}个。`,
    () => `截至${rng.int(1, 12)}月底，全市累计完成固定资产投资${amount(ctx)}亿元，同比增长${rng.int(1, 30)}.${rng.int(0, 9)}%，增速居全省第${rng.int(1, 14)}位。`,
    () => `${place(ctx)}坚持“${campaign(ctx)}”工作思路，${actions(ctx, 2)}，${rng.pick(RESULTS)}。`,
    () => `会上，${body(ctx)}、${body(ctx)}、${place(ctx)}分别作典型发言；${other.title}${other.name}通报了${rng.pick(TOPICS)}工作情况。`,
    () => `${who.name}一行先后来到${place(ctx)}、${fill(rng.pick(COMPANIES), ctx.city)}，实地察看${rng.pick(TOPICS)}推进情况，详细了解${rng.pick(INDUSTRIES)}产业发展、企业生产经营等情况。`,
    () => `“${rng.pick(ACTIONS)}，${rng.pick(GOALS)}才有坚实基础。”${who.name}说，“我们将${actions(ctx, 2)}，全力以赴完成${rng.pick(GOALS)}各项任务。”`,
    () => `${other.title}${other.name}，${body(ctx)}、${body(ctx)}主要负责同志参加。`,
    () => `近年来，${ctx.city}${actions(ctx, 2)}，${rng.pick(INDUSTRIES)}产业规模突破${rng.int(100, 1500)}亿元，成为全市第${rng.int(2, 6)}个千亿产业。`,
    () => `下一步，${body(ctx)}将${actions(ctx, rng.int(2, 3))}，确保“${campaign(ctx)}”各项举措落地见效。`,
    () => `${place(ctx)}村民${personName(rng)}告诉记者，过去${rng.pick(['路难走', '看病远', '用水难', '收入低', '办事跑腿多'])}，如今${rng.pick(['家门口就能就业', '水泥路修到了家门口', '办事“一次不用跑”', '村里建起了卫生室', '合作社年年有分红'])}，日子越过越红火。`,
    () => `活动现场，${rng.int(2, 30) * 10}余名${rng.pick(['志愿者', '党员干部', '企业代表', '市民群众', '中小学生', '技术骨干'])}参与${rng.pick(['义诊', '政策宣讲', '技能比武', '招聘洽谈', '植树', '环境整治'])}活动，气氛热烈。`,
    () => `《${ctx.city}市${ctx.year}年${rng.pick(TOPICS)}实施方案》（以下简称《方案》）明确，到${ctx.year + rng.int(1, 3)}年，全市将${actions(ctx, 2)}，基本实现${rng.pick(GOALS)}。`,
    () => `${rng.pick(EXPERT_TITLES)}${personName(rng)}表示，${ctx.city}${rng.pick(INDUSTRIES)}产业基础扎实，希望双方在${rng.pick(['人才培养', '科技创新', '成果转化', '平台共建'])}等方面开展更多务实合作。`,
    () => `今年，${place(ctx)}计划实施${rng.pick(TOPICS)}项目${rng.int(3, 120)}个，目前已开工${rng.int(1, 60)}个，完成投资${amount(ctx)}亿元。`,
    () => `与此同时，${body(ctx)}${actions(ctx, 1)}，累计为企业减负${amount(ctx)}亿元，帮助解决${rng.pick(['用工', '融资', '用地', '用电', '物流'])}难题${rng.int(10, 900)}个。`,
  ];
  return rng.pick(templates)();
}

function paragraph(ctx: PageContext, cast: Person[], minSentences: number, maxSentences: number): string {
  const count = ctx.rng.int(minSentences, maxSentences);
  let text = '';
  for (let i = 0; i < count; i++) text += sentence(ctx, cast);
  return text;
}

function headline(ctx: PageContext, lead: Person): string {
  const { rng } = ctx;
  const templates: Array<() => string> = [
    () => `${rng.pick(ctx.districts)}${rng.pick(TOPICS)}跑出“加速度”`,
    () => `${ctx.city}${rng.pick(INDUSTRIES)}产业规模突破${rng.int(100, 1500)}亿元`,
    () => `${lead.name}调研${rng.pick(TOPICS)}工作`,
    () => `“${campaign(ctx)}”活动全面启动`,
    () => `${rng.int(8, 120)}个重点项目集中开工`,
    () => `${rng.pick(ctx.districts)}：${rng.pick(ACTIONS)}`,
    () => `${rng.pick(ACTIONS)} ${rng.pick(ACTIONS)}`,
    () => `让${rng.pick(['群众', '企业', '老人', '孩子', '游客'])}${rng.pick(['少跑腿', '更安心', '有盼头', '享实惠', '办成事'])}`,
    () => `${rng.pick(TOPICS)}：${rng.pick(RESULTS)}`,
    () => `全市${rng.pick(TOPICS)}${rng.pick(MEETINGS)}召开`,
  ];
  return rng.pick(templates)();
}

function kicker(ctx: PageContext, lead: Person): string {
  const { rng } = ctx;
  return rng.pick([
    () => `${lead.name}在${rng.pick(ctx.districts)}调研${rng.pick(TOPICS)}工作时强调`,
    () => `${lead.name}主持召开${rng.pick(TOPICS)}${rng.pick(MEETINGS)}强调`,
    () => `——“${campaign(ctx)}”系列报道之${rng.pick(['一', '二', '三', '四', '五', '六'])}`,
    () => `${ctx.city}召开${ctx.year}年${rng.pick(TOPICS)}${rng.pick(MEETINGS)}`,
  ])();
}

function subheadline(ctx: PageContext, cast: Person[]): string {
  const { rng } = ctx;
  const who = rng.pick(cast);
  return rng.pick([
    () => `${who.name}讲话`,
    () => `${who.name}出席`,
    () => `${who.name}陪同`,
    () => `${rng.int(3, 60)}个项目现场签约`,
    () => `${rng.pick(ACTIONS)}`,
  ])();
}

function reporterCredits(ctx: PageContext): { reporters: string[]; correspondents: string[] } {
  const { rng } = ctx;
  return {
    reporters: rng.sample(ctx.reporters, rng.chance(0.7) ? 1 : 2),
    correspondents: rng.chance(0.45) ? [personName(rng)] : [],
  };
}

/** The byline opening the first paragraph, or a credit line of its own; null for articles printed without one. */
function byline(ctx: PageContext): { inline: string | null; line: string | null } {
  const { rng } = ctx;
  const { reporters, correspondents } = reporterCredits(ctx);
  const roll = rng.next();
  if (roll < 0.45) {
    const parts = [`全媒体记者/${reporters.join(' ')}`];
    if (correspondents.length) parts.push(`通讯员/${correspondents.join(' ')}`);
    return { inline: `${ctx.paper.name}讯（${parts.join(' ')}）`, line: null };
  }
  if (roll < 0.65) {
    const parts = [`记者 ${reporters.join('、')}`];
    if (correspondents.length) parts.push(`通讯员 ${correspondents.join('、')}`);
    return { inline: `本报讯（${parts.join(' ')}）`, line: null };
  }
  if (roll < 0.75) return { inline: `本报讯 记者 ${reporters[0]}`, line: null };
  if (roll < 0.82) return { inline: `新华社${rng.pick(['北京', '长沙', '上海', '广州'])}${ctx.month}月${ctx.day}日电（记者 ${personName(rng)}、${personName(rng)}）`, line: null };
  if (roll < 0.92) {
    const line = correspondents.length ? `记者 ${reporters.join(' ')} 通讯员 ${correspondents.join(' ')}` : `本报记者 ${reporters.join(' ')}`;
    return { inline: null, line };
  }
  return { inline: null, line: null };
}

/** A paragraph as the scanner prints it: sometimes cut in two by a column break. */
function emitParagraph(ctx: PageContext, out: string[], text: string): void {
  if (text.length > 60 && ctx.rng.chance(0.15)) {
    const cut = ctx.rng.int(Math.max(20, Math.floor(text.length * 0.3)), text.length - 20);
    const last = text[cut - 1];
    if (!'。！？”'.includes(last)) {
      ctx.features.columnBreaks++;
      out.push(text.slice(0, cut));
      if (!ctx.features.tightParagraphs) out.push('');
      out.push(text.slice(cut));
      return;
    }
  }
  out.push(text);
}

function article(ctx: PageContext, out: string[], lead: boolean): void {
  const { rng } = ctx;
  const gap = () => {
    if (!ctx.features.tightParagraphs) out.push('');
  };
  const cast = [rng.pick(ctx.leaders), rng.pick(ctx.leaders), localPerson(ctx), localPerson(ctx)];
  const continued = ctx.pageNumber > 1 && rng.chance(0.12);

  // Title block: kicker, headline, subheadlines — together or separated by blank lines.
  const titles: string[] = [];
  if (!continued && rng.chance(lead ? 0.6 : 0.2)) {
    titles.push(kicker(ctx, cast[0]));
    ctx.features.kickers++;
  }
  titles.push(headline(ctx, cast[0]));
  const subs = continued ? 0 : rng.pick([0, 0, 0, 1, 1, 2]);
  for (let i = 0; i < subs; i++) titles.push(subheadline(ctx, cast));
  ctx.features.subheadlines += subs;
  out.push('');
  if (rng.chance(0.7)) out.push(...titles);
  else titles.forEach((title, i) => (i === 0 ? out.push(title) : out.push('', title)));
  out.push('');

  const paragraphs: string[] = [];
  const count = lead ? rng.int(6, 10) : rng.int(2, 7);
  for (let i = 0; i < count; i++) paragraphs.push(paragraph(ctx, cast, 1, lead ? 6 : 4));

  if (continued) {
    ctx.features.jumpsFrom++;
    const from = `${String(rng.int(1, Math.max(1, ctx.pageNumber - 1))).padStart(2, '0')}版${rng.pick(CIRCLED)}`;
    out.push(rng.chance(0.7) ? `▲▲上接${from}` : `（上接第${Number(from.slice(0, 2))}版）`);
    gap();
  } else {
    const credit = byline(ctx);
    if (credit.line) {
      out.push(credit.line);
      gap();
    }
    if (credit.inline) paragraphs[0] = `${credit.inline} ${paragraphs[0]}`;
  }

  // A paragraph the scanner printed twice (or three times), one after the other.
  const repeatAt = paragraphs.length > 2 && rng.chance(0.06) ? rng.int(1, paragraphs.length - 1) : -1;
  paragraphs.forEach((text, i) => {
    emitParagraph(ctx, out, text);
    gap();
    if (i === repeatAt) {
      ctx.features.repeatedParagraphs++;
      for (let r = rng.int(1, 2); r > 0; r--) {
        out.push(text);
        gap();
      }
    }
  });

  if (rng.chance(0.1)) {
    ctx.features.captions++;
    out.push(rng.chance(0.5) ? `图为${place(ctx)}${rng.pick(TOPICS)}现场。 记者 ${rng.pick(ctx.reporters)} 摄` : `▲${place(ctx)}的${rng.pick(PROJECT_KINDS)}项目建设现场。 通讯员 ${personName(rng)} 供图`);
    gap();
  }

  if (!continued && rng.chance(lead ? 0.3 : 0.12)) {
    ctx.features.jumpsTo++;
    const to = `${String(ctx.pageNumber + rng.int(1, 3)).padStart(2, '0')}版${rng.pick(CIRCLED)}`;
    const cutText = `${paragraph(ctx, cast, 1, 1).slice(0, -1)}，${rng.pick(ACTIONS)}`;
    if (rng.chance(0.5)) out.push(`${cutText}， ▶▶下转${to}`);
    else out.push(cutText, '', rng.chance(0.8) ? `▶▶下转${to}` : `（下转第${Number(to.slice(0, 2))}版）`);
    gap();
  }
}

function furniture(ctx: PageContext, section: string): string[] {
  const { rng } = ctx;
  const weekday = WEEKDAYS[(new Date(Date.UTC(ctx.year, ctx.month - 1, ctx.day)).getUTCDay() + 6) % 7];
  const lines = [`${ctx.year}年${ctx.month}月${ctx.day}日 ${weekday}`, `第${String(ctx.pageNumber).padStart(2, '0')}版 ${section}`];
  if (rng.chance(0.5)) lines.unshift(ctx.paper.name);
  lines.push(`责任编辑 ${personName(rng)}  美术编辑 ${personName(rng)}`);
  return rng.chance(0.5) ? [lines.join('  ')] : lines;
}

const ASCII: Record<string, string> = { '，': ',', '（': '(', '）': ')', '：': ':', '；': ';' };

/** Page `index` of the corpus `seed`: the same arguments always give the same page. */
export function generatePage(seed: number, index: number, options: PageGeneratorOptions = {}): GeneratedPage {
  const rng = new SeededRandom(SeededRandom.seedOf(seed, index));
  const paper = rng.pick(PAPERS);
  const edition = editionOf(index);
  const features: PageFeatures = {
    kickers: 0, subheadlines: 0, columnBreaks: 0, repeatedParagraphs: 0, jumpsTo: 0, jumpsFrom: 0, captions: 0,
    furniture: rng.chance(0.5),
    asciiPunctuation: rng.chance(0.6),
    tightParagraphs: rng.chance(0.2),
  };
  const ctx: PageContext = {
    rng,
    paper,
    city: paper.city,
    districts: DISTRICTS[paper.city],
    month: edition.month,
    day: edition.day,
    year: edition.year,
    pageNumber: edition.pageNumber,
    leaders: LEADER_TITLES.slice(0, rng.int(4, LEADER_TITLES.length)).map((title) => ({ title, name: personName(rng) })),
    reporters: Array.from({ length: rng.int(3, 6) }, () => personName(rng)),
    features,
  };
  const minBytes = options.minBytes ?? 17_000;
  const maxBytes = options.maxBytes ?? 23_500;
  const target = rng.int(minBytes, maxBytes);
  const lines: string[] = features.furniture ? furniture(ctx, rng.pick(SECTIONS)) : [];
  let articles = 0;
  let bytes = 0;
  while (bytes < target) {
    const start = lines.length;
    article(ctx, lines, articles === 0);
    articles++;
    for (let i = start; i < lines.length; i++) bytes += Buffer.byteLength(lines[i], 'utf8') + 1;
  }
  if (features.furniture && rng.chance(0.5)) lines.push('', `本版编辑 ${personName(rng)}`);
  let text = `${lines.join('\n').replace(/\n{3,}/g, '\n\n').trim()}\n`;
  if (features.asciiPunctuation) text = text.replace(/[，（）：；]/g, (char) => ASCII[char]);
  return { index, source: paper.name, date: edition.date, page: edition.page, text, bytes: Buffer.byteLength(text, 'utf8'), articles, features };
}

/** Pages 0..count-1 of the corpus `seed`. */
export function generateCorpus(seed: number, count: number, options: PageGeneratorOptions = {}): GeneratedPage[] {
  return Array.from({ length: count }, (_, index) => generatePage(seed, index, options));
}
