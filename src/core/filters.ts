/**
 * The list's filters as they live in the query string: `q`, `country`, `agency`, `lang`, `from`, `to`,
 * `undated`, `sort` and `saved` (a contract: shared links must keep working). Every parameter is parsed with a
 * fallback; a bad one is dropped with a notice the reader can see, never trusted raw.
 */
import { dateSpan, isRealPartialDate } from './dates.ts';
import type { ListEntry } from './site-data.ts';

export type SortOrder = 'newest' | 'oldest' | 'relevance';

export interface Filters {
  q: string;
  /** Upper-case alpha-2 codes, in the order the reader chose them. */
  countries: string[];
  /** Agency slugs, as the data names them (site/agency-slugs.ts). */
  agencies: string[];
  /** Language tags, lower case. */
  languages: string[];
  /** "2025", "2025-10" or "2025-10-24": a period's first day counts from its start. */
  from: string | null;
  /** As `from`; a period counts to its last day. */
  to: string | null;
  /** Keep undated dispatches in the list even while a date bound is set. */
  undated: boolean;
  /** Newest first unless the reader asks otherwise; relevance only means something with a search. */
  sort: SortOrder;
  /** Only the dispatches the reader saved in this browser. */
  saved: boolean;
}

export const NO_FILTERS: Filters = { q: '', countries: [], agencies: [], languages: [], from: null, to: null, undated: false, sort: 'newest', saved: false };

const MAX_QUERY_LENGTH = 200;

/** A parameter of the link that could not be used: "from", "yesterday". */
export type Rejected = [name: string, value: string];

export interface ParsedFilters {
  filters: Filters;
  /** Parameters left out; the app says so in words (filter-notices.ts). */
  rejected: Rejected[];
}

/** Reads filters from a query string such as "?country=ru,ua&q=putin". */
export function parseFilters(search: string): ParsedFilters {
  const params = new URLSearchParams(search);
  const rejected: Rejected[] = [];

  const q = cutByCodePoints((params.get('q') ?? '').replace(/\s+/g, ' ').trimStart(), MAX_QUERY_LENGTH);
  const countries = readList(params, 'country', (value) => value.toUpperCase(), /^[A-Z]{2}$/, rejected);
  const agencies = readList(params, 'agency', (value) => value.toLowerCase(), /^[\p{L}\p{N}-]{1,60}$/u, rejected);
  const languages = readList(params, 'lang', (value) => value.toLowerCase(), /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/, rejected);

  let from = readDate(params, 'from', rejected);
  let to = readDate(params, 'to', rejected);
  if (from !== null && to !== null && dateSpan(from).first > dateSpan(to).last) {
    [from, to] = [to, from];
    rejected.push(['from>to', '']);
  }

  const sortValue = params.get('sort') ?? '';
  const sort = (['newest', 'oldest', 'relevance'] as const).find((order) => order === sortValue) ?? 'newest';
  if (sortValue !== '' && sort !== sortValue) rejected.push(['sort', sortValue]);

  const undated = params.get('undated') === '1';
  const saved = params.get('saved') === '1';
  return { filters: { q, countries, agencies, languages, from, to, undated, sort, saved }, rejected };
}

/** Comma-separated in shared links; repeated when a plain form without scripts submits checkboxes. */
function readList(params: URLSearchParams, name: string, normalise: (value: string) => string, valid: RegExp, rejected: Rejected[]): string[] {
  const values: string[] = [];
  for (const raw of params.getAll(name).flatMap((value) => value.split(','))) {
    const value = normalise(raw.trim());
    if (value === '' || values.includes(value)) continue;
    if (valid.test(value)) values.push(value);
    else rejected.push([name, raw.trim()]);
  }
  return values;
}

function readDate(params: URLSearchParams, name: 'from' | 'to', rejected: Rejected[]): string | null {
  const value = params.get(name);
  if (value === null || value === '') return null;
  if (isRealPartialDate(value) && value >= '1000') return value;
  rejected.push([name, value]);
  return null;
}

/** Cuts between characters, never inside one: half an emoji would make the URL unencodable. */
export function cutByCodePoints(text: string, limit: number): string {
  if (text.length <= limit) return text;
  let kept = '';
  for (const char of text) {
    if (kept.length + char.length > limit) break;
    kept += char;
  }
  return kept;
}


/** The canonical query string for filters: "" when none are set, else "?q=…&country=RU,UA&…". */
export function formatFilters(filters: Filters): string {
  const parts: string[] = [];
  const q = filters.q.trim();
  if (q !== '') parts.push(`q=${encodeURIComponent(q).replace(/%20/g, '+')}`);
  // Commas stay literal: "country=RU,UA" is what people type and share.
  const list = (name: string, values: string[]) => {
    if (values.length > 0) parts.push(`${name}=${values.map(encodeURIComponent).join(',')}`);
  };
  list('country', filters.countries);
  list('agency', filters.agencies);
  list('lang', filters.languages);
  if (filters.from !== null) parts.push(`from=${filters.from}`);
  if (filters.to !== null) parts.push(`to=${filters.to}`);
  if (filters.undated && hasDateBound(filters)) parts.push('undated=1');
  if (filters.sort !== 'newest') parts.push(`sort=${filters.sort}`);
  if (filters.saved) parts.push('saved=1');
  return parts.length === 0 ? '' : `?${parts.join('&')}`;
}

export function hasDateBound(filters: Filters): boolean {
  return filters.from !== null || filters.to !== null;
}

/** Anything that narrows the list (a sort only reorders it). */
export function hasAnyFilter(filters: Filters): boolean {
  return (
    filters.q.trim() !== '' ||
    filters.countries.length > 0 ||
    filters.agencies.length > 0 ||
    filters.languages.length > 0 ||
    filters.saved ||
    hasDateBound(filters)
  );
}

/** Inclusive range of periods; a partial date ("2025-07") counts when any of its days falls inside. */
export function matchesDateRange(date: string | null, from: string | null, to: string | null): boolean {
  if (date === null) return from === null && to === null;
  const span = dateSpan(date);
  return (from === null || span.last >= dateSpan(from).first) && (to === null || span.first <= dateSpan(to).last);
}

/** Newest first; undated last; ties in a stable, meaningful order. */
export function compareNewestFirst(a: ListEntry, b: ListEntry): number {
  if (a.date !== b.date) {
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    return a.date < b.date ? 1 : -1;
  }
  return a.title.localeCompare(b.title, 'en') || a.id.localeCompare(b.id, 'en');
}
