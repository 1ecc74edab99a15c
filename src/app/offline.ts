/**
 * Keeping a dispatch for offline reading, for the Save action. The page writes the saved cache
 * itself, so saving works before the service worker is installed, or where there is none; the worker
 * serves these copies when the network is down and refreshes them when a new build takes over
 * (docs/decisions/0013-read-offline.md). Load this module on demand: the first paint never needs it.
 */
import { pageKey, SAVED_CACHE, withoutRedirect } from '../core/offline.ts';

/** The cached page's key for a link such as "/article/<id>?q=putin", or null when it names no page. */
function keyOf(path: string): string | null {
  return pageKey(new URL(path, window.location.origin).pathname);
}

/**
 * Runs `task` on the saved cache; `fallback` where there is none to use: the Cache API exists only
 * in secure contexts (https, localhost), and some private modes refuse to open it.
 */
async function withSavedCache<T>(path: string, fallback: T, task: (cache: Cache, key: string) => Promise<T>): Promise<T> {
  const key = keyOf(path);
  if (key === null || typeof caches === 'undefined') return fallback;
  try {
    return await task(await caches.open(SAVED_CACHE), key);
  } catch {
    return fallback;
  }
}

/**
 * Fetches the dispatch's page (the worker's copy when offline) and keeps it. False when it could
 * not: no such page, no network and no copy, or no Cache API in this browser.
 */
export function keepForOffline(path: string): Promise<boolean> {
  return withSavedCache(path, false, async (cache, key) => {
    const response = await fetch(key);
    if (response.status !== 200) return false;
    await cache.put(key, withoutRedirect(response));
    return true;
  });
}

/** Lets the saved copy go; true when there was one. A copy kept because the page was opened stays. */
export function forgetOffline(path: string): Promise<boolean> {
  return withSavedCache(path, false, (cache, key) => cache.delete(key));
}

/** Whether Save keeps the dispatch for offline reading. */
export function isKeptOffline(path: string): Promise<boolean> {
  return withSavedCache(path, false, async (cache, key) => (await cache.match(key)) !== undefined);
}
