import type { Entities } from '@baoxun/shared/contracts/article.contract';
import { assembleEntities } from './assemble/entity.assembler';
import { CampaignDictionaryStore } from './campaign/campaign-dictionary.store';
import { PeopleDictionaryStore } from './people/people-dictionary.store';
import { withKnownPeople } from './recognize/known-person.resolver';
import { titleHeadEndingAt } from './lexicon/title.lexicon';
import { recognizeCampaigns } from './recognize/campaign.recognizer';
import { bookTitles, datelines, quotations } from './recognize/markup.scanner';
import { recognizeOrganizations } from './recognize/organization.recognizer';
import { isDoctrineAt, recognizePeople, roleChain } from './recognize/person.recognizer';
import { isPersonPos, jiebaLexicon } from './lexicon/jieba.lexicon';
import { abbreviationRuns, modelAbbreviationPlace, runPlaces, sideAbbreviations, visitedAbbreviations } from './recognize/abbreviation-run.rules';
import { divisionsIn, headsDoctrine, insideFacilityName, placeCandidates } from './recognize/place.recognizer';
import { resolvePlaces } from './recognize/place.resolver';
import { extendBilateralNames, extendCongressNames } from './recognize/compound-org.rules';
import { extendToNamedFeatures, trimRegionWord } from './recognize/place-feature.rules';
import { resolveShortForms } from './recognize/org-short-form.resolver';
import { type Division, divisionIndex } from './lexicon/division.index';
import { DEMOCRATIC_PARTIES } from './lexicon/org.lexicon';
import { homeDivisionsOfSource } from './lexicon/media.lexicon';
import { acceptedProposals, acceptModelOrganization, acceptModelPerson, acceptModelPlace, divisionOfModelPlace, type ModelSpan } from './model/model-proposal.filter';
import type { Segment } from './text/article-segments';
import { isHan } from './text/char-class.util';
import { worldPlaceNames } from './lexicon/world-place.lexicon';
import { type BlockKind, kindMask, type NamedHit, type PersonHit, type PlaceHit, type Span, SpanMap } from './text/span.model';

export interface TaggerOptions {
  /** Operators' campaign dictionary (one term per line, `-term` to suppress); re-read when it changes. */
  campaignDictionaryPath?: string;
  /** Minimum time between checks of the dictionary file (default 5000 ms). */
  reloadIntervalMs?: number;
  /** Operators' dictionary of known people (format in the README); re-read when it changes. */
  peopleDictionaryPath?: string;
  /** Divisions the paper covers (GB/T 2260, e.g. "430200" for 株洲市): ambiguous names lean towards them. */
  homeCodes?: string[];
}

/** Names the byline of a parsed article gives, with the role to use when the byline text has no label. */
export interface BylineNames {
  reporters: string[];
  correspondents: string[];
}

/** The tagging pipeline over the segments of one article or text. */
export class TaggerEngine {
  private readonly campaigns: CampaignDictionaryStore;
  private readonly knownPeople: PeopleDictionaryStore;
  /** The paper's own divisions for the article being tagged: homeCodes plus what its source's name says. */
  private home: Division[] = [];

  constructor(private readonly options: TaggerOptions = {}) {
    this.campaigns = new CampaignDictionaryStore({ path: options.campaignDictionaryPath, reloadIntervalMs: options.reloadIntervalMs });
    this.knownPeople = new PeopleDictionaryStore({ path: options.peopleDictionaryPath, reloadIntervalMs: options.reloadIntervalMs });
  }

  /**
   * Runs `tag` for an article of the paper named `source` (株洲日报, 湖南日报): the paper's region joins homeCodes,
   * so ambiguous places lean towards it and short forms (省委, 市政府) get their full body. Synchronous, so the
   * setting cannot leak into another article.
   */
  forSource<T>(source: string | null | undefined, run: () => T): T {
    const before = this.home;
    this.home = [...this.configuredHome(), ...homeDivisionsOfSource(source)];
    try {
      return run();
    } finally {
      this.home = before;
    }
  }

  private configuredHome(): Division[] {
    const { byRaw } = divisionIndex();
    const out: Division[] = [];
    for (const code of this.options.homeCodes ?? []) {
      const d = byRaw.get(code.replace(/(00)+$/, '')) ?? byRaw.get(code);
      if (d) out.push(d);
    }
    return out;
  }

