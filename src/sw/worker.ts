/**
 * The service worker: the site keeps working without a network for what the reader has seen.
 * Decision 0013 explains the design; in short:
 * - the app's scripts, the offline page and the list page are cached when the worker installs;
 * - pages go to the network first and fall back to the copy of the last visit, or of Save;
 * - `data/<version>/…` and `assets/…` never change under one name, so a copy is used when there is one;
 *   `data/archive.json` names the current version and goes to the network first;
 * - each build's worker has its own caches and deletes the older ones when it takes over, after
 *   refreshing the pages worth keeping and taking over the data files that are still current.
 * Nothing here is needed for a first visit: the worker is registered once the page is idle.
 */
import { ARCHIVE_SUMMARY_URL } from '../core/site-data.ts';
import {
  CACHE_PREFIX,
  dataVersionOf,
  OFFLINE_PAGE_PATH,
  pageKey,
  SAVED_CACHE,
  withoutRedirect,
  type OfflineManifest,
} from '../core/offline.ts';
import { NOT_SAVED_HEADER } from '../core/offline-signals.ts';
import { dispatchOfPage, offlinePageHtml, type KeptDispatch } from './offline-page.ts';

declare const self: ServiceWorkerGlobalScope & { __OFFLINE_MANIFEST__: OfflineManifest };

// Replaced by the build with this build's manifest (site/offline-files.ts).
const manifest: OfflineManifest = self.__OFFLINE_MANIFEST__;

const SHELL = `${CACHE_PREFIX}shell-${manifest.build}`;
const PAGES = `${CACHE_PREFIX}pages-${manifest.build}`;
const DATA = `${CACHE_PREFIX}data-${manifest.build}`;
/** Pages opened (or fetched ahead) kept at most; the oldest go first. Saved ones do not count. */
const MOST_PAGES = 120;
/** Of the pages an older build kept, the most recent ones fetched again for this build. */
const PAGES_CARRIED_OVER = 40;
const LIST_PAGE = '/';

