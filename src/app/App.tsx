import { useDeferredValue, useEffect, useMemo, useRef, type MouseEvent } from 'react';
import { formatFilters, parseFilters, type Filters } from '../core/filters.ts';
import { LIST_PATH, NOT_FOUND_PATH, parseRoute, routePath } from '../core/routes.ts';
import { queryWords, toSearchDoc, wordPatterns } from '../core/search.ts';
import type { PageData } from '../core/site-data.ts';
import { NOT_FOUND_TITLE, pageTitle, PRODUCT_NAME } from '../core/text.ts';
import { selectEntries } from '../core/view.ts';
import { FilterPanel, SEARCH_INPUT_ID } from './components/FilterPanel.tsx';
import { HighlightContext } from './components/Highlight.tsx';
import { ARTICLE_HEADING_ID, ArticleView, NotFound, Welcome } from './components/ReadingPane.tsx';
import { useFocusOnOpen } from './focus.ts';
import { ResultList } from './components/ResultList.tsx';
import { useArticles, useSearchTexts, whenIdle } from './data.ts';
import { Link, navigate, useLocationState, useScrollRestoration, type HistoryState } from './navigation.tsx';
import { useShortcutPreference, useShortcuts, useShortcutsDialog } from './shortcuts.ts';

/** Below this width one pane shows at a time; the CSS uses the same breakpoint. */
const NARROW = '(max-width: 47.99em)';

/** Applies filters to the current view; reads the path when called, so it never needs to change. */
function setFilters(next: Filters, mode: 'push' | 'replace' = 'push'): void {
  navigate(routePath(parseRoute(window.location.pathname) ?? { kind: 'list' }) + formatFilters(next), mode);
}

/** Back to the list; returning the way the reader came restores the list's scroll position. */
function backToList(listHref: string, event?: MouseEvent<HTMLAnchorElement>): void {
  if ((window.history.state as HistoryState | null)?.back === listHref) {
    event?.preventDefault();
    window.history.back();
  } else if (!event) navigate(listHref);
}

