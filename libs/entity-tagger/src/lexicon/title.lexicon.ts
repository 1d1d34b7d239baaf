import { Trie } from './trie';

/**
 * Heads of the titles Chinese newspapers put before a name (市委书记曹某, 哈尔滨工业大学校长韩某). A role in the
 * output is the head with whatever organization or rank the text puts in front of it (副, 市委, 株洲高新区党委…).
 */
const TITLE_HEADS = [
  // party and government
  '书记', '副书记', '常委', '委员', '主席', '副主席', '总理', '副总理', '委员长', '国务委员', '总书记',
  '省长', '副省长', '市长', '副市长', '县长', '副县长', '区长', '副区长', '州长', '镇长', '乡长', '村长', '旗长', '盟长',
  '主任', '副主任', '部长', '副部长', '厅长', '副厅长', '局长', '副局长', '处长', '科长', '所长', '署长', '秘书长',
  '调研员', '巡视员', '督查员', '专员', '特派员', '领导', '负责人', '主要负责人', '代表', '人大代表', '政协委员', '干部',
  '支书', '村支书', '组长', '副组长', '指挥长', '大使', '总领事', '发言人', '新闻发言人',
  // justice and security
  '院长', '副院长', '庭长', '审判长', '审判员', '法官', '检察长', '检察官', '律师', '警官', '民警', '辅警', '政委', '教导员',
  '司令员', '参谋长', '军长', '师长', '旅长', '团长', '营长', '连长', '排长', '班长', '队长', '大队长', '支队长', '中队长',
  // business
  '董事长', '副董事长', '董事', '总经理', '副总经理', '经理', '总裁', '副总裁', '总监', '总工程师', '总会计师', '厂长',
  '店长', '行长', '会长', '副会长', '理事长', '社长', '台长', '站长', '馆长', '园长', '场长', '创始人', '合伙人', '首席执行官',
  // education, science, culture, health
  '校长', '副校长', '党委书记', '教授', '副教授', '讲师', '教师', '老师', '班主任', '辅导员', '院士', '研究员', '副研究员',
  '博士', '博导', '工程师', '高级工程师', '技师', '医生', '医师', '主任医师', '护士', '护士长', '专家', '学者', '主编',
  '总编辑', '编辑', '记者', '通讯员', '主持人', '作家', '画家', '书法家', '艺术家', '演员', '导演', '歌手', '教练', '运动员',
  '选手', '传承人', '非遗传承人', '企业家', '带头人', '致富带头人', '创业者', '劳模', '劳动模范', '工匠',
  // people in the news
  '村民', '居民', '农民', '市民', '职工', '工人', '党员', '志愿者', '学生', '同学', '网友', '游客', '患者', '业主', '快递员', '骑手',
];

/** Titles written after the name (习近平总书记, 曹慧泉书记); kept short because name+word is riskier. */
export const POSTPOSED_TITLES = [
  '总书记', '主席', '总理', '委员长', '书记', '省长', '市长', '县长', '区长', '主任', '部长', '局长', '院长', '校长',
  '院士', '教授', '董事长', '总经理', '老师', '医生', '同志',
];

/** Byline labels before reporters' and correspondents' names. */
export const BYLINE_LABEL = /(?:全媒体|融媒体|本报|特约|首席|见习|实习|摄影|驻站|本台)?(?:记者|通讯员|实习生|摄影|编辑|供稿)$/;

let trie: Trie<string> | null = null;
export function titleTrie(): Trie<string> {
  if (trie) return trie;
  trie = new Trie<string>();
  for (const t of TITLE_HEADS) trie.add(t, t);
  return trie;
}

/** The title head that ends exactly at `end` (longest), as its start, or -1. */
export function titleHeadEndingAt(text: string, end: number): number {
  const t = titleTrie();
  for (let len = Math.min(6, end); len >= 2; len--) {
    if (t.has(text.slice(end - len, end))) return end - len;
  }
  return -1;
}
