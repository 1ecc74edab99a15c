import { lazy, memo, Suspense, useEffect, useRef, useState, type ChangeEvent } from 'react';
import { dateSpan, isRealDay } from '../../core/dates.ts';
import type { Filters, SortOrder } from '../../core/filters.ts';
import type { ArchiveSummary } from '../../core/site-data.ts';

export type SetFilters = (filters: Filters, mode?: 'push' | 'replace') => void;

interface Props {
  filters: Filters;
  summary: ArchiveSummary | null;
  setFilters: SetFilters;
}

export const SEARCH_INPUT_ID = 'search';

const FacetChoices = lazy(() => import('./FacetChoices.tsx'));

/** Search, dates, facets and order. Scripts apply them as they change; the form is never submitted. */
export const FilterPanel = memo(function FilterPanel({ filters, summary, setFilters }: Props) {
  // A facet's choices are made (and their code loaded) when the reader first opens it.
  const [opened, setOpened] = useState<string[]>([]);
  // The first date adds a history entry; changing it, digit by digit, replaces that entry.
  const setDate = (bound: 'from' | 'to') => (value: string | null) => setFilters({ ...filters, [bound]: value }, filters[bound] === null ? 'push' : 'replace');
  const toggle = (kind: 'countries' | 'agencies' | 'languages', value: string) => {
    const chosen = filters[kind].includes(value) ? filters[kind].filter((v) => v !== value) : [...filters[kind], value];
    setFilters({ ...filters, [kind]: chosen });
  };
  const names = summary?.names;
  const facets = [
    { kind: 'countries', label: 'Country', values: summary?.countries.map(([code, count]) => ({ value: code, label: names?.countries[code] ?? code, count })) },
    { kind: 'agencies', label: 'Agency', values: summary?.agencies.map(([slug, name, count]) => ({ value: slug, label: name, count })) },
    { kind: 'languages', label: 'Language', values: summary?.languages.map(([code, count]) => ({ value: code, label: names?.languages[code] ?? code, count })) },
  ] as const;
  return (
    <form role="search" aria-label="Filter dispatches" className="filters" onSubmit={(event) => event.preventDefault()}>
      <SearchBox q={filters.q} onType={(q) => setFilters({ ...filters, q }, filters.q === '' ? 'push' : 'replace')} />
      <div className="filter-row">
        <fieldset className="dates">
          <legend className="sr-only">Date</legend>
          <DateField label="From" name="from" value={filters.from === null ? '' : dateSpan(filters.from).first} onDate={setDate('from')} />
          <DateField label="To" name="to" value={filters.to === null ? '' : dateSpan(filters.to).last} onDate={setDate('to')} />
        </fieldset>
        <label className="sort">
          <span className="sr-only">Order</span>
          <select name="sort" value={filters.sort} onChange={(event) => setFilters({ ...filters, sort: event.target.value as SortOrder })}>
            <option value="newest">Newest first</option>
            <option value="oldest">Oldest first</option>
            <option value="relevance">Best match first</option>
          </select>
        </label>
      </div>
      <div className="facets">
        {facets.map(({ kind, label, values }) => (
          <details key={kind} className="facet" onToggle={(event) => event.currentTarget.open && setOpened((list) => [...list, kind])}>
            <summary>
              {label}
              {filters[kind].length > 0 && <span className="chosen"> · {filters[kind].length}</span>}
            </summary>
            {opened.includes(kind) && (
              <Suspense fallback={<p className="loading">Loading…</p>}>
                {values === undefined ? <p className="loading">Loading…</p> : <FacetChoices legend={label} values={values} chosen={filters[kind]} toggle={(value) => toggle(kind, value)} />}
              </Suspense>
            )}
          </details>
        ))}
      </div>
    </form>
  );
});

/**
 * A date field that lets the reader type. While a year is typed, the browser reports "0002-10-24",
 * "0020-10-24"…, and an empty value while a part is incomplete; setting the field's value then would
 * wipe what was typed. So the field is left to the browser, only a whole date (or a field really
 * emptied) reaches the URL, and the field is set only when the date changes from outside.
 */
function DateField({ label, name, value, onDate }: { label: string; name: string; value: string; onDate: (value: string | null) => void }) {
  const field = useRef<HTMLInputElement>(null);
  const reported = useRef(value);
  useEffect(() => {
    if (field.current !== null && value !== reported.current) field.current.value = value;
    reported.current = value;
  }, [value]);
  const change = (event: ChangeEvent<HTMLInputElement>) => {
    const { value: next, validity } = event.target;
    if (next === '' ? validity.badInput : !(isRealDay(next) && next >= '1000')) return;
    reported.current = next;
    onDate(next === '' ? null : next);
  };
  return (
    <label>
      {label} <input ref={field} type="date" name={name} defaultValue={value} onChange={change} />
    </label>
  );
}

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
        placeholder="Search: names, places, “phrases”, -without"
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
