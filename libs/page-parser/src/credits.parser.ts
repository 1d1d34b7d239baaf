// The credit part of a byline: "全媒体记者/周菁 通讯员/雷茵", "记者 张三、李四", "记者张三 通讯员李四",
// "文/图 本报记者 王五". Roles are the words before the names; a name belongs to the last role seen.

export interface Credits {
  reporters: string[];
  correspondents: string[];
  /** Role words seen, e.g. 全媒体记者, 通讯员, 本报评论员. */
  roles: string[];
  /** Tokens that are neither a role, a name nor a filler word. Standalone credit lines must have none. */
  unknown: string[];
}

type RoleKind = 'reporter' | 'correspondent' | 'none';

const MAX_INPUT = 200;
/** A role word with an optional short prefix: 本报记者, 全媒体记者, 新华社记者, 湖南日报全媒体记者, 特约通讯员. */
const ROLE = /^[\p{Script=Han}·]{0,10}?(记者|通讯员|实习生|评论员|撰稿人|撰稿|摄影)$/u;
/** A role word glued to a name: 记者张三, 本报记者李四. */
const ROLE_NAME = /^([\p{Script=Han}]{0,10}?(?:记者|通讯员|实习生))([\p{Script=Han}]{2,4}|[\p{Script=Han}]{1,10}·[\p{Script=Han}]{1,10})$/u;
/** Single-character roles only count before a slash: 文/张三, 图/李四, 文/图. */
const SHORT_ROLE = /^(文|图|摄|摄影|文图|图文|作者|采写|撰文)$/u;
const NAME = /^(?:[\p{Script=Han}]{2,4}|[\p{Script=Han}]{1,10}·[\p{Script=Han}]{1,10})$/u;
const FILLER = /^(报道|整理|摄|摄影|摄影报道|供图|图|文|发自[\p{Script=Han}]{1,8}|联合报道|综合报道|专电)$/u;
/** A filler glued to the name before it: 王某报道, 记者李志伟报道 (no name ends in these). */
const GLUED_FILLER = /(?:摄影报道|报道|整理|供图)$/u;
/** One Han character: national papers set two-character names with a space between (刘 慧, 王 鹏). */
const SINGLE_HAN = /^\p{Script=Han}$/u;
/** Single characters that are credits of their own (张三 摄, 文 图), never half a spaced name. */
const SINGLE_ROLE = new Set(['摄', '文', '图']);

function kindOf(role: string): RoleKind {
  if (role.includes('通讯员')) return 'correspondent';
  if (role.includes('评论员')) return 'none';
  return 'reporter';
}

function isRole(token: string): boolean {
  return ROLE.test(token) || SHORT_ROLE.test(token);
}

/** Joins a two-character name set with a space between its characters: 刘 慧 -> 刘慧, 王 鹏 刘 旸 -> 王鹏 刘旸. */
function joinSpacedNames(tokens: string[]): string[] {
  if (!tokens.some((token) => token.length === 1)) return tokens;
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i];
    const next = tokens[i + 1];
    if (next !== undefined && SINGLE_HAN.test(token) && SINGLE_HAN.test(next) && !SINGLE_ROLE.has(token) && !SINGLE_ROLE.has(next)) {
      out.push(token + next);
      i += 1;
    } else out.push(token);
  }
  return out;
}

/** Parses a credit text; never throws. Long inputs are cut, since real credits are short. */
export function parseCredits(text: string): Credits {
  const credits: Credits = { reporters: [], correspondents: [], roles: [], unknown: [] };
  let kind: RoleKind = 'reporter';
  const addName = (name: string) => {
    const list = kind === 'correspondent' ? credits.correspondents : kind === 'reporter' ? credits.reporters : null;
    if (list && !list.includes(name)) list.push(name);
  };
  const addRole = (role: string) => {
    credits.roles.push(role);
    kind = kindOf(role);
  };
  const tokens = joinSpacedNames(text.slice(0, MAX_INPUT).split(/[\s、，,;；]+/u).filter(Boolean));
  for (const rawToken of tokens) {
    // 王某报道, 记者王某报道: the filler is not part of the name.
    const bare = GLUED_FILLER.test(rawToken) ? rawToken.replace(GLUED_FILLER, '') : rawToken;
    const token = bare !== rawToken && bare !== '' && (NAME.test(bare) || ROLE_NAME.test(bare)) ? bare : rawToken;
    // "全媒体记者/周菁", "文/图", "文/本报记者", "记者：张三": roles before the slash, maybe a name after.
    const parts = token.split(/[/／:：]/u).filter(Boolean);
    // "张三/文", "李四/摄": the name before its (short) role. "苏雁/通讯员 宁宣" is a name, then the next role.
    if (parts.length === 2 && NAME.test(parts[0]) && !isRole(parts[0]) && SHORT_ROLE.test(parts[1])) {
      addRole(parts[1]);
      addName(parts[0]);
      continue;
    }
    if (parts.length > 1 || /[/／:：]$/u.test(token)) {
      const last = parts[parts.length - 1];
      const lastIsName = !isRole(last) && NAME.test(last);
      for (const part of lastIsName ? parts.slice(0, -1) : parts) {
        if (isRole(part)) addRole(part);
        else if (NAME.test(part) && credits.roles.length > 0) addName(part);
        else credits.unknown.push(part);
      }
      if (lastIsName) addName(last);
      continue;
    }
    if (ROLE.test(token)) {
      addRole(token);
      continue;
    }
    const glued = ROLE_NAME.exec(token);
    if (glued) {
      addRole(glued[1]);
      addName(glued[2]);
      continue;
    }
    if (FILLER.test(token)) continue;
    if (NAME.test(token) && credits.roles.length > 0) {
      addName(token);
      continue;
    }
    credits.unknown.push(token);
  }
  return credits;
}
