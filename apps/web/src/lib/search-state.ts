/** The search form's state, kept in the address (?q=…&person=…&from=…): a search can be shared and reloaded. */

export type SortOrder = '-date' | 'date' | 'relevance';

export interface SearchState {
  q: string;
  person: string[];
  place: string[];
  organization: string[];
  campaign: string[];
  source: string;
  from: string;
  to: string;
  sort: SortOrder;
  cursor: string;
}

export const FILTER_PARAMS = ['person', 'place', 'organization', 'campaign'] as const;
export type FilterParam = (typeof FILTER_PARAMS)[number];

const SORTS: readonly SortOrder[] = ['-date', 'date', 'relevance'];
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function parseSearch(search: string): SearchState {
  const params = new URLSearchParams(search);
  const list = (name: string) => [...new Set(params.getAll(name).map((value) => value.trim()).filter(Boolean))];
  const date = (name: string) => {
    const value = params.get(name) ?? '';
    return DATE.test(value) ? value : '';
  };
  const sort = params.get('sort') as SortOrder | null;
  return {
    q: (params.get('q') ?? '').trim(),
    person: list('person'),
    place: list('place'),
    organization: list('organization'),
    campaign: list('campaign'),
    source: (params.get('source') ?? '').trim(),
    from: date('from'),
    to: date('to'),
    sort: sort && SORTS.includes(sort) ? sort : '-date',
    cursor: params.get('cursor') ?? '',
  };
}

/** The address's query string for a state (defaults left out), with a leading "?" or empty. */
export function formatSearch(state: Partial<SearchState>): string {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const name of FILTER_PARAMS) for (const value of state[name] ?? []) params.append(name, value);
  if (state.source) params.set('source', state.source);
  if (state.from) params.set('from', state.from);
  if (state.to) params.set('to', state.to);
  if (state.sort && state.sort !== '-date') params.set('sort', state.sort);
  if (state.cursor) params.set('cursor', state.cursor);
  const text = params.toString();
  return text ? `?${text}` : '';
}

export const hasCriteria = (state: SearchState): boolean =>
  Boolean(state.q || state.source || state.from || state.to || FILTER_PARAMS.some((name) => state[name].length > 0));

/** The same search with one filter value added or removed (and back to the first page). */
export function toggleFilter(state: SearchState, name: FilterParam, value: string): SearchState {
  const values = state[name].includes(value) ? state[name].filter((item) => item !== value) : [...state[name], value];
  return { ...state, [name]: values, cursor: '' };
}

/** The api's query for a state: only what is set, so the api's defaults apply. */
export function apiQuery(state: SearchState, limit: number) {
  return {
    ...(state.q ? { q: state.q } : {}),
    ...(state.person.length ? { person: state.person } : {}),
    ...(state.place.length ? { place: state.place } : {}),
    ...(state.organization.length ? { organization: state.organization } : {}),
    ...(state.campaign.length ? { campaign: state.campaign } : {}),
    ...(state.source ? { source: state.source } : {}),
    ...(state.from ? { from: state.from } : {}),
    ...(state.to ? { to: state.to } : {}),
    ...(state.cursor ? { cursor: state.cursor } : {}),
    sort: state.sort,
    limit,
    facets: 'true' as const,
    facetLimit: 8,
  };
}
