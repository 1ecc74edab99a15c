import { memo, useState, type ChangeEvent } from 'react';
import type { Filters } from '../../core/filters.ts';
import { isRealDay } from '../../core/dates.ts';

export type SetFilters = (filters: Filters, mode?: 'push' | 'replace') => void;

interface Props {
  filters: Filters;
  countryCounts: Array<{ code: string; count: number }>;
  countryNames: Record<string, string>;
  setFilters: SetFilters;
}

export const SEARCH_INPUT_ID = 'search';

/** Search, date range and countries. Scripts apply them as they change; the form is never submitted. */
export const FilterPanel = memo(function FilterPanel({ filters, countryCounts, countryNames, setFilters }: Props) {
  const setDate = (bound: 'from' | 'to') => (event: ChangeEvent<HTMLInputElement>) => {
    const value = event.target.value;
    // Typing a year passes through "0002", "0020", "0202": those are not dates anyone means.
    if (value !== '' && !(isRealDay(value) && value >= '1000')) return;
    // The first value adds a history entry; changing it, digit by digit, replaces that entry.
    setFilters({ ...filters, [bound]: value === '' ? null : value }, filters[bound] === null ? 'push' : 'replace');
  };
  const toggleCountry = (code: string) => {
    const chosen = filters.countries.includes(code) ? filters.countries.filter((c) => c !== code) : [...filters.countries, code];
    setFilters({ ...filters, countries: chosen });
  };
  return (
    <form role="search" aria-label="Filter dispatches" className="filters" onSubmit={(event) => event.preventDefault()}>
      <SearchBox q={filters.q} onType={(q) => setFilters({ ...filters, q }, filters.q === '' ? 'push' : 'replace')} />
      <fieldset className="dates">
        <legend>Date</legend>
        <label>
          From <input type="date" name="from" value={filters.from ?? ''} max={filters.to ?? undefined} onChange={setDate('from')} />
        </label>
        <label>
          To <input type="date" name="to" value={filters.to ?? ''} min={filters.from ?? undefined} onChange={setDate('to')} />
        </label>
      </fieldset>
      <fieldset className="countries">
        <legend>Countries</legend>
        {countryCounts.map(({ code, count }) => (
          <label key={code} className="chip">
            <input type="checkbox" name="country" value={code} checked={filters.countries.includes(code)} onChange={() => toggleCountry(code)} />
            {countryNames[code] ?? code} <span className="count">{count}</span>
          </label>
        ))}
      </fieldset>
    </form>
  );
});

/** Keeps what the reader typed (trailing space included) while the URL holds the trimmed query. */
function SearchBox({ q, onType }: { q: string; onType: (q: string) => void }) {
  const [text, setText] = useState(q);
  const [shown, setShown] = useState(q);
  if (q !== shown) {
    // The query changed from outside (back/forward, "clear filters"): show it.
    setShown(q);
    if (text.trim() !== q.trim()) setText(q);
  }
  return (
    <label className="search">
      <span className="sr-only">Search dispatches</span>
      <input
        id={SEARCH_INPUT_ID}
        type="search"
        name="q"
        value={text}
        placeholder="Search: names, places, words…"
        autoComplete="off"
        spellCheck={false}
        onChange={(event) => {
          setText(event.target.value);
          onType(event.target.value);
        }}
      />
      <kbd aria-hidden="true">/</kbd>
    </label>
  );
}
