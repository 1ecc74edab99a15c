import { lazy, startTransition, Suspense, useDeferredValue, useEffect, useLayoutEffect, useMemo, useReducer, useRef, useState } from 'react';
import { formatFilters, hasAnyFilter, parseFilters, type Filters } from '../core/filters.ts';
import { LIST_PATH, NOT_FOUND_PATH, parseRoute, routePath } from '../core/routes.ts';
import type { ListEntry, PageData } from '../core/site-data.ts';
import { NOT_FOUND_TITLE, pageTitle, PRODUCT_NAME } from '../core/text.ts';
import { Archive, ArchiveContext, useArchive } from './archive.ts';
import { FilterPanel } from './components/FilterPanel.tsx';
import { HighlightContext, type Highlighter } from './components/Highlight.tsx';
import { ListPane } from './components/ListPane.tsx';
import { PaneBoundary } from './components/PaneBoundary.tsx';
import { onDemand } from './on-demand.tsx';
import type { ArticleProps } from './components/ReadingPane.tsx';
import { ARTICLE_HEADING_ID } from './element-ids.ts';
import { whenIdle } from './idle.ts';
import { onScreen } from './context.ts';
import { firstMove, firstTouch, moveNow } from './first-move.ts';
import { useFocusOnOpen } from './focus.ts';
import type { ListView } from './list/view.ts';
import { navigate, useLocationState, useScrollRestoration } from './navigation.tsx';
import { showShortcuts, useShortcuts } from './shortcuts.ts';

/** Applies filters to the current view; reads the path when called, so it never needs to change. */
function setFilters(next: Filters, mode: 'push' | 'replace' = 'push'): void {
  navigate(routePath(parseRoute(window.location.pathname) ?? { kind: 'list' }) + formatFilters(next), mode);
}

export function App({ data }: { data: PageData }) {
  const [archive] = useState(() => new Archive(data));
  return (
    <ArchiveContext value={archive}>
      {/* The last resort: each pane has a boundary of its own. */}
      <PaneBoundary what="The reader" at="">
        <Reader data={data} />
      </PaneBoundary>
    </ArchiveContext>
  );
}