  /** Re-reads the campaign and people dictionary files now. */
  reloadDictionary(): void {
    this.campaigns.refresh(true);
    this.knownPeople.refresh(true);
  }

  /**
   * Tags the fields of one article as a single text, the fields joined by line breaks (which no pattern crosses),
   * so each pass runs once per article rather than once per field; hits are mapped back to their fields at the end.
   */
  tag(segments: Segment[], byline: BylineNames | null, proposals: readonly ModelSpan[] = []): Entities {
    const layout = joinSegments(segments);
    const doc: Segment[] = [{ field: 'body', text: layout.text }];
    const text = layout.text;
    const spans = new SpanMap([text.length]);
    const quotes = quotations(text);
    for (const b of bookTitles(text)) spans.add(0, b.open, b.close + 1, 'book');
    for (const q of quotes) spans.add(0, q.open, q.close + 1, 'quote');
    for (const d of datelines(text)) spans.add(0, d.start, d.end, 'dateline');
    const by = layout.segments.findIndex((s) => s.field === 'byline');
    // Only people are read from the byline.
    if (by >= 0) spans.add(0, layout.offsets[by], layout.offsets[by] + layout.segments[by].text.length, 'byline');
    const blockedBy = (kinds: BlockKind[]) => {
      const mask = kindMask(kinds);
      return (start: number, end: number): boolean => spans.overlapsMask(0, start, end, mask);
    };

    const organizations: NamedHit[] = [];
    for (const o of recognizeOrganizations(text, blockedBy(['book', 'dateline', 'byline']))) {
      organizations.push({ seg: 0, ...o });
      spans.add(0, o.start, o.end, 'org');
    }
    // The model proposes (proposals: spans of joinedText(segments)); the rules confirm each kind and win overlaps.
    for (const o of acceptedProposals(text, proposals, 'ORG', acceptModelOrganization, blockedBy(['book', 'dateline', 'byline', 'org']))) {
      organizations.push(o);
      spans.add(0, o.start, o.end, 'org');
    }
    organizations.push(...companyShortForms(doc, organizations, spans));
    // 民进 is 中国民主促进会: a party's short form names the party in full.
    for (const o of organizations) if (DEMOCRATIC_PARTIES[o.name] && DEMOCRATIC_PARTIES[o.name] !== o.name) o.canonicalName = DEMOCRATIC_PARTIES[o.name];
    // 中国共产党第十五次全国代表大会: a congress takes its ordinal and the body that holds it.
    // 圭亚那—中国友好协会: a country and a dash before a body named for China make one bilateral body.
    for (const o of [...extendCongressNames(text, organizations), ...extendBilateralNames(text, organizations)]) spans.add(0, o.start, o.end, 'org');
    const people = this.people(layout, doc, spans, byline, proposals);

    const placeKinds: BlockKind[] = ['book', 'dateline', 'org', 'person', 'facility', 'byline'];
    const placeBlocked = blockedBy(placeKinds);
    // 中美关系, 京津冀地区: each abbreviation of a coordinated run is a place of its own, before the run is read as a region.
    const runs = abbreviationRuns(text, placeBlocked);
    const outsideRuns = (start: number, end: number): boolean => placeBlocked(start, end) || runs.some((r) => r.start < end && start < r.end);
    // 访华, 抵京; 中方, 美方: one abbreviation after a verb of going or before 方 (side) is a place too.
    runs.push(...visitedAbbreviations(text, outsideRuns));
    runs.push(...sideAbbreviations(text, outsideRuns));
    const cands = placeCandidates(0, text, outsideRuns);
    const inOrgs = organizations.flatMap((o) => divisionsIn(o.seg, o.name));
    const places = resolvePlaces(cands, doc, (_seg, start, end) => outsideRuns(start, end), this.homeCodes(), inOrgs);
    places.push(...runs);
    resolveShortForms(organizations, this.home.length ? this.home : this.configuredHome(), places);
    const placeTaken = (start: number, end: number): boolean => placeBlocked(start, end) || places.some((p) => p.start < end && start < p.end);
    for (const p of proposals) {
      if (p.type !== 'LOC' || p.end - p.start !== 1 || placeTaken(p.start, p.end)) continue;
      const abbreviation = modelAbbreviationPlace(text, p.start);
      if (abbreviation) places.push(abbreviation);
    }
    for (const p of acceptedProposals(text, proposals, 'LOC', acceptModelPlace, placeTaken)) {
      // 中国特色社会主义, 中国动力谷展示中心: the rules' nesting holds for the model's places too.
      if (headsDoctrine(text, p.end) || insideFacilityName(text, p.end)) continue;
      // 中美, 港澳: the model's place made of abbreviations is one place per character.
      const split = runPlaces(p.name, p.start, text.slice(p.end, p.end + 4));
      if (split.length) {
        places.push(...split);
        continue;
      }
      const d = divisionOfModelPlace(p.name);
      places.push({ ...p, division: d?.division ?? null, canonicalName: d?.canonicalName ?? null, within: null });
    }

    extendToNamedFeatures(text, places, placeBlocked);
    dropSmallPlacesInQuotes(places, quotes);
    trimRegionWord(places, (stem) => divisionIndex().forms.has(stem) || acceptModelPlace(stem) || jiebaLexicon().words.get(stem)?.pos === 'j');

    const dict = this.campaigns.get();
    const notByline = blockedBy(['byline']);
    const campaigns: NamedHit[] = recognizeCampaigns(text, quotes, dict)
      .filter((c) => !notByline(c.start, c.end))
      .map((c) => ({ seg: 0, ...c }));
    const hits = { people, places, organizations, campaigns: withRepeats(doc, campaigns, spans) };
    return assembleEntities(layout.segments, {
      people: toFields(layout, hits.people),
      places: toFields(layout, hits.places),
      organizations: toFields(layout, hits.organizations),
      campaigns: toFields(layout, hits.campaigns),
    });
  }

