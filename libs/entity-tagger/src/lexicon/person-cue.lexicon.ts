import { Trie } from './trie';

/** What a person does right after being named at the start of a clause (曹慧泉强调, 陈恢清讲话, 韩杰才来株调研). */
const SPEAKER_VERBS = [
  '强调', '指出', '表示', '说', '说道', '认为', '介绍', '要求', '提出', '主持', '讲话', '致辞', '宣布', '希望', '坦言',
  '告诉', '透露', '回忆', '补充', '建议', '发言', '汇报', '陪同', '参加', '出席', '会见', '会晤', '调研', '考察', '带队',
  '率队', '率团', '一行', '来', '到', '赴', '深入', '走访', '看望', '慰问', '当选', '获', '荣获', '同志', '代表', '作',
  '主持召开', '召开', '带领', '率领', '现场', '在', '等', '先后', '分别', '还', '也', '一直', '笑着说', '感慨', '感叹',
  '解释', '称', '直言', '呼吁', '答', '问', '谈到', '听取', '宣读', '签署', '批示', '指示', '寄语', '获得', '被', '是',
  '向', '对', '将', '曾', '今年', '去年', '从', '把', '率先', '主动', '带头', '亲自', '专门',
];

/** Boundaries that may follow a name: the start of these words ends the name. */
const AFTER_WORDS = [
  ...SPEAKER_VERBS, '和', '与', '的', '了', '就', '都', '又', '再', '则', '即', '因', '为', '并', '及', '以及', '或', '同', '跟',
  '们', '家', '说', '已', '正', '便', '首先', '随后', '接着', '最后', '日前', '近日', '今天', '昨天', '当天', '当日',
  '连续', '多次', '第一', '负责', '担任', '任', '出任', '成为', '作为', '所', '这', '那', '个人', '本人', '老人', '等人',
  '座谈', '交流', '见面', '握手', '合影', '一起', '一道', '正在', '早已', '已经', '目前', '如今', '特别', '专程', '亲切',
];

/** Single characters that end a name when they come right after two characters (王强说 → 王强). */
export const NAME_ENDERS = new Set('在说等和与对向将把被让是的也还就都到陪率赴来'.split(''));

let speakers: Trie<string> | null = null;
export function speakerVerbTrie(): Trie<string> {
  if (speakers) return speakers;
  speakers = new Trie<string>();
  for (const v of SPEAKER_VERBS) speakers.add(v, v);
  return speakers;
}

let after: Trie<string> | null = null;
export function afterWordTrie(): Trie<string> {
  if (after) return after;
  after = new Trie<string>();
  for (const v of AFTER_WORDS) after.add(v, v);
  return after;
}

/** Speaker verbs that are too common to trust after a two-character name (张某在…, 王某是…). */
export const WEAK_SPEAKER_VERBS = new Set(['在', '等', '是', '和', '与', '向', '对', '将', '曾', '从', '把', '被', '还', '也', '作', '来', '到', '今年', '去年', '获']);
