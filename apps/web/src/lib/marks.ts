/** Entity marks in a field's text: the mentions the api gives (field, start, end) turned into runs to render. */

export type EntityKind = 'person' | 'place' | 'organization' | 'campaign';

export const ENTITY_KINDS: readonly EntityKind[] = ['person', 'place', 'organization', 'campaign'];

/** Plural keys of the api's entities object, per kind. */
export const ENTITY_GROUP: Record<EntityKind, 'people' | 'places' | 'organizations' | 'campaigns'> = {
  person: 'people',
  place: 'places',
  organization: 'organizations',
  campaign: 'campaigns',
};

export const KIND_LABEL: Record<EntityKind, string> = { person: '人物', place: '地点', organization: '机构', campaign: '提法' };

export interface MarkTarget {
  kind: EntityKind;
  /** The entity's name (what its page is found by); a place with a code is found by the code. */
  name: string;
  key: string;
  title: string;
}

export interface Mark extends MarkTarget {
  start: number;
  end: number;
}

export type Run = { text: string; start: number; mark?: MarkTarget };

/**
 * Splits text into plain and marked runs. Mentions outside the text or whose offsets do not hold the text they
 * name are dropped (an api answer is not trusted to be in range); overlapping mentions keep the one that starts
 * first, the longer of two that start together.
 */
export function markRuns(text: string, marks: readonly Mark[], offset = 0): Run[] {
  const end = offset + text.length;
  const inside = marks
    .filter((mark) => mark.start >= offset && mark.end <= end && mark.end > mark.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const runs: Run[] = [];
  let at = offset;
  for (const mark of inside) {
    if (mark.start < at) continue;
    if (mark.start > at) runs.push({ text: text.slice(at - offset, mark.start - offset), start: at });
    const { start: _start, end: _end, ...target } = mark;
    runs.push({ text: text.slice(mark.start - offset, mark.end - offset), start: mark.start, mark: target });
    at = mark.end;
  }
  if (at < end) runs.push({ text: text.slice(at - offset), start: at });
  return runs;
}

/** Paragraphs of a body range (split at "\n"), each with its offset in the whole body. */
export function paragraphs(body: string, from = 0, to = body.length): Array<{ text: string; start: number }> {
  const out: Array<{ text: string; start: number }> = [];
  let start = from;
  for (const line of body.slice(from, to).split('\n')) {
    if (line.trim().length > 0) out.push({ text: line, start });
    start += line.length + 1;
  }
  return out;
}

export interface MentionLike {
  field: 'kicker' | 'headline' | 'subheadline' | 'byline' | 'body';
  index?: number;
  start: number;
  end: number;
  text: string;
  part?: number;
}

export interface EntitiesLike {
  people: Array<{ name: string; roles: string[]; mentions: MentionLike[] }>;
  places: Array<{ name: string; code: string | null; canonicalName: string | null; parents?: Array<{ code: string; name: string }>; mentions: MentionLike[] }>;
  organizations: Array<{ name: string; mentions: MentionLike[] }>;
  campaigns: Array<{ name: string; mentions: MentionLike[] }>;
}

/** Where a mention sits: 'body', 'headline', 'subheadline:1', … */
export const fieldKey = (mention: Pick<MentionLike, 'field' | 'index'>): string => (mention.field === 'subheadline' ? `subheadline:${mention.index ?? 0}` : mention.field);

/**
 * Every mention of an article's entities, grouped by the field it is in. Mentions of a part other than the first
 * are kept only in the body (the shown kicker, headline and byline are the first part's).
 */
export function marksByField(entities: EntitiesLike): Map<string, Mark[]> {
  const byField = new Map<string, Mark[]>();
  const add = (target: MarkTarget, mentions: MentionLike[]) => {
    for (const mention of mentions) {
      if (mention.field !== 'body' && (mention.part ?? 0) !== 0) continue;
      const key = fieldKey(mention);
      const list = byField.get(key) ?? [];
      list.push({ ...target, start: mention.start, end: mention.end });
      byField.set(key, list);
    }
  };
  for (const person of entities.people) {
    add({ kind: 'person', name: person.name, key: person.name, title: [KIND_LABEL.person, person.name, ...person.roles].join(' · ') }, person.mentions);
  }
  for (const place of entities.places) {
    const chain = [...(place.parents ?? []).map((parent) => parent.name), place.canonicalName ?? place.name].join(' › ');
    add({ kind: 'place', name: place.canonicalName ?? place.name, key: place.code ?? place.name, title: [KIND_LABEL.place, chain, place.code].filter(Boolean).join(' · ') }, place.mentions);
  }
  for (const organization of entities.organizations) {
    add({ kind: 'organization', name: organization.name, key: organization.name, title: `${KIND_LABEL.organization} · ${organization.name}` }, organization.mentions);
  }
  for (const campaign of entities.campaigns) {
    add({ kind: 'campaign', name: campaign.name, key: campaign.name, title: `${KIND_LABEL.campaign} · ${campaign.name}` }, campaign.mentions);
  }
  return byField;
}

/** The reader's address of an entity page. */
export const entityPath = (kind: EntityKind, key: string): string => `/entities/${kind}/${encodeURIComponent(key)}`;