  private homeCodes(): string[] {
    return this.home.length ? this.home.map((d) => d.raw) : (this.options.homeCodes ?? []);
  }

  private people(layout: Layout, doc: Segment[], spans: SpanMap, byline: BylineNames | null, proposals: readonly ModelSpan[]): PersonHit[] {
    const text = layout.text;
    const mask = kindMask(['book', 'dateline', 'org']);
    const found: PersonHit[] = [];
    for (const c of recognizePeople(text, (start, end) => spans.overlapsMask(0, start, end, mask))) {
      if (!isDoctrineAt(text, c.end) && !commonWordHead(c, proposals)) found.push({ seg: 0, ...c });
    }
    if (byline) addBylineNames(layout, byline, found);
    const personTaken = (start: number, end: number): boolean => spans.overlapsMask(0, start, end, mask | kindMask(['byline'])) || found.some((f) => f.start < end && start < f.end);
    for (const p of acceptedProposals(text, proposals, 'PER', acceptModelPerson, personTaken)) if (!isDoctrineAt(text, p.end)) found.push({ ...p, roles: [] });
    extendToListedNames(text, found);
    // 兰红光摄, 王强报道: a photo or report credit after a name is not part of it.
    for (const f of found) {
      const credit = /(?:摄|报道)$/.exec(f.name);
      if (credit && f.name.length - credit[0].length >= 2) {
        f.name = f.name.slice(0, credit.index);
        f.end -= credit[0].length;
      }
    }
    addKickerTitles(layout, found);
    const all = withKnownPeople(text, this.knownPeople.get(), found, (start, end) => spans.overlapsMask(0, start, end, mask), (hits) => withRepeatedNames(doc, hits, spans));
    for (const p of all) spans.add(0, p.start, p.end, 'person');
    return all;
  }
}

/**
 * “一个中国”, “中国保护未成年人杰出…”: a country, a province or a city in a quote is a place; a smaller or codeless name
 * there is part of the slogan or the campaign's name (“高新区集中孵化…”, “枫桥经验”), as our gold reads them.
 */
function dropSmallPlacesInQuotes(places: PlaceHit[], quotes: ReturnType<typeof quotations>): void {
  if (!quotes.length) return;
  const world = worldPlaceNames();
  const keep = places.filter((p) => {
    if ((p.division && p.division.level <= 2) || world.get(p.canonicalName ?? p.name) === 'country') return true;
    return !quotes.some((q) => q.open < p.start && p.end <= q.close);
  });
  places.splice(0, places.length, ...keep);
}

