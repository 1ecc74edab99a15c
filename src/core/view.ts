/**
 * The list a reader sees: the dispatches that pass every filter, in the order they should be read.
 */
import { hasDateBound, matchesCountries, matchesDateRange, type Filters } from './filters.ts';
import { queryWords, rankDocs, wordPatterns, type SearchDoc } from './search.ts';
import type { ListEntry } from './site-data.ts';

export interface ListView {
  results: ListEntry[];
  /** Undated dispatches that match everything else but are left out because a date bound is set. */
  hiddenUndated: number;
}

/** `docs` are the search docs of `entries`, in the same order (newest first). */
export function selectEntries(docs: SearchDoc[], filters: Filters): ListView {
  const dateBound = hasDateBound(filters);
  let hiddenUndated = 0;
  const kept = docs.filter(({ entry }) => {
    if (!matchesCountries(entry, filters.countries)) return false;
    if (entry.date === null && dateBound && !filters.undated) {
      hiddenUndated++;
      return false;
    }
    return entry.date === null || matchesDateRange(entry.date, filters.from, filters.to);
  });
  const words = queryWords(filters.q);
  if (words.length === 0) return { results: kept.map((doc) => doc.entry), hiddenUndated };

  const patterns = wordPatterns(words);
  const results = rankDocs(kept, patterns);
  if (hiddenUndated > 0) {
    // Only undated dispatches that also match the search are worth mentioning.
    hiddenUndated = rankDocs(
      docs.filter(({ entry }) => entry.date === null && matchesCountries(entry, filters.countries)),
      patterns,
    ).length;
  }
  return { results, hiddenUndated };
}

/** Every country in the archive with how many dispatches name it, most frequent first, then by name. */
export function countCountries(entries: ListEntry[], countryNames: Record<string, string>): Array<{ code: string; count: number }> {
  const counts = new Map<string, number>();
  for (const entry of entries) for (const code of entry.countries) counts.set(code, (counts.get(code) ?? 0) + 1);
  const name = (code: string) => countryNames[code] ?? code;
  return [...counts]
    .map(([code, count]) => ({ code, count }))
    .sort((a, b) => b.count - a.count || name(a.code).localeCompare(name(b.code), 'en'));
}
