/**
 * Which dispatches the list shows, in which order: the whole archive (newest or oldest first), or
 * what the filters and the search keep, worked out by the query module the first time it is needed.
 * Until the archive's summary arrives, the list is the page's own first screen.
 */
import { startTransition, useEffect, useMemo, useState } from 'react';
import { formatFilters, hasAnyFilter, type Filters } from '../../core/filters.ts';
import type { ArchiveSummary, ListEntry } from '../../core/site-data.ts';
import { marked, useMarkCount } from '../marks.ts';
import { loadEntry, positionOf } from './entries.ts';
import type { ComputedView } from './query.ts';
import { failureOf, reloadIfStale, type Archive, type Failure } from '../archive.ts';
import { runsOfPeriods, runsOfPositions, type Run } from './layout.ts';

export interface ReadyView {
  status: 'ready';
  count: number;
  positionAt: (row: number) => number;
  /** -1 when the position is not in the view. */
  rowOf: (position: number) => number;
  runs: Run[];
  hiddenUndated: number;
  /** Facet values of the link that no dispatch has, in words. */
  ignored: string[];
  /** The filters this view was made for; while newer ones are worked out, the list keeps showing it. */
  key: string;
  /** The entry `by` rows from a dispatch, when already known (for the pager). */
  near: (id: string, by: 1 | -1) => ListEntry | undefined;
  /** The entry `by` rows from a dispatch, fetched if need be (for j and k); the first row when it is not in the view. */
  step: (id: string | null, by: 1 | -1) => Promise<ListEntry | undefined>;
}

type Rows = Omit<ReadyView, 'near' | 'step'>;

function withMoves(rows: Rows, archive: Archive): ReadyView {
  const rowOfId = (id: string | null) => {
    const position = id === null ? undefined : archive.knownPosition(id);
    return position === undefined ? -1 : rows.rowOf(position);
  };
  const inView = (row: number) => row >= 0 && row < rows.count;
  return {
    ...rows,
    near: (id, by) => {
      const row = rowOfId(id);
      return row === -1 || !inView(row + by) ? undefined : archive.entryAt(rows.positionAt(row + by));
    },
    step: async (id, by) => {
      if (id !== null && archive.knownPosition(id) === undefined) await positionOf(archive, id);
      const row = rowOfId(id);
      const target = row === -1 ? 0 : row + by;
      return inView(target) ? loadEntry(archive, rows.positionAt(target)) : undefined;
    },
  };
}

/** 'window': the page's own entries, until the whole list is known; a Failure: it could not be loaded. */
/** A view that could not be made says why, in the words the list's count shows instead. */
export type ListView = { status: 'window' } | { status: Failure; says: string } | ReadyView;

const WINDOW: ListView = { status: 'window' };

/** Undated dispatches come last in the archive's order, and stay last oldest first. */
export function datedCount(summary: ArchiveSummary): number {
  return summary.total - (summary.periods.find((period) => period.key === '')?.count ?? 0);
}

function wholeArchive(summary: ArchiveSummary, oldestFirst: boolean, key: string): Rows {
  const dated = datedCount(summary);
  // Oldest first reverses the dated positions only: row r is position dated-1-r, and back again.
  const flip = (index: number) => (oldestFirst && index < dated ? dated - 1 - index : index);
  const periods = oldestFirst ? [...summary.periods.filter((period) => period.key !== '').reverse(), ...summary.periods.filter((period) => period.key === '')] : summary.periods;
  return {
    status: 'ready',
    count: summary.total,
    positionAt: flip,
    rowOf: flip,
    runs: runsOfPeriods(periods),
    hiddenUndated: 0,
    ignored: [],
    key,
  };
}

function someOf({ positions, byDate, hiddenUndated, ignored }: ComputedView, summary: ArchiveSummary, key: string): Rows {
  const rows = new Map(positions.map((position, row) => [position, row]));
  return {
    status: 'ready',
    count: positions.length,
    positionAt: (row) => positions[row] ?? -1,
    rowOf: (position) => rows.get(position) ?? -1,
    runs: byDate ? runsOfPositions(positions, summary.periods) : positions.length === 0 ? [] : [{ period: null, firstRow: 0, count: positions.length }],
    hiddenUndated,
    ignored,
    key,
  };
}

// Here rather than beside the count (ListPane.tsx): only the whole list's code can fail, and the
// first screen's script stays smaller.
const FAILED: Record<Failure, ListView> = {
  failed: { status: 'failed', says: 'The list could not be loaded. Check the connection and reload the page.' },
  offline: {
    status: 'offline',
    says: 'You are offline, and this view needs parts of the archive not saved on this device. It works again once you are back online.',
  },
};

export function useListView(filters: Filters, archive: Archive): ListView {
  const { summary } = archive;
  const key = formatFilters(filters);
  const filtered = hasAnyFilter(filters);
  const [computed, setComputed] = useState<ReadyView | Failure | null>(null);
  // The saved view follows the reader saving and unsaving.
  const savedCount = useMarkCount('saved');
  const savedChanges = filters.saved ? savedCount : 0;

  useEffect(() => {
    if (summary === null) {
      archive.loadSummary().catch(() => undefined);
      return;
    }
    if (!filtered) return;
    let live = true;
    import('./query.ts')
      .then(({ computeView }) =>
        computeView(filters, summary, datedCount(summary), {
          load: (file) => archive.file(file),
          positionOf: (id) => positionOf(archive, id),
          savedIds: [...marked('saved')],
        }),
      )
      .then(
        // Drawn in transitions, which yield to the reader: the new rows replace the old in slices.
        (view) => live && startTransition(() => setComputed(withMoves(someOf(view, summary, key), archive))),
        (error: unknown) => {
          reloadIfStale(error);
          if (live) startTransition(() => setComputed(failureOf(error)));
        },
      );
    return () => {
      live = false;
    };
    // `key` stands for the filters: a new object with the same filters asks for nothing new.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, filtered, summary, archive, savedChanges]);

  const oldestFirst = filters.sort === 'oldest';
  const whole = useMemo(() => (summary === null ? null : withMoves(wholeArchive(summary, oldestFirst, key), archive)), [summary, oldestFirst, key, archive]);
  if (archive.failure !== null && summary === null) return FAILED[archive.failure];
  if (whole === null) return WINDOW;
  if (!filtered) return whole;
  if (computed === 'failed' || computed === 'offline') return FAILED[computed];
  // The previous results stay on screen while the new ones are worked out.
  return computed ?? WINDOW;
}
