import type { ApiSchemas } from '@baoxun/api-client/api-client';
import { EntityChip, Legend } from '../components/entity-chip';
import { MarkedText } from '../components/marked-text';
import { ErrorBox, Loading } from '../components/states';
import { api, load } from '../lib/api';
import { marksByField, paragraphs } from '../lib/marks';
import { Link } from '../lib/router';
import { useLoad } from '../lib/use-load';

type WholeArticle = ApiSchemas['WholeArticle'];

function Body({ article, marks }: { article: WholeArticle; marks: ReturnType<typeof marksByField> }) {
  const bodyMarks = marks.get('body');
  const parts = article.parts.length > 0 ? article.parts : [{ id: article.id, pageId: article.pageId, page: article.page, bodyStart: 0, bodyEnd: article.body.length, continuedFrom: null }];
  return (
    <div className="body" data-field="body">
      {parts.map((part, index) => (
        <section key={part.id} className="part" aria-label={parts.length > 1 ? `Part ${index + 1}, page ${part.page.page}` : undefined}>
          {index > 0 ? (
            <p className="part-head">
              <Link href={`/pages/${part.pageId}`}>
                上接 · 第{part.page.page}版 {part.continuedFrom ? `（${part.continuedFrom.marker}）` : ''}
              </Link>
            </p>
          ) : null}
          {paragraphs(article.body, part.bodyStart, part.bodyEnd).map((paragraph) => (
            <p key={paragraph.start} data-start={paragraph.start}>
              <MarkedText text={paragraph.text} offset={paragraph.start} marks={bodyMarks} field="body" />
            </p>
          ))}
        </section>
      ))}
    </div>
  );
}

function EntityLists({ entities }: { entities: WholeArticle['entities'] }) {
  const none = entities.people.length + entities.places.length + entities.organizations.length + entities.campaigns.length === 0;
  if (none) return <p className="note">No people, places, organizations or campaigns were tagged in this article.</p>;
  return (
    <dl className="entity-lists">
      {entities.people.length > 0 ? (
        <>
          <dt>人物 People</dt>
          <dd>
            <ul>
              {entities.people.map((person) => (
                <li key={person.name}>
                  <EntityChip kind="person" name={person.name} extra={person.roles.join('、') || undefined} />
                </li>
              ))}
            </ul>
          </dd>
        </>
      ) : null}
      {entities.places.length > 0 ? (
        <>
          <dt>地点 Places</dt>
          <dd>
            <ul>
              {entities.places.map((place) => (
                <li key={place.code ?? place.name}>
                  <EntityChip kind="place" name={place.canonicalName ?? place.name} keyValue={place.code ?? place.name} extra={place.code ?? undefined} />
                  {place.parents.length > 0 ? <span className="chain">{[...place.parents.map((parent) => parent.name), place.canonicalName ?? place.name].join(' › ')}</span> : null}
                </li>
              ))}
            </ul>
          </dd>
        </>
      ) : null}
      {entities.organizations.length > 0 ? (
        <>
          <dt>机构 Organizations</dt>
          <dd>
            <ul>
              {entities.organizations.map((organization) => (
                <li key={organization.name}>
                  <EntityChip kind="organization" name={organization.name} />
                </li>
              ))}
            </ul>
          </dd>
        </>
      ) : null}
      {entities.campaigns.length > 0 ? (
        <>
          <dt>提法 Campaigns</dt>
          <dd>
            <ul>
              {entities.campaigns.map((campaign) => (
                <li key={campaign.name}>
                  <EntityChip kind="campaign" name={campaign.name} />
                </li>
              ))}
            </ul>
          </dd>
        </>
      ) : null}
    </dl>
  );
}

export function ArticleView({ id }: { id: string }) {
  const result = useLoad(`article:${id}`, () => load(api.GET('/v1/articles/{id}', { params: { path: { id } } })));
  if (result.state === 'loading') return <Loading what="文章" />;
  if (result.state === 'error') return <ErrorBox error={result.error} onRetry={result.reload} />;
  const article = result.data;
  const marks = marksByField(article.entities);
  const pages = [...new Map(article.parts.map((part) => [part.pageId, part])).values()];
  return (
    <article className="article">
      <p className="meta">
        <span>{article.page.source}</span> · <time dateTime={article.page.date}>{article.page.date}</time> ·{' '}
        {pages.length > 0 ? (
          pages.map((part, index) => (
            <span key={part.pageId}>
              {index > 0 ? '、' : ''}
              <Link href={`/pages/${part.pageId}`}>第{part.page.page}版</Link>
            </span>
          ))
        ) : (
          <Link href={`/pages/${article.pageId}`}>第{article.page.page}版</Link>
        )}
      </p>
      {article.kicker ? (
        <p className="kicker">
          <MarkedText text={article.kicker} marks={marks.get('kicker')} field="kicker" />
        </p>
      ) : null}
      <h1 className="headline">
        <MarkedText text={article.headline} marks={marks.get('headline')} field="headline" />
      </h1>
      {article.subheadlines.map((line, index) => (
        <p className="subheadline" key={index}>
          <MarkedText text={line} marks={marks.get(`subheadline:${index}`)} field={`subheadline:${index}`} />
        </p>
      ))}
      {article.byline ? (
        <p className="byline">
          <MarkedText text={article.byline.text} marks={marks.get('byline')} field="byline" />
        </p>
      ) : null}
      {article.parts.length > 1 ? (
        <p className="note">
          本文跨 {pages.length} 版，已合并显示 — shown whole from {article.parts.length} parts.
        </p>
      ) : null}
      {!article.complete ? (
        <p className="note warn">
          {article.continuation ? `下转第${article.continuation.toPage}版 — that page is not stored yet.` : ''}
          {article.continuedFrom ? `上接第${article.continuedFrom.fromPage}版 — the start is not stored yet.` : ''}
        </p>
      ) : null}
      <Legend />
      <Body article={article} marks={marks} />
      <section className="entities" aria-labelledby="entities-heading">
        <h2 id="entities-heading">文中实体 Entities</h2>
        <EntityLists entities={article.entities} />
      </section>
      <p className="provenance">
        {article.pipelineVersion} · stored {new Date(article.storedAt).toISOString().slice(0, 19).replace('T', ' ')} UTC · {article.id}
      </p>
    </article>
  );
}
