import { jiebaLexicon } from './jieba.lexicon';
import { Trie } from './trie';

/** Endings that make a name an organization by themselves (三一硅能(株洲)有限公司, 哈尔滨工业大学). */
const STRONG_SUFFIXES = [
  '有限责任公司', '股份有限公司', '有限公司', '公司', '集团', '集团公司', '大学', '学院', '学校', '中学', '小学', '幼儿园',
  '医院', '卫生院', '卫生服务中心', '疾控中心', '银行', '农商行', '信用社', '研究院', '研究所', '研究室', '研究中心', '设计院',
  '科学院', '工程院', '出版社', '报社', '日报社', '日报', '晚报', '晨报', '都市报', '时报', '商报', '周报', '杂志社', '电视台', '广播电视台', '电台', '融媒体中心', '新闻中心', '通讯社',
  '协会', '学会', '联合会', '商会', '基金会', '研究会', '促进会', '委员会', '管委会', '居委会', '村委会', '合作社', '联合社',
  '事务所', '法院', '人民法院', '检察院', '人民检察院', '公安局', '分局', '派出所', '实验室', '总工会', '工会', '指挥部',
  '领导小组', '中心组', '工作组', '专班', '党支部', '党总支', '党工委', '纪委', '监委', '人民政府', '政府', '人大常委会',
  '政协', '常委会', '党组织', '海关', '税务局', '供电公司', '消防救援支队', '消防救援大队', '救援站', '检测中心', '服务中心', '交易中心',
  '数据中心', '指挥中心', '调度中心', '博物院', '党校', '行政学院', '职业技术学院', '技师学院',
];

/** Endings that need a head in front (市工信局, 市委网信办): on their own they are ordinary words. */
const WEAK_SUFFIXES = [
  '局', '委', '办', '部', '院', '所', '厅', '处', '署', '室', '组', '队', '站', '中心', '联', '社', '团', '地方组织',
  '办公室', '党委', '党组', '文联', '社科联', '科协', '妇联', '侨联', '残联', '工商联', '团委', '组织部', '宣传部', '统战部',
  '政法委', '网信办', '网', '人大', '编办', '发改委', '卫健委', '教育局', '财政局', '支队', '大队', '总队',
  // Legislatures, parties and armed services, which a country or a region names (墨西哥参议院, 智利共产党, 美国海军).
  '议会', '国会', '参议院', '众议院', '上议院', '下议院', '共产党', '社会党', '工党', '民主党', '共和党', '人民党', '海军', '陆军', '空军',
  // Bodies of a body (黄埔军校同学会, 比利时通用银行总行) and alliances (东南亚国家联盟).
  '同学会', '校友会', '联谊会', '理事会', '董事会', '分会', '总行', '分行', '支行', '联盟', '同盟', '游击队', '同盟军',
  // Committees that run one event or prepare one body (全国保护明天行动组委会, 香港特区筹委会).
  '组委会', '筹委会', '预委会', '执委会', '筹备委员会',
  // Hotels are businesses, named by a place or a brand (湖南长城宾馆); as buildings they are no places either.
  '宾馆', '酒店', '大酒店', '饭店', '旅馆', '旅行社',
];

/** National organs that are named without any ending we could key on. */
export const NATIONAL_ORGANS = [
  '党中央', '中共中央', '国务院', '全国人大', '全国人大常委会', '全国政协', '中央军委', '中央纪委', '中纪委', '国家监委',
  '最高人民法院', '最高人民检察院', '中央政治局', '中央政治局常委会', '共青团中央', '团中央', '中国共产党',
  '中国人民解放军', '人民解放军', '解放军', '中国人民武装警察部队', '武警部队',
];

