/**
 * The whole list of dispatches, loaded at the reader's first move (until then the page's own first
 * screen is the list). It renders only the rows near what the reader sees, so the page stays light at
 * any archive size; rows further away take their place as the reader scrolls, and their entries are
 * fetched a chunk at a time.
 */
import { startTransition, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { formatDate } from '../../core/date-format.ts';
import { NO_FILTERS, type Filters } from '../../core/filters.ts';
import type { ListEntry, ListWindow, Names } from '../../core/site-data.ts';
import { count } from '../../core/text.ts';
import { reloadIfStale, useArchive, type Archive } from '../archive.ts';
import { EntryRow, headerOf, periodLabel } from '../components/EntryRow.tsx';
import type { SetFilters } from '../components/FilterPanel.tsx';
import { marked, useMarkCount } from '../marks.ts';
import { loadEntry, positionOf } from './entries.ts';
import { ListTools } from './ListTools.tsx';
import { layoutOf, rowAt, rowPlace, type Layout } from './layout.ts';
import { useListView, type ListView, type ReadyView } from './view.ts';

/** Rows rendered beyond each edge of what the reader sees, so a quick scroll meets rendered rows. */
const OVERSCAN = 6;
/** Rows shown when row heights cannot be measured (no stylesheet): a plain list of the first ones. */
const UNMEASURED_ROWS = 50;

interface Props {
  filters: Filters;
  window: ListWindow;
  currentId: string | null;
  query: string;
  names: Names;
  /** Tells the app which rows the list holds, for j and k and the pager. */
  onView: (view: ListView) => void;
  /** The row that had focus in the first screen, if any: it keeps focus when the whole list replaces it. */
  focused: RefObject<string | null>;
  setFilters: SetFilters;
}

export default function VirtualList({ filters, window, currentId, query, names, onView, focused, setFilters }: Props) {
  const archive = useArchive();
  const listView = useListView(filters, archive);
  // In a transition: the app draws the new view in slices that yield to the reader's next key.
  useEffect(() => startTransition(() => onView(listView)), [listView, onView]);
  const ready = listView.status === 'ready' ? listView : null;
  // The page's own first screen is placed in the whole list by where its first entry sits.
  useEffect(() => {
    const first = window.entries[0];
    if (first !== undefined && window.newer) positionOf(archive, first.id, window.entries).catch(reloadIfStale);
  }, [archive, window]);
  const placed = ready !== null && (ready.key !== '' || !window.newer || window.entries.every((entry) => archive.knownPosition(entry.id) !== undefined));
  // Rows that give way to others lose the focus to the page: when the whole list replaces the page's
  // first screen, when the first screen gives way to the placed list's rows, and when the list's code
  // arrives after the reader (or Back) has put the focus on a prerendered entry, whose row is drawn
  // anew. The entry that had it takes it back once its row is on the page, after whichever render
  // draws it: the rows in sight are known only a frame after the list is placed.
  useLayoutEffect(() => {
    const id = focused.current;
    if (id !== null && document.activeElement === document.body) document.querySelector<HTMLElement>(`[data-id="${CSS.escape(id)}"] a`)?.focus({ preventScroll: true });
  });
  useEffect(() => {
    // A press of the pointer puts the focus where the reader chose (nowhere, on the page's background):
    // the entry is no longer theirs to get back, unless the press lands on it and it takes the focus
    // again. (Blur events cannot tell: a row hidden or redrawn by a render loses the focus too.)
    const pressed = () => {
      focused.current = null;
    };
    document.addEventListener('pointerdown', pressed, { capture: true });
    return () => document.removeEventListener('pointerdown', pressed, { capture: true });
  }, [focused]);

  const notices = ready !== null && ready.key === query && (
    <>
      {ready.ignored.length > 0 && (
        <ul className="notices" aria-label="Ignored filters">
          {ready.ignored.map((notice) => <li key={notice}>{notice}</li>)}
        </ul>
      )}
      {ready.hiddenUndated > 0 && (
        <p className="notice">
          {count(ready.hiddenUndated, 'undated dispatch')} {ready.hiddenUndated === 1 ? 'is' : 'are'} hidden by the date range.{' '}
          <button type="button" className="link-button" onClick={() => setFilters({ ...filters, undated: true })}>
            Show undated too
          </button>
        </p>
      )}
      {ready.count === 0 && (
        <div className="empty">
          <p>No dispatches match {describeFilters(filters, names)}.</p>
          <button type="button" onClick={() => setFilters(NO_FILTERS)}>Clear all filters</button>
        </div>
      )}
    </>
  );
  const rows = { query, currentId, names };
  return (
    <>
      <ListTools filters={filters} />
      {notices}
      {!placed ? (
        <ul aria-label="Dispatches" className="entries">
          {window.entries.map((entry, index) => (
            <EntryRow key={entry.id} entry={entry} query={query} current={entry.id === currentId} names={names} header={headerOf(entry, window.entries[index - 1])} />
          ))}
        </ul>
      ) : ready.count > 0 ? (
        <Rows view={ready} archive={archive} window={window} {...rows} />
      ) : null}
    </>
  );
}

interface RowsProps {
  view: ReadyView;
  archive: Archive;
  window: ListWindow;
  query: string;
  currentId: string | null;
  names: Names;
}

function Rows({ view, archive, window, query, currentId, names }: RowsProps) {
  useMarkCount('read');
  const read = marked('read');
  const listRef = useRef<HTMLUListElement>(null);
  const metrics = useRowMetrics();
  const layout = metrics === null ? null : layoutOf(view.runs, metrics.row, metrics.header);
  const range = useVisibleRows(listRef, layout, view);
  useKeptInSight(listRef, layout, view, archive, window, currentId);

  // Entries of the rows in sight that have not arrived yet.
  const [first, last] = layout === null ? [0, Math.min(view.count, UNMEASURED_ROWS)] : [range[0], Math.min(range[1], view.count)];
  useEffect(() => {
    for (let row = first; row < last; row += 1) {
      const position = view.positionAt(row);
      if (archive.entryAt(position) === undefined) loadEntry(archive, position).catch(reloadIfStale);
    }
  }, [first, last, view, archive]);

  const items = [];
  let before: ListEntry | undefined;
  for (let row = first; row < last; row += 1) {
    const entry = archive.entryAt(view.positionAt(row));
    const place = layout === null ? null : rowPlace(layout, row);
    const period = place === null ? null : place.opensRun?.period ?? null;
    const header = place === null ? (entry === undefined ? null : headerOf(entry, before)) : period === null ? null : periodLabel(period);
    const position = { top: place?.top ?? 0, setSize: view.count, index: row + 1 };
    before = entry;
    items.push(
      entry === undefined ? (
        <li key={`row-${row}`} className="entry" data-loading="" aria-setsize={view.count} aria-posinset={row + 1} style={layout === null ? undefined : { top: position.top }}>
          {header !== null && <h2 className="period">{header}</h2>}
          <span className="placeholder">Loading…</span>
        </li>
      ) : (
        <EntryRow key={entry.id} entry={entry} query={query} current={entry.id === currentId} names={names} header={header} place={layout === null ? undefined : position} read={read.has(entry.id)} />
      ),
    );
  }
  return (
    <ul aria-label="Dispatches" className="entries" data-virtual={layout === null ? undefined : ''} ref={listRef} style={layout === null ? undefined : { height: layout.height }}>
      {items}
    </ul>
  );
}

/** The rows in sight, and a few beyond, as the reader scrolls the list or the page. */
function useVisibleRows(listRef: RefObject<HTMLUListElement | null>, layout: Layout | null, view: ReadyView): [number, number] {
  const [range, setRange] = useState<[number, number]>([0, 0]);
  const measuredOnce = useRef(false);
  useLayoutEffect(() => {
    const list = listRef.current;
    if (list === null || layout === null) return;
    let frame = 0;
    const measure = () => {
      frame = 0;
      measuredOnce.current = true;
      const [top, bottom] = visibleSpan(list);
      const next: [number, number] = [Math.max(0, rowAt(layout, top) - OVERSCAN), rowAt(layout, bottom) + OVERSCAN + 1];
      setRange((current) => (current[0] === next[0] && current[1] === next[1] ? current : next));
    };
    const schedule = () => {
      if (frame === 0) frame = requestAnimationFrame(measure);
    };
    // The first time at once: the list has no rows until then. After a new view (a filter ticked) a
    // frame later: its rows show in the range the old view had, and the commit that follows the
    // reader's click neither forces a layout nor renders the rows a second time before it paints.
    if (measuredOnce.current) schedule();
    else measure();
    document.addEventListener('scroll', schedule, { capture: true, passive: true });
    addEventListener('resize', schedule);
    return () => {
      cancelAnimationFrame(frame);
      document.removeEventListener('scroll', schedule, { capture: true });
      removeEventListener('resize', schedule);
    };
  }, [listRef, layout?.height, layout?.row, layout?.header, view]); // eslint-disable-line react-hooks/exhaustive-deps
  return range;
}

/**
 * The list keeps what the reader sees in place: when the whole list takes over from the first
 * screen, the rows on screen stay where they were, and the dispatch being read (j, k) stays in sight.
 */
function useKeptInSight(listRef: RefObject<HTMLUListElement | null>, layout: Layout | null, view: ReadyView, archive: Archive, window: ListWindow, currentId: string | null): void {
  const measured = layout !== null;
  useLayoutEffect(() => {
    const list = listRef.current;
    const anchor = window.entries[0];
    const row = anchor === undefined ? -1 : view.rowOf(archive.knownPosition(anchor.id) ?? -1);
    if (list === null || layout === null || row <= 0 || view.key !== '') return;
    // The first screen sat at the top of the list; it now sits at its own place in the whole list.
    scrollListBy(list, rowPlace(layout, row).top);
  }, [measured]); // eslint-disable-line react-hooks/exhaustive-deps

  useLayoutEffect(() => {
    const list = listRef.current;
    const position = currentId === null ? undefined : archive.knownPosition(currentId);
    const row = position === undefined ? -1 : view.rowOf(position);
    if (list === null || layout === null || row < 0) return;
    const [top, bottom] = visibleSpan(list);
    const rowTop = rowPlace(layout, row).top;
    const rowBottom = row + 1 < view.count ? rowPlace(layout, row + 1).top : layout.height;
    if (rowTop < top) scrollListBy(list, rowTop - top);
    else if (rowBottom > bottom) scrollListBy(list, rowBottom - bottom);
  }, [currentId, measured]); // eslint-disable-line react-hooks/exhaustive-deps
}

/** The part of the list the reader sees, in the list's own coordinates. */
function visibleSpan(list: HTMLElement): [number, number] {
  const box = list.getBoundingClientRect();
  const scroller = list.closest('.list-pane');
  const frame = scroller !== null && scroller.scrollHeight > scroller.clientHeight ? scroller.getBoundingClientRect() : null;
  const top = Math.max(0, frame?.top ?? 0);
  const bottom = Math.min(innerHeight, frame?.bottom ?? innerHeight);
  return [top - box.top, bottom - box.top];
}

function scrollListBy(list: HTMLElement, by: number): void {
  if (by === 0) return;
  const scroller = list.closest('.list-pane');
  if (scroller !== null && scroller.scrollHeight > scroller.clientHeight) scroller.scrollTop += by;
  else scrollBy(0, by);
}

/** Row and header heights in pixels, from the stylesheet (they change with the layout's breakpoints). */
function useRowMetrics(): { row: number; header: number } | null {
  const [metrics, setMetrics] = useState<{ row: number; header: number } | null>(null);
  useEffect(() => {
    const read = () => {
      const style = getComputedStyle(document.documentElement);
      const rem = parseFloat(style.fontSize) || 16;
      const row = parseFloat(style.getPropertyValue('--row')) * rem;
      const header = parseFloat(style.getPropertyValue('--period')) * rem;
      if (row > 0 && header > 0) setMetrics((current) => (current?.row === row && current.header === header ? current : { row, header }));
    };
    read();
    addEventListener('resize', read);
    return () => removeEventListener('resize', read);
  }, []);
  return metrics;
}

/** “putin” in Russia or Ukraine, from 1 January 2026 */
function describeFilters(filters: Filters, names: Names): string {
  const parts = [];
  if (filters.q.trim() !== '') parts.push(`“${filters.q.trim()}”`);
  if (filters.countries.length > 0) parts.push(`in ${filters.countries.map((code) => names.countries[code] ?? code).join(' or ')}`);
  if (filters.languages.length > 0) parts.push(`in ${filters.languages.map((code) => names.languages[code] ?? code).join(' or ')}`);
  if (filters.agencies.length > 0) parts.push(`from ${filters.agencies.join(' or ')}`);
  if (filters.from !== null) parts.push(`from ${formatDate(filters.from)}`);
  if (filters.to !== null) parts.push(`until ${formatDate(filters.to)}`);
  return parts.length > 0 ? parts.join(' ') : 'this view';
}
