/**
 * Routes and link builders: every URL the product makes comes from here, in the ingest (a dispatch's
 * `path`), the prerender (one page per path) and the app (links, history entries).
 */

export const LIST_PATH = '/';
const ARTICLE_PREFIX = '/article/';

/** The pathname the 404 page is rendered for: no route has it, so the app shows "not found". */
export const NOT_FOUND_PATH = '/404';

export function articlePath(id: string): string {
  return ARTICLE_PREFIX + id;
}

export type Route = { kind: 'list' } | { kind: 'article'; id: string };

/**
 * Which view a pathname asks for. A trailing slash is accepted because plain static servers redirect
 * `/article/<id>` to `/article/<id>/` when the page is stored as `article/<id>/index.html`.
 */
export function parseRoute(pathname: string): Route | null {
  const path = pathname.length > 1 && pathname.endsWith('/') ? pathname.slice(0, -1) : pathname;
  if (path === '' || path === LIST_PATH || path === '/index.html') return { kind: 'list' };
  if (!path.startsWith(ARTICLE_PREFIX)) return null;
  const rawId = path.slice(ARTICLE_PREFIX.length).replace(/\.html$/, '');
  let id: string;
  try {
    id = decodeURIComponent(rawId);
  } catch {
    return null;
  }
  return id === '' || id.includes('/') ? null : { kind: 'article', id };
}

export function routePath(route: Route): string {
  return route.kind === 'list' ? LIST_PATH : articlePath(route.id);
}

/** Data files of one build live under its version, so a page never mixes two builds' files. */
export function articleDataUrl(version: string, id: string): string {
  return `/data/${version}/article/${id}.json`;
}

export function searchTextsUrl(version: string): string {
  return `/data/${version}/search.json`;
}
