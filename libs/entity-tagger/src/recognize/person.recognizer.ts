import { isPersonPos, jiebaLexicon } from '../lexicon/jieba.lexicon';
import { isOrgSuffix } from '../lexicon/org.lexicon';
import { speakerVerbTrie, WEAK_SPEAKER_VERBS } from '../lexicon/person-cue.lexicon';
import { isStopCodeAt, trimLeftStops } from '../lexicon/stop.lexicon';
import { surnameLength } from '../lexicon/surname.lexicon';
import { BYLINE_LABEL, POSTPOSED_TITLES, titleHeadEndingAt, titleTrie } from '../lexicon/title.lexicon';
import { Trie } from '../lexicon/trie';
import { isClauseBreakAt, isHan } from '../text/char-class.util';
import { afterScore, bylineName, nameBackward, nameCanStartAt, nameForward, plausibleName } from './person-name.rules';

export interface PersonCandidate {
  start: number;
  end: number;
  name: string;
  roles: string[];
}

type Blocked = (start: number, end: number) => boolean;

/** People named in one string, by the patterns a newspaper uses; the caller adds later mentions of the same names. */
export function recognizePeople(text: string, blocked: Blocked): PersonCandidate[] {
  const out: PersonCandidate[] = [];
  const push = (c: PersonCandidate): void => {
    if (!blocked(c.start, c.end)) out.push(c);
  };
  bylinePeople(text, push);
  titledPeople(text, push);
  postposedTitles(text, push);
  speakers(text, push);
  lists(text, push);
  knownNames(text, push);
  return out;
}

/** 全媒体记者/周菁 通讯员/雷茵, (记者 张三 李四): names after a byline label take it as their role. */
export function bylinePeople(text: string, push: (c: PersonCandidate) => void): void {
  const label = /(?:全媒体|融媒体|本报|特约|首席|见习|实习|摄影|驻站|本台)?(?:记者|通讯员|实习生)/g;
  for (const m of text.matchAll(label)) {
    let p = m.index + m[0].length;
    for (;;) {
      // Not across a line break: the next line is the body (湖南日报全媒体记者 邓晶 周阳乐⏎初春时节…).
      while (p < text.length && /[ \t\u3000/／:：、]/.test(text[p])) p++;
      let q = p;
      while (q < text.length && isHan(text.charCodeAt(q)) && q - p < 5) q++;
      const name = text.slice(p, q);
      if (!bylineName(name) || BYLINE_LABEL.test(name) || (q < text.length && isHan(text.charCodeAt(q)))) break;
      push({ start: p, end: q, name, roles: [m[0]] });
      p = q;
      // Another name follows only after a space or 、 (记者 张三 李四).
      if (!/[ \t\u3000、]/.test(text[p] ?? '')) break;
    }
  }
}

/** 市委书记曹慧泉, 市委副书记、市长陈恢清, 市领导刘亚亮、杨胜跃: a title right before the name. */
function titledPeople(text: string, push: (c: PersonCandidate) => void): void {
  const titles = titleTrie();
  for (let i = 0; i < text.length; i++) {
    if (!isHan(text.charCodeAt(i))) continue;
    const hit = titles.longestAt(text, i);
    if (!hit || crossesTitle(text, i, hit.end)) continue;
    const name = nameForward(text, hit.end, true);
    if (!name) continue;
    // 党员都来了, 市民向他致谢: after a title a function character is read as a word before it is a surname.
    if (name.name.length === 2 && isStopCodeAt(text, name.start)) continue;
    const roles = roleChain(text, i, hit.end);
    push({ ...name, roles });
    // A list after one title shares it (市领导刘亚亮、杨胜跃).
    let p = name.end;
    while (text[p] === '、') {
      const next = nameForward(text, p + 1, true);
      if (!next || titles.longestAt(text, p + 1)) break;
      push({ ...next, roles });
      p = next.end;
    }
    i = name.end - 1;
  }
}

/**
 * A title read across a word: 学校长 (学校 + 长), 施工人员 (工人 + 员). A place or name across the end is fine
 * (宣传部部长江小忠: 长江 is a river, the title still ends at 长).
 */
function crossesTitle(text: string, start: number, end: number): boolean {
  const { words } = jiebaLexicon();
  const before = start > 0 ? words.get(text.slice(start - 1, start + 1)) : undefined;
  // 大学校长 is 大学 + 校长: an organization ending right before the title settles it.
  if (before && before.freq >= 1000 && !titleTrie().has(text.slice(start - 1, start + 1)) && !isOrgSuffix(text.slice(Math.max(0, start - 2), start))) return true;
  const after = words.get(text.slice(end - 1, end + 1));
  return !!after && after.freq >= 1000 && !/^(ns|nr|nrt|nrfg|nz)$/.test(after.pos);
}

/**
 * The titles in front of a name, split at 、: 市委副书记、市长 → [市委副书记, 市长]. Each title keeps the
 * organization written before it (哈尔滨工业大学校长, 株洲高新区党委书记), cut after verbs and function words.
 */
export function roleChain(text: string, headStart: number, end: number): string[] {
  const items: string[] = [];
  let head = headStart;
  let itemEnd = end;
  for (;;) {
    let left = head;
    while (left > 0 && head - left < 28) {
      if (isHan(text.charCodeAt(left - 1))) left--;
      else if (text[left - 1] === '）' || text[left - 1] === ')') {
        // 中国贵州茅台酒厂（集团）有限责任公司党委书记: a bracketed part of the organization's name.
        const open = text.lastIndexOf(text[left - 1] === '）' ? '（' : '(', left - 2);
        if (open < 0 || left - open > 8) break;
        left = open;
      } else break;
    }
    const start = trimLeftStops(text, left, head);
    items.unshift(text.slice(start, itemEnd));
    if (start !== left || text[left - 1] !== '、') break;
    const prevHead = titleHeadEndingAt(text, left - 1);
    if (prevHead < 0) break;
    head = prevHead;
    itemEnd = left - 1;
  }
  return items;
}

