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
const NAME_WITH_FILLER = /^([\p{Script=Han}]{2,4})(报道|整理|供图)$/u;

function kindOf(role: string): RoleKind {
  if (role.includes('通讯员')) return 'correspondent';
  if (role.includes('评论员')) return 'none';
  return 'reporter';
}

function isRole(token: string): boolean {
  return ROLE.test(token) || SHORT_ROLE.test(token);
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
  const tokens = text.slice(0, MAX_INPUT).split(/[\s、，,;；]+/u).filter(Boolean);
  for (const token of tokens) {
    // "全媒体记者/周菁", "文/图", "文/本报记者", "记者：张三": roles before the slash, maybe a name after.
    const parts = token.split(/[/／:：]/u).filter(Boolean);
    // "张三/文", "李四/摄": the name before its role.
    if (parts.length === 2 && NAME.test(parts[0]) && !isRole(parts[0]) && isRole(parts[1])) {
      addRole(parts[1]);
      addName(parts[0]);
      continue;
    }
    if (parts.length > 1 || /[/／:：]$/u.test(token)) {
      const last = parts[parts.length - 1];
      const lastIsName = !isRole(last) && NAME.test(last);
      for (const part of lastIsName ? parts.slice(0, -1) : parts) {
        if (isRole(part)) addRole(part);
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
    const withFiller = NAME_WITH_FILLER.exec(token);
    if (withFiller && credits.roles.length > 0) {
      addName(withFiller[1]);
      continue;
    }
    credits.unknown.push(token);
  }
  return credits;
}
