/**
 * What the reader has saved and read, kept in this browser (localStorage, no account). Components
 * follow it through `useMarked`; the page's tools (tools.ts) change it.
 */
import { useSyncExternalStore } from 'react';

export type Mark = 'saved' | 'read';

const listeners = new Set<() => void>();
const cache = new Map<Mark, Set<string>>();

function storageKey(mark: Mark): string {
  return `dispatch-reader:${mark}`;
}

export function marked(mark: Mark): Set<string> {
  let ids = cache.get(mark);
  if (ids === undefined) {
    try {
      ids = new Set(JSON.parse(localStorage.getItem(storageKey(mark)) ?? '[]') as string[]);
    } catch {
      // No storage (private modes), or a value this version cannot read: nothing is marked.
      ids = new Set();
    }
    cache.set(mark, ids);
  }
  return ids;
}

export function setMark(mark: Mark, id: string, on: boolean): void {
  const ids = marked(mark);
  if (ids.has(id) === on) return;
  if (on) ids.add(id);
  else ids.delete(id);
  try {
    localStorage.setItem(storageKey(mark), JSON.stringify([...ids]));
  } catch {
    // Without storage the mark lasts as long as the page.
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  // Another tab of the reader changed the marks.
  const fromOtherTab = (event: StorageEvent) => {
    if (event.key?.startsWith('dispatch-reader:') !== true) return;
    cache.clear();
    listener();
  };
  listeners.add(listener);
  addEventListener('storage', fromOtherTab);
  return () => {
    listeners.delete(listener);
    removeEventListener('storage', fromOtherTab);
  };
}

/** Whether a dispatch is marked; false while hydrating, since the prerendered page cannot know. */
export function useMarked(mark: Mark, id: string): boolean {
  return useSyncExternalStore(subscribe, () => marked(mark).has(id), () => false);
}

/** How many dispatches carry a mark: changes whenever one is marked or unmarked. */
export function useMarkCount(mark: Mark): number {
  return useSyncExternalStore(subscribe, () => marked(mark).size, () => 0);
}
