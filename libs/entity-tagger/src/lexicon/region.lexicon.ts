/**
 * One-character abbreviations of the provinces (湘 for 湖南), which papers join into region names (湘赣, 京津冀).
 * Characters that are also everyday words (新, 宁, 青…) only count next to an unambiguous one.
 */
export const PROVINCE_ABBREVIATIONS: Record<string, string> = {
  京: '11', 津: '12', 冀: '13', 晋: '14', 蒙: '15', 辽: '21', 吉: '22', 黑: '23', 沪: '31', 苏: '32', 浙: '33', 皖: '34',
  闽: '35', 赣: '36', 鲁: '37', 豫: '41', 鄂: '42', 湘: '43', 粤: '44', 桂: '45', 琼: '46', 渝: '50', 川: '51', 蜀: '51',
  黔: '52', 贵: '52', 滇: '53', 云: '53', 藏: '54', 陕: '61', 秦: '61', 甘: '62', 陇: '62', 青: '63', 宁: '64', 新: '65',
  台: '71', 港: '81', 澳: '82',
};
export const AMBIGUOUS_ABBREVIATIONS = new Set('新宁青云甘台港秦蜀吉黑贵蒙晋鲁川桂琼澳京津'.split(''));

/** Regions with a fixed name and no code: Chinese macro-regions and the world's continents and regions. */
export const MACRO_REGIONS = ['亚洲', '欧洲', '非洲', '北美', '北美洲', '南美', '南美洲', '拉美', '拉丁美洲', '大洋洲', '南极洲', '东南亚', '东亚', '南亚', '中亚', '西亚', '中东', '东欧', '西欧', '北欧', '中东欧','长三角', '珠三角', '粤港澳大湾区', '大湾区', '京津冀', '成渝地区双城经济圈', '长江经济带', '黄河流域', '环渤海', '东北地区', '中部地区', '西部地区'];

/** Endings of named areas: zones and districts that are not administrative divisions (临江片区, 株洲高新区), and mountain ranges (罗霄山脉). */
export const AREA_SUFFIXES = ['港区', '片区', '新区', '高新区', '经开区', '开发区', '经济开发区', '经济技术开发区', '高新技术产业开发区', '自贸区', '自贸片区', '自贸试验区', '保税区', '综保区', '综合保税区', '示范片区', '产业新城', '山脉'];

/** Endings of facilities, roads and sites: a place at their start is part of their name, not a mention. */
export const FACILITY_SUFFIXES = ['展厅', '展示中心', '展览馆', '博物馆', '纪念馆', '美术馆', '体育馆', '体育场', '体育中心', '会展中心', '购物中心', '大剧院', '剧院', '大厦', '广场', '公园', '产业园', '工业园', '科技园', '软件园', '基地', '机场', '火车站', '高铁站', '汽车站', '码头', '大桥', '隧道', '大道', '大街', '路', '街', '小区', '花园', '酒店', '宾馆', '商场'];
