import { memo } from 'react';
import { formatDate } from '../../core/date-format.ts';
import { articlePath } from '../../core/routes.ts';
import type { ListEntry, Names } from '../../core/site-data.ts';
import { Highlight } from './Highlight.tsx';

/** Where a row sits in a long list that renders only the rows in sight. */
export interface RowPlace {
  top: number;
  setSize: number;
  index: number;
}

interface Props {
  entry: ListEntry;
  query: string;
  current: boolean;
  names: Names;
  /** The month this row opens, shown above it; null inside a month. */
  header: string | null;
  place?: RowPlace;
  /** Opened before in this browser (the whole list knows; the first screen does not say). */
  read?: boolean;
}

/** One dispatch in the list: who did what (the title), when and where, about whom, and its start. */
export const EntryRow = memo(function EntryRow({ entry, query, current, names, header, place, read }: Props) {
  // Every dispatch is about Việt Nam: the row names the other side.
  const countries = entry.countries.filter((code) => code !== 'VN').map((code) => names.countries[code] ?? code);
  const meta = [entry.date === null ? 'Undated' : formatDate(entry.date), entry.dateline, entry.agency].filter(Boolean).join(' · ');
  return (
    <li
      className="entry"
      data-current={current || undefined}
      data-read={read || undefined}
      data-id={entry.id}
      data-opens={header !== null || undefined}
      aria-setsize={place?.setSize}
      aria-posinset={place?.index}
      style={place === undefined ? undefined : { top: place.top }}
    >
      {header !== null && <h2 className="period">{header}</h2>}
      <a href={articlePath(entry.id) + query} className="entry-link" aria-current={current ? 'page' : undefined} lang={entry.language} dir="auto">
        <Highlight text={entry.title} />
      </a>
      <p className="entry-meta">
        {/* In words, not only in the title's colour: seen by everyone, and read out by screen readers. */}
        {read && <><span className="read-mark">Read</span>{' '}</>}
        <bdi>{meta}</bdi>
        {!entry.language.startsWith('en') && <span className="badge">{names.languages[entry.language] ?? entry.language}</span>}
        {countries.length > 0 && <span className="entry-countries"> · {countries.join(', ')}</span>}
      </p>
      <p className="snippet" lang={entry.language} dir="auto">
        <Highlight text={entry.snippet} />
      </p>
    </li>
  );
});

export function periodLabel(key: string): string {
  return key === '' ? 'Undated' : formatDate(key);
}

/** The month header of a row: shown when the row before it is from another month. */
export function headerOf(entry: ListEntry, before: ListEntry | undefined): string | null {
  const key = entry.date?.slice(0, 7) ?? '';
  return before !== undefined && (before.date?.slice(0, 7) ?? '') === key ? null : periodLabel(key);
}
