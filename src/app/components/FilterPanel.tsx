import { memo, useState } from 'react';
import type { Filters } from '../../core/filters.ts';
import type { ArchiveSummary } from '../../core/site-data.ts';
import { firstTouch } from '../first-move.ts';
import { onDemand } from '../on-demand.tsx';

export type SetFilters = (filters: Filters, mode?: 'push' | 'replace') => void;

export interface FilterProps {
  filters: Filters;
  summary: ArchiveSummary | null;
  setFilters: SetFilters;
}

export const SEARCH_INPUT_ID = 'search';

const FilterRow = onDemand<FilterProps>('FilterRow', () => firstTouch.then(() => import('./FilterRow.tsx')));

/**
 * Search, dates, facets and order. Scripts apply them as they change; the form is never submitted.
 * The search box is ready at once; the rest (FilterRow.tsx) takes over its prerendered HTML at the
 * reader's first move, or at once for a link with filters.
 */
export const FilterPanel = memo(function FilterPanel({ filters, summary, setFilters }: FilterProps) {
  return (
    <form role="search" aria-label="Filter dispatches" className="filters" onSubmit={(event) => event.preventDefault()}>
      <SearchBox q={filters.q} onType={(q) => setFilters({ ...filters, q }, filters.q === '' ? 'push' : 'replace')} />
      <FilterRow filters={filters} summary={summary} setFilters={setFilters} />
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
