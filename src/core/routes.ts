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
 * Which view a pathname asks for. A plain static server redirects `/article/<id>` to `/article/<id>/`
 * and serves its `index.html`; either form, and the file's own address, is the same article. Stray
 * slashes, escaped or not, change nothing.
 */
export function parseRoute(pathname: string): Route | null {
  let path: string;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  path = path.replace(/\/{2,}/g, '/').replace(/(?:\/index\.html|\.html)$/, '').replace(/\/+$/, '');
  if (path === '') return { kind: 'list' };
  if (!path.startsWith(ARTICLE_PREFIX)) return null;
  const id = path.slice(ARTICLE_PREFIX.length);
  return id === '' || id.includes('/') ? null : { kind: 'article', id };
}

export function routePath(route: Route): string {
  return route.kind === 'list' ? LIST_PATH : articlePath(route.id);
}
