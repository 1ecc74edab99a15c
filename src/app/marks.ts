/**
 * What the reader has saved and read, kept in this browser (localStorage, no account). Components
 * follow it through `useMarked`; the page's tools (tools.ts) change it.
 */
import { useSyncExternalStore } from 'react';
import { storageKey, storedMarks, type Mark } from './mark-storage.ts';

export type { Mark };

const listeners = new Set<() => void>();
const cache = new Map<Mark, Set<string>>();

export function marked(mark: Mark): Set<string> {
  let ids = cache.get(mark);
  if (ids === undefined) {
    ids = storedMarks(mark);
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

/**
 * Dispatches the reader marked unread while reading them. Opening a dispatch marks it read
 * (ArticleExtras.tsx), but that part may take over its page a moment after the reader pressed "Mark
 * unread" on it; the press wins until the reader leaves the dispatch.
 */
const keptUnread = new Set<string>();

export function keepUnread(id: string): void {
  keptUnread.add(id);
  setMark('read', id, false);
}

/** Marks a dispatch opened as read, unless the reader has just said otherwise; the cleanup is leaving it. */
export function markOpened(id: string): () => void {
  if (!keptUnread.has(id)) setMark('read', id, true);
  return () => keptUnread.delete(id);
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
