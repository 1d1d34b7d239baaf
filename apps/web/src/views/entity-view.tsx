import type { ApiSchemas } from '@baoxun/api-client/api-client';
import { EntityChip } from '../components/entity-chip';
import { MonthChart } from '../components/month-chart';
import { Empty, ErrorBox, Loading } from '../components/states';
import { api, load } from '../lib/api';
import { type EntityKind, KIND_LABEL } from '../lib/marks';
import { Link } from '../lib/router';
import { formatSearch } from '../lib/search-state';
import { useLoad } from '../lib/use-load';

const PARAM: Record<EntityKind, 'person' | 'place' | 'organization' | 'campaign'> = { person: 'person', place: 'place', organization: 'organization', campaign: 'campaign' };

function Timeline({ kind, entity }: { kind: EntityKind; entity: ApiSchemas['Entity'] }) {
  const key = entity.code ?? entity.name;
  const result = useLoad(`timeline:${kind}:${key}`, () => load(api.GET('/v1/entities/{type}/{name}/timeline', { params: { path: { type: kind, name: key } } })));
  if (result.state === 'loading') return <Loading what="时间线" />;
  if (result.state === 'error') return <ErrorBox error={result.error} onRetry={result.reload} />;
  const { months, roles, scanned, complete } = result.data;
  if (scanned === 0) return <Empty>No stored article mentions this {kind} yet.</Empty>;
  const caption = `每月文章 Articles per month${complete ? '' : ` (the newest ${scanned} of ${entity.articleCount})`}`;
  return (
    <>
      {kind === 'person' ? (
        <section aria-labelledby="roles-heading">
          <h2 id="roles-heading">职务 Roles over time</h2>
          {roles.length === 0 ? (
            <p className="note">The articles give no title for {entity.name}.</p>
          ) : (
            <table className="data">
              <thead>
                <tr>
                  <th scope="col">职务 Role</th>
                  <th scope="col">最早 First</th>
                  <th scope="col">最近 Last</th>
                  <th scope="col">文章 Articles</th>
                </tr>
              </thead>
              <tbody>
                {roles.map((span) => (
                  <tr key={span.role}>
                    <td>{span.role}</td>
                    <td>{span.first}</td>
                    <td>{span.last}</td>
                    <td>{span.articles}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ) : null}
      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">时间线 Timeline</h2>
        <MonthChart rows={months} caption={caption} />
      </section>
    </>
  );
}

const RELATED: Array<{ group: 'people' | 'places' | 'organizations' | 'campaigns'; kind: EntityKind }> = [
  { group: 'people', kind: 'person' },
  { group: 'places', kind: 'place' },
  { group: 'organizations', kind: 'organization' },
  { group: 'campaigns', kind: 'campaign' },
];

export function EntityView({ kind, name }: { kind: EntityKind; name: string }) {
  const result = useLoad(`entity:${kind}:${name}`, () => load(api.GET('/v1/entities/{type}/{name}', { params: { path: { type: kind, name }, query: { limit: 10, relatedLimit: 8 } } })));
  if (result.state === 'loading') return <Loading what={KIND_LABEL[kind]} />;
  if (result.state === 'error') return <ErrorBox error={result.error} onRetry={result.reload} />;
  const { entity, articles, related } = result.data;
  const key = entity.code ?? entity.name;
  return (
    <div className={`entity-view kind-border-${kind}`}>
      <p className="meta">
        <span className={`swatch kind-${kind}`} aria-hidden="true" /> {KIND_LABEL[kind]} {kind}
      </p>
      <h1>{entity.name}</h1>
      <p className="meta">
        {entity.articleCount} 篇 articles
        {entity.firstDate ? ` · ${entity.firstDate} – ${entity.lastDate}` : ''}
        {entity.code ? ` · 区划代码 ${entity.code}` : ''}
        {entity.aliases.filter((alias) => alias !== entity.name).length > 0 ? ` · 又作 ${entity.aliases.filter((alias) => alias !== entity.name).join('、')}` : ''}
      </p>
      {kind === 'place' && entity.parents.length > 0 ? (
        <nav aria-label="Division chain" className="division-chain">
          <ol>
            {entity.parents.map((parent) => (
              <li key={parent.code}>
                <Link href={`/entities/place/${parent.code}`}>{parent.name}</Link> <small>{parent.code}</small>
              </li>
            ))}
            <li aria-current="page">
              {entity.name} {entity.code ? <small>{entity.code}</small> : null}
            </li>
          </ol>
        </nav>
      ) : null}
      {kind === 'person' && entity.roles.length > 0 ? <p>职务 Titles: {entity.roles.join('、')}</p> : null}
      <p>
        <Link href={`/${formatSearch({ [PARAM[kind]]: [key] })}`}>检索全部文章 Search all its articles »</Link>
      </p>
      <Timeline kind={kind} entity={entity} />
      <section aria-labelledby="related-heading">
        <h2 id="related-heading">共现实体 Appears with</h2>
        {!related || RELATED.every(({ group }) => related[group].filter((value) => !(value.type === kind && (value.code ?? value.name) === key)).length === 0) ? (
          <p className="note">No other entity appears in its articles.</p>
        ) : (
          <dl className="entity-lists">
            {RELATED.map(({ group, kind: relatedKind }) => {
              const values = related[group].filter((value) => !(value.type === kind && (value.code ?? value.name) === key));
              if (values.length === 0) return null;
              return (
                <div key={group}>
                  <dt>{KIND_LABEL[relatedKind]}</dt>
                  <dd>
                    <ul>
                      {values.map((value) => (
                        <li key={value.href}>
                          <EntityChip kind={relatedKind} name={value.name} keyValue={value.code ?? value.name} extra={`${value.count}`} />
                        </li>
                      ))}
                    </ul>
                  </dd>
                </div>
              );
            })}
          </dl>
        )}
      </section>
      <section aria-labelledby="articles-heading">
        <h2 id="articles-heading">最新文章 Newest articles</h2>
        {articles.items.length === 0 ? (
          <Empty>No articles.</Empty>
        ) : (
          <ul className="result-list compact">
            {articles.items.map((item) => (
              <li key={item.id} className="result">
                <Link href={`/articles/${item.id}`}>{item.headline || '（无标题）'}</Link>{' '}
                <span className="meta">
                  {item.page.source} · {item.page.date} · <Link href={`/pages/${item.pageId}`}>第{item.page.page}版</Link>
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
