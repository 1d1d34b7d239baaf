import type { ApiSchemas } from '@baoxun/api-client/api-client';
import { Empty, ErrorBox, Loading } from '../components/states';
import { api, load } from '../lib/api';
import { Link } from '../lib/router';
import { useLoad } from '../lib/use-load';

type Page = ApiSchemas['Page'];
const STEPS: Array<ApiSchemas['PageStatus']> = ['received', 'parsed', 'enriched', 'stored'];
const STEP_LABEL: Record<ApiSchemas['PageStatus'], string> = { received: '已接收', parsed: '已切分', enriched: '已标注', stored: '已入库', 'dead-lettered': '处理失败' };

/** Another page of the same edition, found through the article list (the api has no page index by number). */
function EditionPageLink({ source, date, page, label }: { source: string; date: string; page: string; label: string }) {
  const found = useLoad(`edition:${source}:${date}:${page}`, () => load(api.GET('/v1/articles', { params: { query: { source, date, page, limit: 1 } } })));
  const pageId = found.state === 'ready' ? found.data.items[0]?.pageId : undefined;
  if (!pageId) return <span title={found.state === 'ready' ? 'that page is not stored' : undefined}>{label}</span>;
  return <Link href={`/pages/${pageId}`}>{label}</Link>;
}

function warningsOf(page: Page): string[] {
  const warnings: string[] = [];
  if (page.deadLetter) warnings.push(`Dead-lettered at ${page.deadLetter.stage} (${page.deadLetter.subject}): ${page.deadLetter.reason}`);
  if (page.expectedArticles !== null && page.storedArticles !== null && page.storedArticles < page.expectedArticles)
    warnings.push(`${page.storedArticles} of ${page.expectedArticles} articles of the newest version are stored so far.`);
  if (page.served && page.served.contentHash !== page.contentHash) warnings.push('A re-scan is in progress: the articles shown are of the previous version until the new one is complete.');
  if (page.served && page.served.pipelineVersions.length > 1) warnings.push(`Articles were made by ${page.served.pipelineVersions.length} pipeline versions: ${page.served.pipelineVersions.join(', ')}.`);
  const untitled = page.articles.filter((article) => !article.headline && !article.continuedFrom).length;
  if (untitled > 0) warnings.push(`${untitled} article(s) without a headline.`);
  return warnings;
}

function StatusSteps({ status }: { status: Page['status'] }) {
  const reached = STEPS.indexOf(status);
  return (
    <ol className="steps" aria-label="Pipeline status">
      {STEPS.map((step, index) => (
        <li key={step} className={status === 'dead-lettered' ? 'failed' : index <= reached ? 'done' : 'todo'} aria-current={step === status ? 'step' : undefined}>
          {STEP_LABEL[step]} <small>{step}</small>
        </li>
      ))}
      {status === 'dead-lettered' ? (
        <li className="failed" aria-current="step">
          {STEP_LABEL['dead-lettered']} <small>dead-lettered</small>
        </li>
      ) : null}
    </ol>
  );
}

export function PageView({ id }: { id: string }) {
  const result = useLoad(`page:${id}`, () => load(api.GET('/v1/pages/{id}', { params: { path: { id } } })));
  if (result.state === 'loading') return <Loading what="版面" />;
  if (result.state === 'error') return <ErrorBox error={result.error} onRetry={result.reload} />;
  const page = result.data;
  const warnings = warningsOf(page);
  return (
    <div className="page-view">
      <h1>
        {page.source} · {page.date} · 第{page.page}版
      </h1>
      <StatusSteps status={page.status} />
      <p className="meta">
        received {page.receivedAt.slice(0, 19).replace('T', ' ')} UTC
        {page.storedAt ? ` · stored ${page.storedAt.slice(0, 19).replace('T', ' ')} UTC` : ''}
        {page.parserVersion ? ` · ${page.parserVersion}` : ''}
      </p>
      {warnings.length > 0 ? (
        <section className="warnings" aria-label="Warnings">
          <h2>注意 Warnings</h2>
          <ul>
            {warnings.map((warning) => (
              <li key={warning}>{warning}</li>
            ))}
          </ul>
        </section>
      ) : null}
      {page.articles.length === 0 ? (
        <Empty>{page.status === 'stored' ? 'This page has no articles.' : 'No articles of this page are served yet.'}</Empty>
      ) : (
        <ol className="page-articles">
          {page.articles.map((article, index) => (
            <li key={article.id}>
              <span className="order">{index + 1}</span>
              <div>
                {article.kicker ? <p className="kicker">{article.kicker}</p> : null}
                <h2>
                  <Link href={`/articles/${article.id}`}>{article.headline || (article.continuedFrom ? `（上接第${article.continuedFrom.fromPage}版${article.continuedFrom.marker}）` : '（无标题）')}</Link>
                </h2>
                {article.subheadlines.length > 0 ? <p className="subheadline">{article.subheadlines.join(' ')}</p> : null}
                <p className="meta">
                  {article.body.length} 字 · {article.entities.people.length} 人物 · {article.entities.places.length} 地点 · {article.entities.organizations.length} 机构 · {article.entities.campaigns.length} 提法
                </p>
                {article.continuedFrom ? (
                  <p className="jump">
                    ▲▲ <EditionPageLink source={page.source} date={page.date} page={article.continuedFrom.fromPage} label={`上接第${article.continuedFrom.fromPage}版${article.continuedFrom.marker}`} />
                  </p>
                ) : null}
                {article.continuation ? (
                  <p className="jump">
                    ▶▶ <EditionPageLink source={page.source} date={page.date} page={article.continuation.toPage} label={`下转第${article.continuation.toPage}版${article.continuation.marker}`} />
                  </p>
                ) : null}
              </div>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
