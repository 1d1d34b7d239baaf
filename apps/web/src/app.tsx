import { useEffect, useState } from 'react';
import { api } from './lib/api';
import { Link, matchPath, useLocation } from './lib/router';
import { ArticleView } from './views/article-view';
import { EntityView } from './views/entity-view';
import { OperatorView } from './views/operator-view';
import { PageView } from './views/page-view';
import { SearchView } from './views/search-view';
import { ErrorBox } from './components/states';
import type { EntityKind } from './lib/marks';
import { ENTITY_KINDS } from './lib/marks';

/** Whether the api and its store answer: a store outage is said once, at the top, on every view. */
function HealthBanner({ path }: { path: string }) {
  const [down, setDown] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    api.GET('/health').then(
      ({ response }) => live && setDown(response.ok ? null : 'The archive is degraded: its store or broker is not answering, so some views may fail. Try again in a moment.'),
      () => live && setDown('The api is not answering: check that baoxun is running.'),
    );
    return () => {
      live = false;
    };
  }, [path]);
  if (!down) return null;
  return (
    <div className="banner" role="alert">
      {down}
    </div>
  );
}

function Route({ path, search }: { path: string; search: string }) {
  if (path === '/' || path === '/search') return <SearchView search={search} />;
  let params = matchPath('/articles/:id', path);
  if (params) return <ArticleView id={params.id} />;
  params = matchPath('/pages/:id', path);
  if (params) return <PageView id={params.id} />;
  params = matchPath('/entities/:type/:name', path);
  if (params && (ENTITY_KINDS as readonly string[]).includes(params.type)) return <EntityView kind={params.type as EntityKind} name={params.name} />;
  if (path === '/operator') return <OperatorView />;
  return <ErrorBox message="No such view in the reader." />;
}

export function App() {
  const { path, search } = useLocation();
  useEffect(() => {
    // Focus moves to the new view's content, so keyboard and screen-reader users land on it.
    document.getElementById('main')?.focus({ preventScroll: true });
  }, [path]);
  return (
    <>
      <a className="skip" href="#main">
        跳到正文 Skip to content
      </a>
      <header className="top">
        <Link href="/" className="brand">
          报讯 <span>baoxun</span>
        </Link>
        <nav aria-label="Views">
          <Link href="/" aria-current={path === '/' ? 'page' : undefined}>
            检索 Search
          </Link>
          <Link href="/operator" aria-current={path === '/operator' ? 'page' : undefined}>
            运维 Operator
          </Link>
        </nav>
      </header>
      <HealthBanner path={path} />
      <main id="main" tabIndex={-1}>
        <Route path={path} search={search} />
      </main>
      <footer className="foot">
        baoxun reader · <a href="/docs">API</a>
      </footer>
    </>
  );
}
