/**
 * The list's rows: the page's first screen as prerendered, and from the reader's first move the
 * whole list (VirtualList.tsx), which takes its place. Loaded at the reader's first touch
 * (ListPane.tsx); until then the prerendered rows work as they are: each is a link.
 */
import { lazy, Suspense, type RefObject } from 'react';
import type { Filters } from '../../core/filters.ts';
import type { ListWindow, Names } from '../../core/site-data.ts';
import { EntryRow, headerOf } from '../components/EntryRow.tsx';
import type { SetFilters } from '../components/FilterPanel.tsx';
import type { ListView } from './view.ts';

const VirtualList = lazy(() => import('./VirtualList.tsx'));

export interface ListRowsProps {
  /** Load the whole list: the reader has started to move around. */
  enhanced: boolean;
  onView: (view: ListView) => void;
  window: ListWindow;
  filters: Filters;
  query: string;
  currentId: string | null;
  names: Names;
  setFilters: SetFilters;
  /** The row that had focus when the whole list took over, which gets it back. */
  focused: RefObject<string | null>;
}

export default function ListRows({ enhanced, onView, window, filters, query, currentId, names, setFilters, focused }: ListRowsProps) {
  const firstScreen = (
    <ul aria-label="Dispatches" className="entries">
      {window.entries.map((entry, index) => (
        <EntryRow key={entry.id} entry={entry} query={query} current={entry.id === currentId} names={names} header={headerOf(entry, window.entries[index - 1])} />
      ))}
    </ul>
  );
  return (
    <Suspense fallback={firstScreen}>
      {enhanced ? (
        <VirtualList filters={filters} window={window} currentId={currentId} query={query} names={names} onView={onView} focused={focused} setFilters={setFilters} />
      ) : (
        firstScreen
      )}
    </Suspense>
  );
}
