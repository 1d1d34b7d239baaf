// Splits a title block into kicker (引题), headline and subheadlines. Lines are copied verbatim, one
// line per string. The only judgement is whether the first line is a kicker; the headline is the line
// after it, and every further line (couplet halves, 副题 such as 陈恢清讲话, ——记… lines) is a subheadline.
import { isLeadLine } from './title-line.classifier';
import { visibleLength } from './text-chars';

const MAX_HEADLINE = 40;
const SCENE_OPENING = /^在.{2,40}(?:会上|上|时|期间|之际)/u;

export interface TitleBlock {
  kicker: string | null;
  headline: string;
  subheadlines: string[];
}

/** A list of titles before a name: 哈工大校长、中国科学院院士, 全国人大代表、某公司董事长. */
const ROLE_ENDING = /(?:院士|校长|书记|主任|部长|厅长|局长|省长|市长|县长|区长|镇长|乡长|主席|委员|代表|董事长|总经理|总裁|教授|研究员|专家|会长|理事长|院长|所长|行长|总工程师|工程师|模范|劳模|标兵|能手|大使|总统|总理|首相|秘书长|司令员|政委|作家|艺术家|科学家|企业家|运动员|教练员|志愿者|党员|主播|馆长|社长|总编辑|队长|支书|第一书记)$/u;
/** Labels of a series or a genre: …工作竞赛评比, …巡礼, 高质量发展看株洲③, 调研行之二. */
const LABEL_ENDING = /(?:评比|竞赛|综述|巡礼|侧记|纪实|特写|观察|调查|专访|访谈|进行时|系列报道|特别报道|述评|回眸|走基层|见闻|手记|走笔|随笔|札记|速写|快评|短评|时评|视点|导读|之[一二三四五六七八九十]+|[①-⑳]|[(（][一二三四五六七八九十\d]{1,3}[)）])$/u;

function isRoleList(line: string): boolean {
  if (visibleLength(line) > 40) return false;
  const parts = line.split(/[、\s]+/u).filter(Boolean);
  return parts.length > 0 && parts.every((part) => ROLE_ENDING.test(part));
}

/** A short topic set off in quotes, e.g. 打造“三个高地”: a rubric, not the news. */
function isQuotedTopic(line: string): boolean {
  return visibleLength(line) <= 10 && /[”」』]$/u.test(line) && /[“「『]/u.test(line);
}

/**
 * A slogan in two matching halves set apart by a space, e.g. 奋进新征程 建功新时代, over a headline
 * without one: a rubric. (A couplet headline sits on two lines instead.)
 */
function isSpacedSlogan(first: string, second: string): boolean {
  if (/\s/u.test(second.trim())) return false;
  const halves = first.trim().split(/\s+/u);
  if (halves.length < 2 || halves.length > 3) return false;
  const lengths = halves.map(visibleLength);
  return lengths.every((n) => n >= 3 && n <= 12) && Math.max(...lengths) - Math.min(...lengths) <= 2;
}

/** Whether the first line of a multi-line block is a kicker rather than the headline. */
export function isKicker(first: string, second: string): boolean {
  if (second.startsWith('—')) return false;
  if (/^【.+】$/u.test(first) || /(?:[:：]|——)$/u.test(first)) return true;
  // Headlines are short; a first line longer than any headline is a lead-in, and so is one that
  // sets the scene: 在全市…推进会上…, 在…调研时….
  if (visibleLength(first) > MAX_HEADLINE || SCENE_OPENING.test(first)) return true;
  return isLeadLine(first) || isRoleList(first) || LABEL_ENDING.test(first) || isQuotedTopic(first) || isSpacedSlogan(first, second);
}

export function splitTitleBlock(lines: readonly string[]): TitleBlock {
  if (lines.length === 0) return { kicker: null, headline: '', subheadlines: [] };
  if (lines.length === 1) return { kicker: null, headline: lines[0], subheadlines: [] };
  const kicker = isKicker(lines[0], lines[1]) ? lines[0] : null;
  const rest = kicker === null ? lines : lines.slice(1);
  return { kicker, headline: rest[0], subheadlines: rest.slice(1) };
}