// Parts of speech of everyday words (noun, verb, adjective, adverb, conjunction, numeral, time word).
const EVERYDAY_POS = new Set(['n', 'v', 'a', 'an', 'vn', 'd', 'c', 'm', 't', 'ad']);
const EVERYDAY_FREQ = 2_000;

/**
 * 关键仍, 公布出: a three-character "name" whose surname and first given character make an everyday word of high
 * frequency (关键, 公布) is that word and a character, when nothing else says it is a person (no title or role,
 * and the model did not read those three characters as a name). Place-name heads (王国 in 王国庆) are not
 * everyday words by this test, nor words jieba lists as names (高明, 文明).
 */
function commonWordHead(hit: { start: number; end: number; name: string; roles: string[] }, proposals: readonly ModelSpan[]): boolean {
  if (hit.name.length !== 3 || hit.roles.length > 0) return false;
  const head = jiebaLexicon().words.get(hit.name.slice(0, 2));
  if (!head || !EVERYDAY_POS.has(head.pos) || head.freq < EVERYDAY_FREQ) return false;
  return !proposals.some((p) => p.type === 'PER' && p.start === hit.start && p.end === hit.end);
}

/**
 * 傅全|有, 李国|能: the model (and at times the rules) end a surname + one character before a character that often
 * starts the next word (有, 能, 里). Where those three characters are a person's name in jieba's dictionary, the name
 * is the three. Only a two-character name, one character longer, and never over another mention.
 */
function extendToListedNames(text: string, found: PersonHit[]): void {
  const { words } = jiebaLexicon();
  for (const f of found) {
    if (f.end - f.start !== 2 || f.end >= text.length) continue;
    const name = text.slice(f.start, f.end + 1);
    if (!isPersonPos(words.get(name)?.pos) || found.some((other) => other !== f && other.start < f.end + 1 && f.start < other.end)) continue;
    f.end += 1;
    f.name = name;
  }
}

interface Layout {
  segments: Segment[];
  /** Where each field starts in text. */
  offsets: number[];
  text: string;
}

/** The one text the engine tags for these segments (fields joined by line breaks): what model proposals index into. */
export function joinedText(segments: Segment[]): string {
  return segments.map((s) => s.text).join('\n');
}

function joinSegments(segments: Segment[]): Layout {
  const offsets: number[] = [];
  let at = 0;
  for (const s of segments) {
    offsets.push(at);
    at += s.text.length + 1;
  }
  return { segments, offsets, text: segments.map((s) => s.text).join('\n') };
}

/** A hit in the joined text as a hit in its field (no hit spans a line break). */
function toFields<H extends Span>(layout: Layout, hits: H[]): H[] {
  // The hits were made for this call alone, so they are moved in place rather than copied.
  for (const h of hits) {
    let seg = layout.offsets.length - 1;
    while (seg > 0 && layout.offsets[seg] > h.start) seg--;
    h.seg = seg;
    h.start -= layout.offsets[seg];
    h.end -= layout.offsets[seg];
  }
  return hits;
}

const COMPANY_ENDING = /(?:股份有限公司|有限责任公司|有限公司|集团公司|集团|公司)$/;
const PLACE_HEAD = /^(?:中国|[\u4e00-\u9fff]{2,3}?(?:省|市))/;

/**
 * 浙江龙盛 for 浙江龙盛集团股份有限公司, 贵州茅台 for 贵州茅台酒股份有限公司: where the article names a company in
 * full, its name without the legal ending (or a 4+ character start of it) is the same company elsewhere.
 */
function companyShortForms(segments: Segment[], orgs: NamedHit[], spans: SpanMap): NamedHit[] {
  const shorts = new Set<string>();
  for (const o of orgs) {
    const m = COMPANY_ENDING.exec(o.name);
    if (!m) continue;
    const stem = o.name.slice(0, m.index).replace(/[（(][^）)]*[）)]/g, '');
    for (let len = stem.length; len >= 4; len--) {
      const s = stem.slice(0, len);
      const head = PLACE_HEAD.exec(s)?.[0].length ?? 0;
      if (len - head >= 2) shorts.add(s);
    }
  }
  const out: NamedHit[] = [];
  const mask = kindMask(['book', 'dateline', 'org', 'byline']);
  segments.forEach((s, seg) => {
    if (s.field === 'byline') return;
    for (const name of [...shorts].sort((a, b) => b.length - a.length)) {
      for (let i = s.text.indexOf(name); i >= 0; i = s.text.indexOf(name, i + 1)) {
        if (spans.overlapsMask(seg, i, i + name.length, mask)) continue;
        out.push({ seg, start: i, end: i + name.length, name });
        spans.add(seg, i, i + name.length, 'org');
      }
    }
  });
  return out;
}

