/**
 * The URL is the app's state: every view is a URL, and the app re-reads it after each change.
 * Pushing adds a history entry (choosing a filter, opening a dispatch); replacing does not (typing).
 */
import { useEffect, useLayoutEffect, useSyncExternalStore } from 'react';
import { parseRoute } from '../core/routes.ts';

export interface Place {
  pathname: string;
  search: string;
}

export type Navigate = (href: string, mode?: 'push' | 'replace') => void;

/** Kept in each history entry: where the page was scrolled, and the URL the reader came from. */
export interface HistoryState {
  scrollY?: number;
  back?: string;
}

const listeners = new Set<() => void>();
let cached: Place = { pathname: '', search: '' };

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

function currentPlace(): Place {
  const { pathname, search } = window.location;
  if (pathname !== cached.pathname || search !== cached.search) cached = { pathname, search };
  return cached;
}

export const navigate: Navigate = (href, mode = 'push') => {
  const here = window.location.pathname + window.location.search;
  arrivedByHistory = false;
  // Going where the reader already is adds no history entry.
  if (mode === 'push' && href !== here) {
    // Remember where the reader was, so Back returns to the same spot in the list.
    rememberScroll();
    window.history.pushState({ back: here } satisfies HistoryState, '', href);
  } else {
    window.history.replaceState(window.history.state, '', href);
  }
  for (const listener of listeners) listener();
};

/**
 * Writes where the page is scrolled into its history entry, unless it is there already: a scroll is
 * written as it comes to rest (scrollend), so a click that leaves the page seldom has to. Writing a
 * history entry costs the click's paint a few milliseconds on a phone.
 */
function rememberScroll(): void {
  const state = window.history.state as HistoryState | null;
  // An entry without a position is restored to the top (useScrollRestoration): a page never scrolled
  // needs no write, which would cost the first key or click on it a second history write.
  if ((state?.scrollY ?? 0) !== window.scrollY) window.history.replaceState({ ...state, scrollY: window.scrollY }, '');
}

/**
 * The current place. While hydrating it is the place the page was rendered for, so the markup
 * matches; right after, the real URL, whose query string a static page could not know.
 */
export function useLocationState(rendered: Place): Place {
  return useSyncExternalStore(subscribe, currentPlace, () => rendered);
}

/** Where Back or Forward left the page, waiting for the view of that entry to be on screen. */
let pendingScroll: number | null = null;
/** Whether the current view came from Back or Forward, which restore a place rather than open anew. */
let arrivedByHistory = false;

export function cameByHistory(): boolean {
  return arrivedByHistory;
}

/**
 * Restores the scroll position of a history entry once `shown` (the view on screen) has caught up
 * with it: before that, on a phone, the list is still hidden and the page too short to scroll.
 */
export function useScrollRestoration(shown: Place): void {
  useEffect(() => {
    window.history.scrollRestoration = 'manual';
    const remember = (event: PopStateEvent) => {
      pendingScroll = ((event.state ?? {}) as HistoryState).scrollY ?? 0;
      arrivedByHistory = true;
    };
    window.addEventListener('popstate', remember);
    window.addEventListener('scrollend', rememberScroll);
    return () => {
      window.removeEventListener('popstate', remember);
      window.removeEventListener('scrollend', rememberScroll);
    };
  }, []);
  useLayoutEffect(() => {
    if (pendingScroll === null) return;
    window.scrollTo(0, pendingScroll);
    pendingScroll = null;
  }, [shown]);
}

/**
 * Follows links to the app's own views without reloading the page: any click on a link to a route
 * (parseRoute), the prerendered ones React has not taken over yet included. It listens in the
 * capture phase because React stops a click on a part it has not hydrated yet from bubbling (to
 * replay it once hydrated), and by then the browser would have followed the link. Modified clicks
 * still open tabs and windows; links to anything else (feeds, other sites, #paragraphs) are left
 * alone. A link marked `data-back` goes Back when it leads where the reader came from, so the list
 * comes back as it was left.
 */
export function followLinksInPlace(): void {
  document.addEventListener(
    'click',
    (event) => {
      const link = event.target instanceof Element ? event.target.closest('a') : null;
      if (link === null || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      if (link.target !== '' || link.hasAttribute('download') || link.origin !== location.origin || parseRoute(link.pathname) === null) return;
      if (link.pathname === location.pathname && link.search === location.search && link.hash !== '') return;
      event.preventDefault();
      const href = link.pathname + link.search;
      if (link.dataset.back !== undefined && cameFrom(href)) window.history.back();
      else navigate(href);
    },
    { capture: true },
  );
}

/** Whether the previous history entry is `href`, as `navigate` noted it. */
export function cameFrom(href: string): boolean {
  return (window.history.state as HistoryState | null)?.back === href;
}