export function App({ data }: { data: PageData }) {
  const { list } = data;
  const place = useLocationState({ pathname: data.pathname, search: '' });
  // The controls follow the URL at once; the list and the reading pane a moment later, in a render
  // that yields to the browser, so a keystroke or a key press paints without waiting for them.
  const shown = useDeferredValue(place);
  useScrollRestoration(shown);
  const controls = useMemo(() => parseFilters(place.search, list.countryNames).filters, [place.search, list.countryNames]);
  const { filters, notices } = useMemo(() => parseFilters(shown.search, list.countryNames), [shown.search, list.countryNames]);
  const route = useMemo(() => parseRoute(shown.pathname), [shown.pathname]);
  const query = formatFilters(filters);
  const listHref = LIST_PATH + query;

  const bodies = useSearchTexts(list.version, filters.q.trim() !== '');
  const docs = useMemo(() => list.entries.map((entry) => toSearchDoc(entry, list.countryNames, bodies?.[entry.id] ?? '')), [list, bodies]);
  const view = useMemo(() => selectEntries(docs, filters), [docs, filters]);
  const patterns = useMemo(() => wordPatterns(queryWords(filters.q)), [filters.q]);
  const { articles, load } = useArticles(list.version, data.article);

  const articleId = route?.kind === 'article' ? route.id : null;
  const entry = list.entries.find((candidate) => candidate.id === articleId);
  const index = entry ? view.results.indexOf(entry) : -1;
  const previous = index > 0 ? view.results[index - 1] : undefined;
  const next = view.results[index + 1];
  const article = entry ? articles[entry.id] : undefined;

  useEffect(() => {
    if (entry) load(entry.id);
  }, [entry, load]);
  useEffect(() => {
    // The site was rebuilt since this page loaded: its data files moved to a new version.
    if (article === 'stale') window.location.reload();
  }, [article]);
  useEffect(() => {
    // Fetch the neighbours ahead, so j and k open instantly; idle, so the first paint is not slowed.
    if (typeof article !== 'object') return;
    return whenIdle(() => {
      if (next) load(next.id);
      if (previous) load(previous.id);
    });
  }, [article, next, previous, load]);

  const notFound = route === null || (articleId !== null && entry === undefined);
  useEffect(() => {
    document.title = notFound ? NOT_FOUND_TITLE : pageTitle(entry?.title);
  }, [notFound, entry]);

  useFocusOnOpen(articleId);
  useEffect(() => {
    // Once the view matches the real URL (the static page could not know its query string), the
    // list may show, and tests and tools learn that the page now reacts to the reader.
    if (shown.pathname + shown.search === window.location.pathname + window.location.search) {
      document.documentElement.dataset.hydrated = '';
    }
  }, [shown]);

  // Focus waits until the view it belongs to is on screen (on a phone, "/" first brings the list back).
  const focusPending = useRef(false);
  useEffect(() => {
    if (focusPending.current && route?.kind === 'list') {
      focusPending.current = false;
      document.getElementById(SEARCH_INPUT_ID)?.focus();
    }
  }, [route]);

  const [shortcutsOn, setShortcutsOn] = useShortcutPreference();
  const showHelp = useShortcutsDialog(shortcutsOn, setShortcutsOn);
  const isNarrow = () => window.matchMedia(NARROW).matches;
  // Keys act on the view the address bar describes, which may be a moment ahead of the screen.
  const addressed = { route: parseRoute(place.pathname), query: formatFilters(controls) };
  const step = (by: 1 | -1) => {
    const { results } = selectEntries(docs, controls);
    const { route: at } = addressed;
    const index = results.findIndex((candidate) => at?.kind === 'article' && candidate.id === at.id);
    const to = index === -1 ? results[0] : results[index + by];
    if (to) navigate(to.path + addressed.query);
  };
  const leaveArticle = () => isNarrow() && addressed.route?.kind !== 'list';
  const actions = {
    next: () => step(1),
    previous: () => step(-1),
    focusSearch: () => {
      if (leaveArticle()) {
        focusPending.current = true;
        navigate(LIST_PATH + addressed.query);
      } else document.getElementById(SEARCH_INPUT_ID)?.focus();
    },
    showHelp,
    close: () => {
      if (leaveArticle()) backToList(LIST_PATH + addressed.query);
    },
  };
  useShortcuts(actions, shortcutsOn);

  return (
    <HighlightContext value={patterns}>
      <div className="app" data-view={route?.kind === 'list' ? 'list' : 'article'}>
        <a className="skip-link" href={`#${ARTICLE_HEADING_ID}`}>Skip to the reading pane</a>
        <header className="masthead">
          <Link href={LIST_PATH} className="brand">{PRODUCT_NAME}</Link>
          <span className="tagline">Việt Nam's foreign relations, from the wires</span>
          <button type="button" className="link-button" onClick={showHelp}>Keyboard shortcuts</button>
        </header>
        <div className="layout">
          <section className="list-pane" aria-label="Dispatch list">
            <FilterPanel filters={controls} countryCounts={list.countryCounts} countryNames={list.countryNames} setFilters={setFilters} />
            {notices.length > 0 && (
              <ul className="notices" aria-label="Ignored link parameters">
                {notices.map((notice) => <li key={notice}>{notice}</li>)}
              </ul>
            )}
            <ResultList
              view={view}
              total={list.entries.length}
              filters={filters}
              query={query}
              currentId={entry?.id ?? null}
              countryNames={list.countryNames}
              bodies={bodies}
              setFilters={setFilters}
            />
          </section>
          <main className="reading-pane" id="main">
            {notFound ? (
              <NotFound pathname={shown.pathname === NOT_FOUND_PATH ? null : shown.pathname} listHref={listHref} isArticle={articleId !== null} />
            ) : entry ? (
              <ArticleView
                entry={entry}
                article={article}
                countryNames={list.countryNames}
                listHref={listHref}
                previous={previous}
                next={next}
                query={query}
                onBack={backToList}
                load={load}
              />
            ) : (
              <Welcome total={list.entries.length} />
            )}
          </main>
        </div>
      </div>
    </HighlightContext>
  );
}
