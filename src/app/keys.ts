/**
 * What the single-key shortcuts do, loaded at the first one pressed (shortcuts.ts decides which keys
 * are shortcuts, at once, so that no browser default gets in first). Keys act on the view the
 * address bar describes, which may be a moment ahead of the screen.
 */
import { formatFilters, parseFilters } from '../core/filters.ts';
import { articlePath, LIST_PATH, parseRoute } from '../core/routes.ts';
import type { ListEntry } from '../core/site-data.ts';
import { reloadIfStale } from './archive.ts';
import { SEARCH_INPUT_ID } from './components/FilterPanel.tsx';
import { onScreen } from './context.ts';
import { listHiddenOnPhone } from './shortcuts.ts';
import { cameFrom, navigate } from './navigation.tsx';

export type ShortcutKey = 'j' | 'k' | '/' | 'Escape';

/** A step asked for before the list it walks had loaded: taken once it has. */
let pendingStep: 1 | -1 | null = null;
/** "/" on a phone first brings the list back; the search box takes focus once it is on screen. */
let focusPending = false;

function addressed() {
  return { route: parseRoute(location.pathname), query: formatFilters(parseFilters(location.search).filters) };
}

function step(by: 1 | -1): void {
  const { route, query } = addressed();
  const { view, firstScreen } = onScreen;
  const at = route?.kind === 'article' ? route.id : null;
  const open = (to: ListEntry | undefined) => to && navigate(articlePath(to.id) + query);
  if (view?.status === 'ready' && view.key === query) return void view.step(at, by).then(open, reloadIfStale);
  // The first screen serves the unfiltered list until the whole list has loaded.
  const index = query === '' ? firstScreen.findIndex((candidate) => candidate.id === at) : -2;
  const to = index === -2 ? undefined : firstScreen[index === -1 ? 0 : index + by];
  // Otherwise the step waits for the list the address asks for, which is on its way.
  if (to === undefined) pendingStep = by;
  else open(to);
}

export function press(key: ShortcutKey): void {
  if (key === 'j' || key === 'k') return step(key === 'j' ? 1 : -1);
  // With the list on screen, "/" only wants the search box; otherwise the key goes to the list first.
  if (!listHiddenOnPhone()) {
    if (key === '/') document.getElementById(SEARCH_INPUT_ID)?.focus();
    return;
  }
  const listHref = LIST_PATH + addressed().query;
  focusPending = key === '/';
  // Back to the list the reader came from, as it was left; or to the list of the current view.
  if (key === 'Escape' && cameFrom(listHref)) window.history.back();
  else navigate(listHref);
}

// After each render of the app (App.tsx): what waited for the screen to catch up.
onScreen.rendered = () => {
  const { view } = onScreen;
  if (pendingStep !== null && view?.status === 'ready' && view.key === addressed().query) {
    const by = pendingStep;
    pendingStep = null;
    step(by);
  }
  if (focusPending && onScreen.route?.kind === 'list') {
    focusPending = false;
    document.getElementById(SEARCH_INPUT_ID)?.focus();
  }
};
