/**
 * The list's filters as they live in the query string: `q`, `country`, `from`, `to` (a contract:
 * shared links must keep working) and `undated`. Every parameter is parsed with a fallback; a bad
 * one is dropped with a notice the reader can see, never trusted raw.
 */
import { dateSpan, isRealDay } from './dates.ts';
import type { ListEntry } from './site-data.ts';

export interface Filters {
  q: string;
  /** Upper-case alpha-2 codes, in the order the reader chose them. */
  countries: string[];
  from: string | null;
  to: string | null;
  /** Keep undated dispatches in the list even while a date bound is set. */
  undated: boolean;
}

export const NO_FILTERS: Filters = { q: '', countries: [], from: null, to: null, undated: false };

const MAX_QUERY_LENGTH = 200;

export interface ParsedFilters {
  filters: Filters;
  /** One short sentence per ignored parameter. */
  notices: string[];
}

/** Reads filters from a query string such as "?country=ru,ua&q=putin". */
export function parseFilters(search: string, knownCountries: Record<string, string>): ParsedFilters {
  const params = new URLSearchParams(search);
  const notices: string[] = [];

  const q = (params.get('q') ?? '').replace(/\s+/g, ' ').trimStart().slice(0, MAX_QUERY_LENGTH);

  const countries: string[] = [];
  // Comma-separated in shared links; repeated when a plain form without scripts submits the checkboxes.
  for (const raw of params.getAll('country').flatMap((value) => value.split(','))) {
    const code = raw.trim().toUpperCase();
    if (code === '' || countries.includes(code)) continue;
    if (code in knownCountries) countries.push(code);
    else notices.push(`Ignored the country “${shorten(raw.trim())}”: no dispatch is tagged with it.`);
  }

  let from = readDay(params, 'from', notices);
  let to = readDay(params, 'to', notices);
  if (from !== null && to !== null && from > to) {
    [from, to] = [to, from];
    notices.push('The dates were the wrong way round, so they were swapped.');
  }

  const undated = params.get('undated') === '1';
  return { filters: { q, countries, from, to, undated }, notices };
}

function readDay(params: URLSearchParams, name: 'from' | 'to', notices: string[]): string | null {
  const value = params.get(name);
  if (value === null || value === '') return null;
  if (isRealDay(value)) return value;
  notices.push(`Ignored ${name}=“${shorten(value)}”: dates are written YYYY-MM-DD.`);
  return null;
}

function shorten(value: string): string {
  return value.length > 40 ? `${value.slice(0, 40)}…` : value;
}

/** The canonical query string for filters: "" when none are set, else "?q=…&country=RU,UA&…". */
export function formatFilters(filters: Filters): string {
  const parts: string[] = [];
  const q = filters.q.trim();
  if (q !== '') parts.push(`q=${encodeURIComponent(q).replace(/%20/g, '+')}`);
  // Commas stay literal: "country=RU,UA" is what people type and share.
  if (filters.countries.length > 0) parts.push(`country=${filters.countries.map(encodeURIComponent).join(',')}`);
  if (filters.from !== null) parts.push(`from=${filters.from}`);
  if (filters.to !== null) parts.push(`to=${filters.to}`);
  if (filters.undated && hasDateBound(filters)) parts.push('undated=1');
  return parts.length === 0 ? '' : `?${parts.join('&')}`;
}

export function hasDateBound(filters: Filters): boolean {
  return filters.from !== null || filters.to !== null;
}

export function hasAnyFilter(filters: Filters): boolean {
  return filters.q.trim() !== '' || filters.countries.length > 0 || hasDateBound(filters);
}

/** Inclusive range; a partial date ("2025-07") counts when any of its days falls inside. */
export function matchesDateRange(date: string | null, from: string | null, to: string | null): boolean {
  if (date === null) return from === null && to === null;
  const span = dateSpan(date);
  return (from === null || span.last >= from) && (to === null || span.first <= to);
}

/** Any of the chosen countries matches. */
export function matchesCountries(entry: ListEntry, countries: string[]): boolean {
  return countries.length === 0 || countries.some((code) => entry.countries.includes(code));
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
