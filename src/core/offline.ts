/**
 * What the service worker (src/sw/), the app's Save action (app/offline.ts) and the build
 * (site/offline-files.ts) agree on about reading offline: the worker's address, the names of its
 * caches, the one key a page is cached under, and how "not saved for offline reading" is told apart
 * from a failure. See docs/decisions/0013-read-offline.md.
 */
import { parseRoute, routePath } from './routes.ts';

/** The page the worker shows for an address it has no copy of while the network is down. */
export const OFFLINE_PAGE_PATH = '/offline.html';

/** Every cache of ours starts with this, so clean-up never touches another app's caches on the same origin. */
export const CACHE_PREFIX = 'dispatch-reader-';

/**
 * Dispatches the reader chose to keep. Unlike every other cache this one has no build in its name:
 * it is the reader's own collection, written by the page itself (with or without a worker), and each
 * new worker refreshes what is in it instead of deleting it.
 */
export const SAVED_CACHE = `${CACHE_PREFIX}saved`;

/**
 * The key a page is cached under: its route's canonical path, so `/article/<id>`, `/article/<id>/`
 * and `/article/<id>.html`, with any query string, are one entry (decision 0005). Null for anything
 * that is not a page of the app.
 */
export function pageKey(pathname: string): string | null {
  const route = parseRoute(pathname);
  return route === null ? null : routePath(route);
}

/** Versioned data files, `/data/<version>/…`: the same bytes forever under one name. */
const DATA_FILE = /^\/data\/([0-9a-f]{6,})\//;

/** The data version a path belongs to, or null when it is not a versioned data file. */
export function dataVersionOf(pathname: string): string | null {
  return DATA_FILE.exec(pathname)?.[1] ?? null;
}

/**
 * A response as the Cache API should keep it: the same status, headers and body, without the
 * memory of a redirect. A browser refuses a redirected response as the answer to a navigation, and
 * a plain static host redirects `/article/<id>` to `/article/<id>/`.
 */
export function withoutRedirect(response: Response): Response {
  if (!response.redirected) return response;
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers: response.headers });
}

/** What the build writes into the worker (site/offline-files.ts): its build and the files it precaches. */
export interface OfflineManifest {
  /** Names this worker's caches; changes whenever anything precached or the worker itself does. */
  build: string;
  /** The app's hashed scripts, every one of them: the list, search and filters must work offline too. */
  assets: string[];
}

/** Stands in the built worker's code until the build replaces it with the manifest's JSON. */
export const MANIFEST_PLACEHOLDER = 'self.__OFFLINE_MANIFEST__';

/** Where the worker writes into the offline page what it knows when it serves it. */
export const OFFLINE_PAGE_MARKERS = { address: '<!--offline-address-->', kept: '<!--offline-kept-->' } as const;