function Reader({ data }: { data: PageData }) {
  const archive = useArchive();
  const place = useLocationState({ pathname: data.pathname, search: '' });
  // The controls follow the URL at once; the list and the reading pane once that has painted, in a
  // render that yields to the browser, so a keystroke or a click paints without waiting for them.
  const shown = useAfterPaint(place);
  useScrollRestoration(shown);
  const controls = useMemo(() => parseFilters(place.search).filters, [place.search]);
  const { filters, rejected } = useMemo(() => parseFilters(shown.search), [shown.search]);
  const route = useMemo(() => parseRoute(shown.pathname), [shown.pathname]);
  const query = formatFilters(filters);
  const listHref = LIST_PATH + query;
  const address = shown.pathname + shown.search;
  const [view, setView] = useState<ListView>(FIRST_SCREEN);
  // The whole list, filters and search load at the reader's first move, or at once for a filtered link.
  const enhanced = useFirstMove();
  const linkHasFilters = hasAnyFilter(filters) || filters.sort !== 'newest';
  useEffect(() => {
    if (linkHasFilters) moveNow();
  }, [linkHasFilters]);
  const highlighter = useHighlighter(filters.q);
  // The summary arrives after load; what it changes (the names, the filters' counts) renders in the
  // background, in slices that leave the page responsive, rather than in one long task.
  const summary = useDeferredValue(archive.summary);
  const names = summary?.names ?? data.names;

  const articleId = route?.kind === 'article' ? route.id : null;
  const article = articleId === null ? undefined : archive.articles.get(articleId);
  const entry = articleId === null ? undefined : typeof article === 'object' ? article.entry : findEntry(archive, data, articleId);
  const neighbours = neighboursOf(view, data, articleId);

  // The archive beyond this page: how many dispatches, in which months, with which facets.
  useEffect(() => whenIdle(() => void archive.loadSummary().catch(() => undefined)), [archive]);
  useEffect(() => {
    if (articleId !== null && article === undefined) archive.loadArticle(articleId);
  }, [archive, articleId, article]);
  useEffect(() => {
    // Fetch the neighbours ahead, so j and k open instantly; idle, so the first paint is not slowed.
    if (typeof article !== 'object') return;
    return whenIdle(() => {
      if (neighbours.next) archive.loadArticle(neighbours.next.id);
      if (neighbours.previous) archive.loadArticle(neighbours.previous.id);
    });
  }, [archive, article, neighbours.next, neighbours.previous]);

  const notFound = route === null || article === 'missing';
  useEffect(() => {
    document.title = notFound ? NOT_FOUND_TITLE : pageTitle(entry?.title);
  }, [notFound, entry]);

  const asked = parseRoute(place.pathname);
  useFocusOnOpen(articleId, asked?.kind === 'article' ? asked.id : null);
  // What the tools (tools.ts) and the keys (keys.ts) act on: what is on screen, so set when a render
  // is committed. (A render in a transition can be sliced or dropped, and a key pressed meanwhile
  // must act on the screen the reader sees.)
  useLayoutEffect(() => void Object.assign(onScreen, { archive, view, filters, entry, firstScreen: data.window.entries, route }));
  useEffect(() => onScreen.rendered?.());
  useShortcuts();

  const ready = !hasAnyFilter(filters) || (view.status === 'ready' && view.key === query) || 'says' in view;
  useEffect(() => {
    // Once the view matches the real URL (the static page could not know its query string), the
    // list may show, and tests and tools learn that the page now reacts to the reader.
    if (ready && shown.pathname + shown.search === window.location.pathname + window.location.search) {
      document.documentElement.dataset.hydrated = '';
    }
  }, [shown, ready]);

  return (
    <HighlightContext value={highlighter}>
      <div className="app" data-view={route?.kind === 'list' ? 'list' : 'article'}>
        <a className="skip-link" href="#dispatch-list">Skip to the list</a>
        <a className="skip-link" href={`#${ARTICLE_HEADING_ID}`}>Skip to the reading pane</a>
        <header className="masthead">
          <a href={LIST_PATH} className="brand">{PRODUCT_NAME}</a>
          <span className="tagline">Việt Nam's foreign relations, from the wires</span>
          <button type="button" className="link-button" onClick={showShortcuts}>Keyboard shortcuts</button>
        </header>
        <div className="layout">
          <section className="list-pane" aria-label="Dispatch list">
            <PaneBoundary what="The list" at={address}>
              <FilterPanel filters={controls} summary={summary} setFilters={setFilters} />
              {rejected.length > 0 && (
                <Suspense fallback={null}>
                  <RejectedNotices rejected={rejected} />
                </Suspense>
              )}
              <ListPane
                view={view}
                enhanced={enhanced}
                onView={setView}
                window={data.window}
                filters={filters}
                query={query}
                currentId={entry?.id ?? null}
                names={names}
                setFilters={setFilters}
              />
            </PaneBoundary>
          </section>
          <main className="reading-pane" id="main">
            <PaneBoundary what={articleId === null ? 'This page' : 'This dispatch'} at={address}>
              {notFound ? (
                <NotFoundView pathname={shown.pathname === NOT_FOUND_PATH ? null : shown.pathname} listHref={listHref} isArticle={articleId !== null} />
              ) : entry ? (
                <ArticleView
                  entry={entry}
                  article={article}
                  names={names}
                  listHref={listHref}
                  previous={neighbours.previous}
                  next={neighbours.next}
                  query={query}
                  retry={archive.loadArticle}
                />
              ) : articleId !== null ? (
                <p className="loading" aria-busy="true">Loading the dispatch…</p>
              ) : data.overview !== null ? (
                <LandingView overview={data.overview} names={names} />
              ) : null}
            </PaneBoundary>
          </main>
        </div>
      </div>
    </HighlightContext>
  );
}

