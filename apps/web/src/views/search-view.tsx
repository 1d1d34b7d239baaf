import { type FormEvent, useEffect, useState } from 'react';
import type { ApiSchemas } from '@baoxun/api-client/api-client';
import { Empty, ErrorBox, Loading } from '../components/states';
import { api, load } from '../lib/api';
import { type EntityKind, KIND_LABEL } from '../lib/marks';
import { Link, navigate } from '../lib/router';
import { apiQuery, FILTER_PARAMS, type FilterParam, formatSearch, hasCriteria, parseSearch, type SearchState, toggleFilter } from '../lib/search-state';
import { useLoad } from '../lib/use-load';

const PAGE_SIZE = 20;
const FACET_GROUPS: Array<{ param: FilterParam; group: 'people' | 'places' | 'organizations' | 'campaigns'; kind: EntityKind }> = [
  { param: 'person', group: 'people', kind: 'person' },
  { param: 'place', group: 'places', kind: 'place' },
  { param: 'organization', group: 'organizations', kind: 'organization' },
  { param: 'campaign', group: 'campaigns', kind: 'campaign' },
];

type Facets = NonNullable<ApiSchemas['Facets']>;

function ResultItem({ item }: { item: ApiSchemas['ArticleSummary'] }) {
  return (
    <li className="result">
      <h2>
        <Link href={`/articles/${item.id}`}>{item.headline || '（无标题）'}</Link>
      </h2>
      <p className="meta">
        <span>{item.page.source}</span> · <time dateTime={item.page.date}>{item.page.date}</time> ·{' '}
        <Link href={`/pages/${item.pageId}`}>第{item.page.page}版</Link>
        {item.continuation ? <span className="tag">下转{item.continuation.toPage}版</span> : null}
        {item.continuedFrom ? <span className="tag">上接{item.continuedFrom.fromPage}版</span> : null}
      </p>
      {item.kicker ? <p className="kicker">{item.kicker}</p> : null}
      <p className="snippet">{item.snippet}</p>
    </li>
  );
}

function FacetPanel({ facets, state }: { facets: Facets | null; state: SearchState }) {
  if (!facets) return null;
  return (
    <aside className="facets" aria-label="Filters with counts">
      {FACET_GROUPS.map(({ param, group, kind }) =>
        facets[group].length === 0 ? null : (
          <section key={group}>
            <h2>
              <span className={`swatch kind-${kind}`} aria-hidden="true" /> {KIND_LABEL[kind]}
            </h2>
            <ul>
              {facets[group].map((value) => {
                const key = value.code ?? value.name;
                const active = state[param].includes(key);
                return (
                  <li key={value.href}>
                    <Link href={`/${formatSearch(toggleFilter(state, param, key))}`} aria-current={active ? 'true' : undefined} className={active ? 'facet active' : 'facet'}>
                      <span>{value.name}</span> <span className="count">{value.count}</span>
                    </Link>
                  </li>
                );
              })}
            </ul>
          </section>
        ),
      )}
      {facets.complete ? null : <p className="note">Counts cover the newest {facets.scanned} matches.</p>}
    </aside>
  );
}

export function SearchView({ search }: { search: string }) {
  const state = parseSearch(search);
  const [draft, setDraft] = useState(state);
  useEffect(() => setDraft(parseSearch(search)), [search]);
  const result = useLoad(`search${search}`, () => load(api.GET('/v1/articles', { params: { query: apiQuery(state, PAGE_SIZE) } })));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    navigate(`/${formatSearch({ ...draft, cursor: '' })}`);
  };
  const chips = FILTER_PARAMS.flatMap((param) => state[param].map((value) => ({ param, value })));

  return (
    <div className="search">
      <h1 className="visually-hidden">检索 Search the archive</h1>
      <form className="search-form" role="search" onSubmit={submit}>
        <div className="q-row">
          <label htmlFor="q" className="visually-hidden">
            全文检索 Text
          </label>
          <input id="q" name="q" type="search" placeholder="输入检索词，如 北斗" value={draft.q} onChange={(event) => setDraft({ ...draft, q: event.target.value })} maxLength={200} />
          <button type="submit">检索</button>
        </div>
        <div className="filters">
          <label>
            报纸 Source
            <input name="source" value={draft.source} onChange={(event) => setDraft({ ...draft, source: event.target.value })} placeholder="株洲日报" />
          </label>
          <label>
            从 From
            <input name="from" type="date" value={draft.from} onChange={(event) => setDraft({ ...draft, from: event.target.value })} />
          </label>
          <label>
            至 To
            <input name="to" type="date" value={draft.to} onChange={(event) => setDraft({ ...draft, to: event.target.value })} />
          </label>
          <label>
            排序 Sort
            <select name="sort" value={draft.sort} onChange={(event) => setDraft({ ...draft, sort: event.target.value as SearchState['sort'] })}>
              <option value="-date">最新 newest</option>
              <option value="date">最早 oldest</option>
              <option value="relevance">相关 relevance</option>
            </select>
          </label>
        </div>
        {chips.length > 0 ? (
          <ul className="active-filters" aria-label="Active filters">
            {chips.map(({ param, value }) => (
              <li key={`${param}:${value}`}>
                <Link href={`/${formatSearch(toggleFilter(state, param, value))}`} className={`chip kind-${param}`} aria-label={`Remove filter ${KIND_LABEL[param]} ${value}`}>
                  {KIND_LABEL[param]}: {value} ✕
                </Link>
              </li>
            ))}
            <li>
              <Link href={`/${formatSearch({ q: state.q })}`} className="clear">
                清除筛选 Clear filters
              </Link>
            </li>
          </ul>
        ) : null}
      </form>

      {result.state === 'loading' ? <Loading what="检索结果" /> : null}
      {result.state === 'error' ? <ErrorBox error={result.error} onRetry={result.reload} /> : null}
      {result.state === 'ready' ? (
        <div className="search-body">
          <FacetPanel facets={result.data.facets} state={state} />
          <section className="results" aria-label="Results">
            {result.data.items.length === 0 ? (
              <Empty>{hasCriteria(state) ? '没有符合条件的文章。No articles match; remove a filter or try other words.' : '档案中还没有文章。The archive holds no articles yet.'}</Empty>
            ) : (
              <>
                <p className="count-line" aria-live="polite">
                  {result.data.facets ? `${result.data.facets.scanned}${result.data.facets.complete ? '' : '+'} 篇 articles` : ''}
                  {state.cursor ? ' · 后续页 later page' : ''}
                </p>
                <ol className="result-list">
                  {result.data.items.map((item) => (
                    <ResultItem key={item.id} item={item} />
                  ))}
                </ol>
              </>
            )}
            <nav className="pager" aria-label="Pages of results">
              {state.cursor ? <Link href={`/${formatSearch({ ...state, cursor: '' })}`}>« 第一页 First page</Link> : null}
              {result.data.nextCursor ? (
                <Link href={`/${formatSearch({ ...state, cursor: result.data.nextCursor })}`} rel="next">
                  下一页 Next page »
                </Link>
              ) : null}
            </nav>
          </section>
        </div>
      ) : null}
    </div>
  );
}