self.addEventListener('install', (event) => {
  event.waitUntil(install().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(activate());
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  const answer = answerFor(event, url);
  if (answer !== null) event.respondWith(answer);
});

/** Which strategy a request gets; null leaves it to the browser (feeds, the worker itself). */
function answerFor(event: FetchEvent, url: URL): Promise<Response> | null {
  const path = url.pathname;
  // Whatever a navigation asks for, the network's answer first, and never a blank page without it.
  if (event.request.mode === 'navigate') return page(event, pageKey(path));
  if (path.startsWith('/assets/')) return fromCacheFirst(SHELL, event.request);
  if (path === ARCHIVE_SUMMARY_URL) return archiveSummary(event);
  if (dataVersionOf(path) !== null) return fromCacheFirst(DATA, event.request);
  const key = pageKey(path);
  return key === null ? null : page(event, key);
}

// Installing: everything the app needs, before the worker takes over.

async function install(): Promise<void> {
  const shell = await caches.open(SHELL);
  // Hashed scripts an earlier build already holds are the same bytes: copied, not downloaded again.
  await Promise.all(
    manifest.assets.map(async (asset) => {
      const held = await caches.match(asset);
      await (held === undefined ? shell.add(asset) : shell.put(asset, held));
    }),
  );
  await shell.add(new Request(OFFLINE_PAGE_PATH, { cache: 'no-cache' }));
  const pages = await caches.open(PAGES);
  await pages.add(new Request(LIST_PAGE, { cache: 'no-cache' }));
  await Promise.all([refreshPages(pages), fetchInto(DATA, ARCHIVE_SUMMARY_URL)]);
}

/**
 * Pages worth having in this build's words: those open in the reader's tabs (loaded before any
 * worker could keep them), the most recent of an older build's, and the saved ones. Best effort:
 * a page that cannot be fetched now is simply not refreshed.
 */
async function refreshPages(pages: Cache): Promise<void> {
  const wanted = new Set<string>();
  for (const client of await self.clients.matchAll({ type: 'window', includeUncontrolled: true })) {
    const key = pageKey(new URL(client.url).pathname);
    if (key !== null) wanted.add(key);
  }
  for (const name of await olderCaches('pages-')) {
    const keys = await (await caches.open(name)).keys();
    for (const request of keys.slice(-PAGES_CARRIED_OVER)) wanted.add(new URL(request.url).pathname);
  }
  for (const request of await (await caches.open(SAVED_CACHE)).keys()) wanted.add(new URL(request.url).pathname);
  wanted.delete(LIST_PAGE);
  await inTurn([...wanted], 4, async (key) => {
    const response = await fetch(key, { cache: 'no-cache' }).catch(() => null);
    if (response?.status === 200) await pages.put(key, withoutRedirect(response));
  });
}

async function fetchInto(cacheName: string, url: string): Promise<void> {
  const response = await fetch(url, { cache: 'no-cache' }).catch(() => null);
  if (response?.status === 200) await (await caches.open(cacheName)).put(url, response);
}

// Taking over: the saved pages get this build's copies, current data files carry over, the rest goes.

async function activate(): Promise<void> {
  await self.registration.navigationPreload?.enable();
  const pages = await caches.open(PAGES);
  const saved = await caches.open(SAVED_CACHE);
  for (const request of await saved.keys()) {
    const fresh = await pages.match(request);
    if (fresh !== undefined) await saved.put(request, fresh);
  }
  await carryOverData();
  for (const name of [...(await olderCaches('shell-')), ...(await olderCaches('pages-')), ...(await olderCaches('data-'))]) await caches.delete(name);
  await self.clients.claim();
}

/** Data files of the version `data/archive.json` names now: immutable, so any build's copy will do. */
async function carryOverData(): Promise<void> {
  const data = await caches.open(DATA);
  const older = await olderCaches('data-');
  if ((await data.match(ARCHIVE_SUMMARY_URL)) === undefined) {
    // Installed without the network's answer: the newest copy an older build has is the best there is.
    for (const name of older) {
      const copy = await (await caches.open(name)).match(ARCHIVE_SUMMARY_URL);
      if (copy !== undefined) await data.put(ARCHIVE_SUMMARY_URL, copy);
    }
  }
  const current = await cachedDataVersion(data);
  if (current === null) return;
  for (const name of older) {
    const cache = await caches.open(name);
    for (const request of await cache.keys()) {
      const copy = dataVersionOf(new URL(request.url).pathname) === current ? await cache.match(request) : undefined;
      if (copy !== undefined) await data.put(request, copy);
    }
  }
}

/** Our caches of one kind that belong to another build (never the saved ones, never another app's). */
async function olderCaches(kind: 'shell-' | 'pages-' | 'data-'): Promise<string[]> {
  const ours = `${CACHE_PREFIX}${kind}${manifest.build}`;
  return (await caches.keys()).filter((name) => name.startsWith(CACHE_PREFIX + kind) && name !== ours);
}

// Answering.

/** Hashed scripts and versioned data files: a copy is as good as the network's, and works offline. */
async function fromCacheFirst(cacheName: string, request: Request): Promise<Response> {
  const held = await caches.match(request, { cacheName });
  if (held !== undefined) return held;
  try {
    const response = await fetch(request);
    if (response.status === 200) await keepIn(cacheName, request, response.clone());
    return response;
  } catch {
    return notSaved(request.url);
  }
}

/**
 * `data/archive.json` says which data folder is current, so it must come from the network when
 * there is one. When its version changes, data files of versions neither it nor the copy it
 * replaces name are of no use to any page: they go.
 */
async function archiveSummary(event: FetchEvent): Promise<Response> {
  try {
    const response = await fetch(event.request);
    if (response.status === 200) event.waitUntil(keepArchiveSummary(response.clone()));
    return response;
  } catch {
    return (await caches.match(ARCHIVE_SUMMARY_URL, { cacheName: DATA })) ?? notSaved(event.request.url);
  }
}

async function keepArchiveSummary(response: Response): Promise<void> {
  if (replaced()) return;
  const cache = await caches.open(DATA);
  const previous = await cachedDataVersion(cache);
  await keepIn(DATA, ARCHIVE_SUMMARY_URL, response);
  const current = await cachedDataVersion(cache);
  if (current === previous) return;
  for (const request of await cache.keys()) {
    const version = dataVersionOf(new URL(request.url).pathname);
    if (version !== null && version !== current && version !== previous) await cache.delete(request);
  }
}

async function cachedDataVersion(cache: Cache): Promise<string | null> {
  const held = await cache.match(ARCHIVE_SUMMARY_URL);
  if (held === undefined) return null;
  try {
    const { version } = (await held.json()) as { version?: unknown };
    return typeof version === 'string' ? version : null;
  } catch {
    return null;
  }
}

/**
 * Pages: the network first, so a new build is seen at once; without it, the copy of the last visit
 * or of Save; without one, the offline page for a navigation, or a "not saved" answer for the app.
 */
async function page(event: FetchEvent, key: string | null): Promise<Response> {
  try {
    const preloaded = (await event.preloadResponse) as Response | undefined;
    const response = preloaded ?? (await fetch(event.request));
    if (key !== null && response.status === 200) event.waitUntil(keepPage(key, response.clone()));
    return response;
  } catch {
    const held = key === null ? undefined : ((await caches.match(key, { cacheName: PAGES })) ?? (await caches.match(key, { cacheName: SAVED_CACHE })));
    if (held !== undefined) return held;
    if (event.request.mode === 'navigate') return offlinePage(new URL(event.request.url));
    return notSaved(event.request.url);
  }
}

async function keepPage(key: string, response: Response): Promise<void> {
  await keepIn(PAGES, key, withoutRedirect(response));
  if (replaced()) return;
  const pages = await caches.open(PAGES);
  const keys = (await pages.keys()).filter((request) => new URL(request.url).pathname !== LIST_PAGE);
  for (const request of keys.slice(0, Math.max(0, keys.length - MOST_PAGES))) await pages.delete(request);
}

/**
 * Puts a copy in one of this build's caches. A worker that a newer build's has replaced may still be
 * answering a request, and a copy would bring back the cache the new worker has just removed
 * (opening a cache creates it): such a worker keeps none. Reads go through `caches.match`, which
 * creates nothing.
 */
async function keepIn(cacheName: string, key: RequestInfo, response: Response): Promise<void> {
  if (replaced()) return;
  await (await caches.open(cacheName)).put(key, response);
  if (replaced()) await caches.delete(cacheName);
}

function replaced(): boolean {
  return self.serviceWorker.state === 'redundant';
}

async function offlinePage(url: URL): Promise<Response> {
  const template = await caches.match(OFFLINE_PAGE_PATH, { cacheName: SHELL });
  const kept = [...(await keptDispatches(PAGES, false)), ...(await keptDispatches(SAVED_CACHE, true))];
  const html = template === undefined ? null : offlinePageHtml(await template.text(), url.pathname + url.search, kept);
  return new Response(html ?? 'You are offline, and this page is not saved on this device.', {
    status: 503,
    statusText: 'Offline',
    headers: { 'Content-Type': html === null ? 'text/plain; charset=utf-8' : 'text/html; charset=utf-8', 'Cache-Control': 'no-store', [NOT_SAVED_HEADER]: '1' },
  });
}

async function keptDispatches(cacheName: string, saved: boolean): Promise<KeptDispatch[]> {
  if (!(await caches.has(cacheName))) return [];
  const cache = await caches.open(cacheName);
  const kept: KeptDispatch[] = [];
  for (const request of await cache.keys()) {
    const path = new URL(request.url).pathname;
    if (path === LIST_PAGE) continue;
    const response = await cache.match(request);
    const entry = response === undefined ? null : dispatchOfPage(await response.text());
    if (entry !== null) kept.push({ path, entry, saved });
  }
  return kept;
}

/** The answer for a file this device has no copy of while the network is down. */
function notSaved(url: string): Response {
  return new Response(JSON.stringify({ error: `Offline, and ${new URL(url).pathname} is not saved on this device.` }), {
    status: 503,
    statusText: 'Offline',
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', [NOT_SAVED_HEADER]: '1' },
  });
}

/** Runs `task` on every item, `width` at a time. */
async function inTurn<T>(items: readonly T[], width: number, task: (item: T) => Promise<void>): Promise<void> {
  // One iterator shared by the lanes: each takes the next item when it is free.
  const queue = items.values();
  const lane = async () => {
    for (const item of queue) await task(item);
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, lane));
}
