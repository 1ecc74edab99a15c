/**
 * A filtered or searched view of the archive, worked out from the build's data files: one list of
 * positions per facet value, the runs of dates, and the search index's shards. Loaded on demand,
 * the first time a reader filters or searches, so the first paint never waits for it.
 */
import { dateSpan } from '../../core/dates.ts';
import { hasDateBound, type Filters } from '../../core/filters.ts';
import { EMPTY_QUERY, findPositions, isEmptyQuery, parseQuery } from '../../core/query.ts';
import { indexReader } from '../../core/search-reader.ts';
import { dataFiles, type FacetKind } from '../../core/data-paths.ts';
import { decodePositions } from '../../core/search-index-format.ts';
import type { ArchiveSummary } from '../../core/site-data.ts';

export interface ComputedView {
  /** Positions in the order the list shows them. */
  positions: number[];
  /** Undated dispatches that match everything else but are left out because a date bound is set. */
  hiddenUndated: number;
  /** Whether the order is by date, so month headers mean something. */
  byDate: boolean;
  /** One sentence per facet value of the link that no dispatch has: it is left out of the filter. */
  ignored: string[];
}

export interface ViewSources {
  /** Fetches a data file of the build, once. */
  load: <T>(file: string) => Promise<T>;
  /** Where a dispatch sits in the archive; null when it is not in this build. */
  positionOf: (id: string) => Promise<number | null>;
  /** The dispatches the reader saved in this browser. */
  savedIds: readonly string[];
}

export async function computeView(filters: Filters, summary: ArchiveSummary, datedCount: number, { load, positionOf, savedIds }: ViewSources): Promise<ComputedView> {
  const query = filters.q.trim() === '' ? EMPTY_QUERY : parseQuery(filters.q);
  let facets: Set<number> | null = null;
  const ignored: string[] = [];
  const known = {
    country: new Set(summary.countries.map(([code]) => code)),
    agency: new Set(summary.agencies.map(([slug]) => slug)),
    language: new Set(summary.languages.map(([code]) => code)),
  };
  for (const [kind, param, chosen] of [['country', 'country', filters.countries], ['agency', 'agency', filters.agencies], ['language', 'lang', filters.languages]] as const) {
    const keys = chosen.filter((key) => known[kind].has(key));
    for (const key of chosen) if (!known[kind].has(key)) ignored.push(`Ignored ${param}=“${key}”: no dispatch in the archive has it.`);
    const positions = await facetUnion(load, kind, keys);
    if (positions !== null) facets = facets === null ? new Set(positions) : new Set(positions.filter((position) => facets?.has(position)));
  }
  if (filters.saved) {
    const positions = (await Promise.all(savedIds.map((id) => positionOf(id)))).filter((position): position is number => position !== null);
    facets = facets === null ? new Set(positions) : new Set(positions.filter((position) => facets?.has(position)));
  }
  const scores = isEmptyQuery(query) ? null : await findPositions(query, indexReader(load));
  const matchesRest = (position: number) => (facets === null || facets.has(position)) && (scores === null || scores.has(position));

  let dates: Set<number> | null = null;
  let hiddenUndated = 0;
  if (hasDateBound(filters)) {
    const { inRange, undated } = await datePositions(load, filters);
    dates = new Set(inRange);
    if (filters.undated) for (const position of undated) dates.add(position);
    else hiddenUndated = undated.filter(matchesRest).length;
  }
  const candidates = scores !== null ? [...scores.keys()] : facets !== null ? [...facets] : dates !== null ? [...dates] : allPositions(summary.total);
  const positions = candidates.filter((position) => matchesRest(position) && (dates === null || dates.has(position)));

  positions.sort((a, b) => a - b);
  if (filters.sort === 'oldest') {
    // Undated dispatches sit at the end of the archive's order; oldest first, they stay there.
    const dated = positions.filter((position) => position < datedCount);
    positions.splice(0, dated.length, ...dated.reverse());
  }
  const byRelevance = filters.sort === 'relevance' && scores !== null;
  // Best first; the sort is stable, so equals stay newest first.
  if (byRelevance) positions.sort((a, b) => (scores.get(b) ?? 0) - (scores.get(a) ?? 0));
  return { positions, hiddenUndated, byDate: !byRelevance, ignored };
}

function allPositions(total: number): number[] {
  return Array.from({ length: total }, (_, position) => position);
}

/** Dispatches with any of the chosen values; null when none is chosen. */
async function facetUnion(load: <T>(file: string) => Promise<T>, kind: FacetKind, keys: readonly string[]): Promise<number[] | null> {
  if (keys.length === 0) return null;
  const lists = await Promise.all(
    keys.map((key) => load<number[]>(dataFiles.facet(kind, key)).then(decodePositions)),
  );
  return [...new Set(lists.flat())];
}

/** Runs of equal dates are contiguous in the archive's order, so a date range is a few runs of positions. */
async function datePositions(load: <T>(file: string) => Promise<T>, filters: Filters): Promise<{ inRange: number[]; undated: number[] }> {
  const runs = await load<Array<[string | null, number]>>(dataFiles.dates);
  const first = filters.from === null ? null : dateSpan(filters.from).first;
  const last = filters.to === null ? null : dateSpan(filters.to).last;
  const inRange: number[] = [];
  const undated: number[] = [];
  let position = 0;
  for (const [date, count] of runs) {
    const target = date === null ? undated : overlaps(date, first, last) ? inRange : null;
    if (target !== null) for (let i = 0; i < count; i += 1) target.push(position + i);
    position += count;
  }
  return { inRange, undated };
}

function overlaps(date: string, first: string | null, last: string | null): boolean {
  const span = dateSpan(date);
  return (first === null || span.last >= first) && (last === null || span.first <= last);
}

