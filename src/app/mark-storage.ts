/**
 * Where the reader's marks live in this browser (localStorage, no account), readable without React:
 * marks.ts builds the app's store on it, and document.ts reads it as the page loads.
 */
export type Mark = 'saved' | 'read';

export function storageKey(mark: Mark): string {
  return `dispatch-reader:${mark}`;
}

/** The ids carrying a mark; none where there is no storage (private modes) or a value this version cannot read. */
export function storedMarks(mark: Mark): Set<string> {
  try {
    const ids: unknown = JSON.parse(localStorage.getItem(storageKey(mark)) ?? '[]');
    return new Set(Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : []);
  } catch {
    return new Set();
  }
}
