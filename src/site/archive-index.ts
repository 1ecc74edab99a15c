/**
 * The whole archive in the order readers see it, newest first, and everything the app needs to list,
 * count and filter it without holding it: periods for month headers, one sorted list of positions per
 * country, agency and language, the runs of equal dates, and an id → position lookup in shards.
 * Build time only; pure: the same records always give the same index.
 */
import { compareNewestFirst } from '../core/filters.ts';
import { agencySlugs } from './agency-slugs.ts';
import type { ArchiveSummary, ListEntry, ListWindow, Names, Overview, Period } from '../core/site-data.ts';
import { hash32 } from '../core/hash.ts';

/** What the build keeps in memory per dispatch: small, so 100,000 of them fit easily. */
export interface ArchiveRecord {
  entry: ListEntry;
  counterpart: string | null;
  /** The whole summary, for feeds (a row shows only its start). */
  summary: string;
  /** Where the parsed dispatch can be read again when its page is rendered. */
  key: string;
}

export interface FacetPostings {
  country: Map<string, number[]>;
  agency: Map<string, number[]>;
  language: Map<string, number[]>;
}

export interface ArchiveIndex {
  /** Newest first: a record's index is its position. */
  records: ArchiveRecord[];
  positionOf: Map<string, number>;
  periods: Period[];
  facets: FacetPostings;
  /** Slug → the agency's name as written. */
  agencyNames: Map<string, string>;
  /** Runs of equal dates, newest first; null for the undated at the end. */
  dates: Array<[date: string | null, count: number]>;
  /** Shard number → id → position. */
  idShards: Array<Record<string, number>>;
}

/** Entries per list file: a first screen of any view needs few files, and each file stays small. */
export const CHUNK_SIZE = 50;
/** About this many ids per lookup shard: a few kilobytes, fetched once to place a deep link in the list. */
const IDS_PER_SHARD = 256;
/**
 * A page's first screen of the list: what a desktop shows before scrolling (six rows at 1280×800, the
 * last in part). Every page carries it, so each row more costs about 0.9 KB a dispatch in dist/.
 */
export const WINDOW_SIZE = 6;
/** How many newer entries an article's window shows above it, so the reader sees where it sits. */
const WINDOW_LEAD = 2;

export function buildArchiveIndex(unordered: readonly ArchiveRecord[]): ArchiveIndex {
  const records = [...unordered].sort((a, b) => compareNewestFirst(a.entry, b.entry));
  const positionOf = new Map(records.map((record, position) => [record.entry.id, position]));
  const facets: FacetPostings = { country: new Map(), agency: new Map(), language: new Map() };
  const slugs = agencySlugs(records.flatMap(({ entry }) => (entry.agency === null ? [] : [entry.agency])));
  const agencyNames = new Map([...slugs].map(([name, slug]) => [slug, name]));
  const dates: Array<[string | null, number]> = [];
  const periods: Period[] = [];
  records.forEach(({ entry }, position) => {
    for (const code of entry.countries) append(facets.country, code, position);
    append(facets.language, entry.language, position);
    const slug = entry.agency === null ? undefined : slugs.get(entry.agency);
    if (slug !== undefined) append(facets.agency, slug, position);
    const lastDate = dates[dates.length - 1];
    if (lastDate !== undefined && lastDate[0] === entry.date) lastDate[1] += 1;
    else dates.push([entry.date, 1]);
    const key = periodKey(entry.date);
    const lastPeriod = periods[periods.length - 1];
    if (lastPeriod !== undefined && lastPeriod.key === key) lastPeriod.count += 1;
    else periods.push({ key, count: 1 });
  });
  return { records, positionOf, periods, facets, agencyNames, dates, idShards: shardIds(records) };
}

function append(map: Map<string, number[]>, key: string, position: number): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [position]);
  else list.push(position);
}

/** "2026-01-10" and "2026-01" are January 2026; "2025" a year without a month; undated is "". */
export function periodKey(date: string | null): string {
  return date === null ? '' : date.slice(0, 7);
}

export function idShardCount(total: number): number {
  let shards = 1;
  while (shards * IDS_PER_SHARD < total) shards *= 2;
  return shards;
}

/** Which lookup shard holds an id; the app computes the same. */
export function idShardOf(id: string, shards: number): number {
  return hash32(id) % shards;
}

function shardIds(records: readonly ArchiveRecord[]): Array<Record<string, number>> {
  const count = idShardCount(records.length);
  const shards: Array<Record<string, number>> = Array.from({ length: count }, () => ({}));
  records.forEach(({ entry }, position) => {
    const shard = shards[idShardOf(entry.id, count)];
    if (shard !== undefined) shard[entry.id] = position;
  });
  return shards;
}

/** The first screen of the list for a page: the newest entries, or those around an article. */
export function listWindow(index: ArchiveIndex, around: number | null): ListWindow {
  const total = index.records.length;
  const start = around === null ? 0 : Math.max(0, Math.min(around - WINDOW_LEAD, total - WINDOW_SIZE));
  const end = Math.min(total, start + WINDOW_SIZE);
  return {
    entries: index.records.slice(start, end).map((record) => record.entry),
    newer: start > 0,
    older: end < total,
  };
}

const LANGUAGE_NAMES = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' });

/** The language's English name ("Norwegian Bokmål"), named at build time so no table ships. */
export function languageName(code: string): string {
  return code === 'und' ? 'Unknown language' : (LANGUAGE_NAMES.of(code) ?? code);
}

/** Names for the codes a set of entries shows. */
export function namesFor(entries: readonly ListEntry[], countryName: (code: string) => string): Names {
  const countries: Record<string, string> = {};
  const languages: Record<string, string> = {};
  for (const entry of entries) {
    for (const code of entry.countries) countries[code] ??= countryName(code);
    languages[entry.language] ??= languageName(entry.language);
  }
  return { countries, languages };
}

function countsOf(map: Map<string, number[]>): Array<[string, number]> {
  return [...map]
    .map(([key, positions]): [string, number] => [key, positions.length])
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
}

/** `data/archive.json`, once the data files are written and their version is known. */
export function archiveSummary(index: ArchiveIndex, version: string, countryName: (code: string) => string): ArchiveSummary {
  const names = namesFor(
    index.records.map((record) => record.entry),
    countryName,
  );
  return {
    version,
    total: index.records.length,
    chunkSize: CHUNK_SIZE,
    idShards: index.idShards.length,
    periods: index.periods,
    countries: countsOf(index.facets.country),
    agencies: countsOf(index.facets.agency).map(([slug, count]) => [slug, index.agencyNames.get(slug) ?? slug, count]),
    languages: countsOf(index.facets.language),
    names,
  };
}

/** How many counterpart countries the overview names. */
const OVERVIEW_COUNTERPARTS = 8;

export function overviewOf(index: ArchiveIndex): Overview {
  const counts = new Map<string, number>();
  for (const { counterpart } of index.records) if (counterpart !== null) counts.set(counterpart, (counts.get(counterpart) ?? 0) + 1);
  const counterparts = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, OVERVIEW_COUNTERPARTS);
  return { total: index.records.length, periods: index.periods, counterparts };
}
