import { memo, useCallback, useRef, type FocusEvent } from 'react';
import { hasAnyFilter } from '../../core/filters.ts';
import { count, grouped } from '../../core/text.ts';
import { useArchive } from '../archive.ts';
import type { ListView } from '../list/view.ts';
import { firstTouch } from '../first-move.ts';
import type { ListRowsProps } from '../list/ListRows.tsx';
import { onDemand } from '../on-demand.tsx';

// The rows as prerendered are links: their code arrives at the reader's first touch, or at once for a
// link with filters.
const ListRows = onDemand<ListRowsProps>('ListRows', () => firstTouch.then(() => import('../list/ListRows.tsx')));

export const LIST_TOOLS_ID = 'list-tools';

/** The rows' own props (list/ListRows.tsx), less the focus the pane keeps, and the view it counts. */
interface Props extends Omit<ListRowsProps, 'focused'> {
  view: ListView | null;
}

/** How many dispatches the view holds, what hides some of them, and the rows themselves. */
export const ListPane = memo(function ListPane({ view, enhanced, onView, window, filters, query, currentId, names, setFilters }: Props) {
  const archive = useArchive();
  const ready = view?.status === 'ready' ? view : null;
  const filtered = hasAnyFilter(filters);
  const working = ready !== null && ready.key !== query;
  const total = archive.summary?.total;
  let status = filtered ? 'Finding dispatches…' : total === undefined ? 'Dispatches' : count(total, 'dispatch');
  if (view !== null && 'says' in view) status = view.says;
  else if (ready !== null && !working) status = filtered && total !== undefined ? `${grouped(ready.count)} of ${count(total, 'dispatch')}` : count(ready.count, 'dispatch');

  // The row that had focus when the whole list took over from the first screen gets it back.
  const focused = useRef<string | null>(null);
  const noteFocus = useCallback((event: FocusEvent<HTMLElement>) => {
    focused.current = event.target instanceof HTMLElement ? (event.target.closest<HTMLElement>('[data-id]')?.dataset.id ?? null) : null;
  }, []);
  return (
    <div onFocus={noteFocus}>
      <div className="list-head">
        <p role="status" className="result-count" id="dispatch-list" tabIndex={-1}>{status}</p>
        {/* The view's feed and export arrive with the whole list (list/ListTools.tsx). */}
        <span id={LIST_TOOLS_ID} className="list-tools" />
      </div>
      <ListRows enhanced={enhanced} onView={onView} window={window} filters={filters} query={query} currentId={currentId} names={names} setFilters={setFilters} focused={focused} />
    </div>
  );
});