// The article as prerendered reads as it is: its code arrives at the reader's first touch (a key, a
// press, a scroll, Back), or at once for a link with filters, which may highlight it.
const ArticleView = onDemand<ArticleProps>('ArticleView', () => firstTouch.then(() => import('./components/ReadingPane.tsx')).then(({ ArticleView }) => ({ default: ArticleView })));
// The landing view's code loads only on the landing page, the not-found view's only on that page.
const LandingView = onDemand('Overview', () => import('./components/Overview.tsx'));
const NotFoundView = onDemand('NotFound', () => import('./components/NotFound.tsx'));
// Only a link with bad parameters needs the words for them.
const RejectedNotices = lazy(() => import('./components/RejectedNotices.tsx'));

const FIRST_SCREEN: ListView = { status: 'window' };

/**
 * `value`, a frame after it changes: the browser paints what the change did at once (a box ticked, a
 * letter typed) before the app draws what follows from it, in a transition. Starting that render at
 * once, as useDeferredValue does, can hold the paint back behind its slices and its commit.
 */
function useAfterPaint<T>(value: T): T {
  const latest = useRef(value);
  // Catching up shows the newest value when React applies it, not the one there was when it was asked
  // for: a catch-up asked for before the value changed again, and applied after, would flash a view
  // the reader has already left (and a view flashed between a tap and the key that followed it takes
  // the focus from the search box that "/" had brought back). Hence a read of the ref in the reducer,
  // which React runs as it renders (a state setter's function may run at once, when it is called).
  // eslint-disable-next-line react-hooks/refs
  const [shown, catchUp] = useReducer(() => latest.current, value);
  useEffect(() => {
    // Set before any catch-up can apply: React runs these effects at once after a render for an
    // input or a URL change, before it resumes rendering a transition.
    latest.current = value;
    // A frame callback runs just before the paint; a timeout set there, just after it.
    const frame = requestAnimationFrame(() => setTimeout(() => startTransition(catchUp)));
    return () => cancelAnimationFrame(frame);
  }, [value]);
  return shown;
}

/** True from the reader's first move on (first-move.ts). */
function useFirstMove(): boolean {
  const [moved, setMoved] = useState(false);
  useEffect(() => {
    let live = true;
    void firstMove.then(() => live && startTransition(() => setMoved(true)));
    return () => {
      live = false;
    };
  }, []);
  return moved;
}


function findEntry(archive: Archive, data: PageData, id: string): ListEntry | undefined {
  const position = archive.knownPosition(id);
  return (position === undefined ? undefined : archive.entryAt(position)) ?? data.window.entries.find((entry) => entry.id === id);
}

/** The dispatches before and after the open one in the list as it is filtered and ordered. */
function neighboursOf(view: ListView, data: PageData, id: string | null) {
  if (id === null) return { previous: undefined, next: undefined };
  if (view.status === 'ready') return { previous: view.near(id, -1), next: view.near(id, 1) };
  const index = data.window.entries.findIndex((entry) => entry.id === id);
  return index === -1 ? { previous: undefined, next: undefined } : { previous: data.window.entries[index - 1], next: data.window.entries[index + 1] };
}

/** The search's highlighter, from the query module, loaded the first time the reader searches. */
function useHighlighter(q: string): Highlighter | null {
  const [made, setMade] = useState<{ q: string; highlighter: Highlighter } | null>(null);
  const wanted = q.trim();
  useEffect(() => {
    if (wanted === '') return;
    let live = true;
    // In a transition: marking the words in every row on screen yields to the reader's next key.
    import('./list/highlighter.ts').then(
      ({ highlighterFor }) => live && startTransition(() => setMade({ q: wanted, highlighter: highlighterFor(wanted) })),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [wanted]);
  return wanted === '' || made?.q !== wanted ? null : made.highlighter;
}