/** Reporters and correspondents the parser read from the byline, where the byline text did not label them. */
function addBylineNames(layout: Layout, byline: BylineNames, found: PersonHit[]): void {
  const by = layout.segments.findIndex((s) => s.field === 'byline');
  if (by < 0) return;
  const from = layout.offsets[by];
  const to = from + layout.segments[by].text.length;
  const add = (name: string, role: string): void => {
    if (found.some((f) => f.start >= from && f.end <= to && f.name === name)) return;
    const start = layout.text.indexOf(name, from);
    if (start >= 0 && start + name.length <= to) found.push({ seg: 0, start, end: start + name.length, name, roles: [role] });
  };
  for (const r of byline.reporters) add(r, '记者');
  for (const c of byline.correspondents) add(c, '通讯员');
}

/**
 * 哈工大校长、中国科学院院士 as the kicker over 韩杰才来株调研: the kicker's titles belong to the name that opens
 * the headline, unless the article already gives that title in a fuller form.
 */
function addKickerTitles(layout: Layout, found: PersonHit[]): void {
  const kicker = layout.segments.findIndex((s) => s.field === 'kicker');
  const headline = layout.segments.findIndex((s) => s.field === 'headline');
  if (kicker < 0 || headline < 0) return;
  const k = layout.segments[kicker].text.replace(/\s+$/, '');
  const head = titleHeadEndingAt(k, k.length);
  if (head < 0) return;
  const named = found.find((f) => f.start === layout.offsets[headline]);
  if (!named) return;
  const roles = roleChain(k, head, k.length);
  const known = found.filter((f) => f.name === named.name).flatMap((f) => f.roles);
  const add = roles.filter((r) => !known.some((kr) => sameTitle(kr, r)));
  if (add.length) found.push({ ...named, roles: add });
}

function sameTitle(a: string, b: string): boolean {
  const tail = (s: string): string => s.slice(titleHeadEndingAt(s, s.length));
  return tail(a) === tail(b);
}

/** Every later mention of a name the article introduced (曹慧泉陪同 in a subheadline, 陈恢清强调 in the body). */
function withRepeatedNames(segments: Segment[], found: PersonHit[], spans: SpanMap): PersonHit[] {
  const names = [...new Set(found.map((f) => f.name))].sort((a, b) => b.length - a.length);
  const out = [...found];
  const at = new Set(found.map((f) => `${f.seg}:${f.start}`));
  segments.forEach((s, seg) => {
    for (const name of names) {
      for (let i = s.text.indexOf(name); i >= 0; i = s.text.indexOf(name, i + 1)) {
        const end = i + name.length;
        if (at.has(`${seg}:${i}`) || out.some((o) => o.seg === seg && o.start < end && i < o.end)) continue;
        if (spans.overlaps(seg, i, end, ['book', 'dateline', 'org']) || isDoctrineAt(s.text, end)) continue;
        // Not the tail of a longer name (王强 inside 李王强).
        if (i > 0 && isHan(s.text.charCodeAt(i - 1)) && names.some((n) => n.length > name.length && s.text.startsWith(n, i - (n.length - name.length)))) continue;
        at.add(`${seg}:${i}`);
        out.push({ seg, start: i, end, name, roles: [] });
      }
    }
  });
  return out;
}

/** Unquoted repeats of a campaign term the article already tagged. */
function withRepeats(segments: Segment[], found: NamedHit[], spans: SpanMap): NamedHit[] {
  const names = [...new Set(found.map((f) => f.name))].filter((n) => n.length >= 3);
  const out = [...found];
  segments.forEach((s, seg) => {
    if (s.field === 'byline') return;
    for (const name of names) {
      for (let i = s.text.indexOf(name); i >= 0; i = s.text.indexOf(name, i + 1)) {
        const end = i + name.length;
        if (out.some((o) => o.seg === seg && o.start < end && i < o.end) || spans.overlaps(seg, i, end, ['book', 'byline'])) continue;
        out.push({ seg, start: i, end, name });
      }
    }
  });
  return out;
}