/** International organizations by the names news uses, the short ones included (北约, 东盟, 欧盟): no ending to key on. */
export const INTERNATIONAL_ORGS = [
  '联合国', '联合国安理会', '安理会', '联合国大会', '联大', '联合国教科文组织', '世界卫生组织', '世卫组织', '世界贸易组织', '世贸组织',
  '国际货币基金组织', '世界银行', '亚洲开发银行', '亚投行', '北大西洋公约组织', '北约', '欧洲联盟', '欧盟', '非洲联盟', '非盟',
  '东南亚国家联盟', '东盟', '独立国家联合体', '独联体', '上海合作组织', '上合组织', '亚太经济合作组织', '亚太经合组织',
  '石油输出国组织', '欧佩克', '阿拉伯国家联盟', '阿盟', '国际奥委会', '国际足联', '国际原子能机构', '世界气象组织', '国际劳工组织',
  '二十国集团', '七国集团', '金砖国家',
];

/**
 * The eight democratic parties, in full and in the short forms news uses (民革, 民盟…), and the parties of Hong Kong
 * and Taiwan whose names contain those short forms (民建联, 民进党), so that the longer name wins there.
 */
export const DEMOCRATIC_PARTIES: Record<string, string> = {
  中国国民党革命委员会: '中国国民党革命委员会', 民革: '中国国民党革命委员会',
  中国民主同盟: '中国民主同盟', 民盟: '中国民主同盟',
  中国民主建国会: '中国民主建国会', 民建: '中国民主建国会',
  中国民主促进会: '中国民主促进会', 民进: '中国民主促进会',
  中国农工民主党: '中国农工民主党', 农工党: '中国农工民主党',
  中国致公党: '中国致公党', 致公党: '中国致公党',
  九三学社: '九三学社',
  台湾民主自治同盟: '台湾民主自治同盟', 台盟: '台湾民主自治同盟',
  民进党: '民主进步党', 民建联: '民主建港协进联盟',
};

/** Heads of official names: a level of government or the party/state in front. */
export const ADMIN_PREFIXES = ['中共', '中央', '国家', '全国', '中国', '中华', '国务院', '自治区', '最高'];
/** One-character levels (市工信局 = the city's 工信局); only at the very start of a name. */
export const ADMIN_CHARS = new Set('市省县区州镇乡村盟旗'.split(''));

export interface OrgSuffix {
  suffix: string;
  strong: boolean;
}

let trie: Trie<OrgSuffix> | null = null;
export function orgSuffixTrie(): Trie<OrgSuffix> {
  if (trie) return trie;
  trie = new Trie<OrgSuffix>();
  for (const s of STRONG_SUFFIXES) trie.add(s, { suffix: s, strong: true });
  for (const s of WEAK_SUFFIXES) trie.add(s, { suffix: s, strong: false });
  return trie;
}


let suffixSet: Set<string> | null = null;
export function isOrgSuffix(w: string): boolean {
  suffixSet ??= new Set([...STRONG_SUFFIXES, ...WEAK_SUFFIXES]);
  return suffixSet.has(w);
}

const ORG_LAST = /(?:[局委办部院所厅处署组队馆会社团司行厂校联]|研究室|办公室|实验室|大学|中心|集团|工大|师大|北大|清华|政府|中央|银行|协会)$/;

/** Organization names jieba's dictionary knows (POS nt), 3+ characters: 哈工大, 哈尔滨工业大学. */
let ntNames: string[] | null = null;
export function knownOrgNames(): string[] {
  if (ntNames) return ntNames;
  ntNames = [];
  for (const [w, e] of jiebaLexicon().words) {
    // jieba tags many phrases nt (大力开展, 新进展): keep the ones that end like an organization.
    if (e.pos === 'nt' && w.length >= 3 && ORG_LAST.test(w) && !/^[新大老]/.test(w) && /^[\u4e00-\u9fff]+$/.test(w)) ntNames.push(w);
  }
  return ntNames;
}

let ntTrie: Trie<string> | null = null;
export function knownOrgTrie(): Trie<string> {
  if (ntTrie) return ntTrie;
  ntTrie = new Trie<string>();
  for (const w of knownOrgNames()) ntTrie.add(w, w);
  return ntTrie;
}