let postposed: Trie<string> | null = null;
function postposedTrie(): Trie<string> {
  if (postposed) return postposed;
  postposed = new Trie<string>();
  for (const t of POSTPOSED_TITLES) postposed.add(t, t);
  return postposed;
}

const TOP_TITLES = new Set(['总书记', '主席', '总理', '委员长']);

/** 习近平总书记, 曹慧泉书记: a title right after a name. */
function postposedTitles(text: string, push: (c: PersonCandidate) => void): void {
  const trie = postposedTrie();
  for (let i = 2; i < text.length; i++) {
    const hit = trie.longestAt(text, i);
    if (!hit) continue;
    const title = hit.values[0];
    for (const len of [3, 2, 4]) {
      const s = i - len;
      if (s < 0) continue;
      const name = text.slice(s, i);
      if (len === 4 && surnameLength(name) !== 2) continue;
      if (!plausibleName(name) || !nameCanStartAt(text, s)) continue;
      // Two characters before a title are too often a word; only the top leaders' titles are that telling.
      if (len === 2 && !TOP_TITLES.has(title)) continue;
      push({ start: s, end: i, name, roles: title === '同志' ? [] : [title] });
      break;
    }
  }
}

/** 曹慧泉强调, 陈恢清讲话, 韩杰才来株调研: a name at the start of a clause followed by what people do. */
function speakers(text: string, push: (c: PersonCandidate) => void): void {
  const verbs = speakerVerbTrie();
  for (let s = 0; s < text.length; s++) {
    // After 、 a name belongs to a list, which lists() reads.
    if (s > 0 && (!isClauseBreakAt(text, s - 1) || text.charCodeAt(s - 1) === 0x3001)) continue;
    // Cheap test first: a verb two to four characters on.
    if (!verbs.longestAt(text, s + 2) && !verbs.longestAt(text, s + 3) && !verbs.longestAt(text, s + 4)) continue;
    const name = nameForward(text, s);
    if (!name) continue;
    const verb = verbs.longestAt(text, name.end);
    if (!verb) continue;
    if (WEAK_SPEAKER_VERBS.has(verb.values[0]) && name.name.length < 3) continue;
    push({ ...name, roles: [] });
  }
}

/** 刘光跃、聂方红、阳望平…等: a run of names separated by 、. */
function lists(text: string, push: (c: PersonCandidate) => void): void {
  let k = text.indexOf('、');
  while (k >= 0) {
    const seps = [k];
    for (;;) {
      const n = text.indexOf('、', seps[seps.length - 1] + 1);
      if (n < 0) break;
      const mid = text.slice(seps[seps.length - 1] + 1, n);
      if (mid.length < 2 || mid.length > 4 || !/^[\u4e00-\u9fff]+$/.test(mid)) break;
      seps.push(n);
    }
    const items: ({ start: number; end: number; name: string } | null)[] = [nameBackward(text, seps[0], true)];
    for (let j = 0; j + 1 < seps.length; j++) {
      const name = text.slice(seps[j] + 1, seps[j + 1]);
      items.push(plausibleName(name, true) ? { start: seps[j] + 1, end: seps[j + 1], name } : null);
    }
    const last = nameForward(text, seps[seps.length - 1] + 1, true);
    items.push(last && afterScore(text, last.end) >= 2 ? last : null);
    const good = items.filter((x): x is NonNullable<typeof x> => x !== null);
    const threeChar = good.some((x) => x.name.length >= 3);
    if (good.length >= 2 && good.length >= items.length - 1 && threeChar) for (const g of good) push({ ...g, roles: [] });
    k = text.indexOf('、', seps[seps.length - 1] + 1);
  }
}

let personTrie: Trie<string> | null = null;
/** Three-character names jieba's dictionary tags as people, starting with a surname. */
function knownPersonTrie(): Trie<string> {
  if (personTrie) return personTrie;
  personTrie = new Trie<string>();
  for (const [w, e] of jiebaLexicon().words) if (w.length === 3 && isPersonPos(e.pos) && surnameLength(w) === 1) personTrie.add(w, w);
  return personTrie;
}

/** Three-character names jieba's dictionary knows as people (毛泽东等), where the context allows a name. */
function knownNames(text: string, push: (c: PersonCandidate) => void): void {
  const trie = knownPersonTrie();
  for (let i = 0; i + 3 <= text.length; i++) {
    // A known name still needs a boundary before it: a clause break or a function character.
    // …的郁金香 (jieba also lists the flower as a name): not after 的.
    if (i > 0 && !isClauseBreakAt(text, i - 1) && (!isStopCodeAt(text, i - 1) || text.charCodeAt(i - 1) === 0x7684)) continue;
    if (!surnameLength(text, i)) continue;
    const hit = trie.longestAt(text, i, i + 3);
    if (!hit || hit.end !== i + 3) continue;
    const name = hit.values[0];
    if (plausibleName(name) && nameCanStartAt(text, i) && afterScore(text, i + 3) >= 2) push({ start: i, end: i + 3, name, roles: [] });
  }
}

/** 习近平新时代中国特色社会主义思想, 毛泽东思想: a name inside a doctrine is not a mention of the person. */
export function isDoctrineAt(text: string, end: number): boolean {
  return /^(?:新时代中国特色社会主义|[\u4e00-\u9fff]{0,4})(?:思想|理论)/.test(text.slice(end, end + 20));
}
