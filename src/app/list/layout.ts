/**
 * Where each row of a long list sits, without rendering it: rows have one fixed height, and the
 * first row of each month carries the month's header on top. From that, a scroll offset gives the
 * rows to render and a row gives its offset, at any archive size, in time that grows with the number
 * of months, not of rows.
 */
import type { Period } from '../../core/site-data.ts';

export interface Run {
  /** The period's key; null for a run without a header (results in order of relevance). */
  period: string | null;
  firstRow: number;
  count: number;
}

export interface Layout {
  runs: Run[];
  /** Where each run starts. */
  tops: number[];
  height: number;
  row: number;
  header: number;
}

export function layoutOf(runs: Run[], row: number, header: number): Layout {
  const tops: number[] = [];
  let y = 0;
  for (const run of runs) {
    tops.push(y);
    y += run.count * row + (run.period === null ? 0 : header);
  }
  return { runs, tops, height: y, row, header };
}

/** Periods in list order as runs of rows. */
export function runsOfPeriods(periods: readonly Period[]): Run[] {
  let firstRow = 0;
  return periods.map((period) => {
    const run = { period: period.key, firstRow, count: period.count };
    firstRow += period.count;
    return run;
  });
}

/**
 * Runs for some positions of the archive, in the order given: consecutive rows from the same period
 * share a header. `periods` are the archive's, newest first, so a position's period is found by
 * where it falls among their starts.
 */
export function runsOfPositions(positions: readonly number[], periods: readonly Period[]): Run[] {
  const starts: number[] = [];
  let start = 0;
  for (const period of periods) {
    starts.push(start);
    start += period.count;
  }
  const runs: Run[] = [];
  positions.forEach((position, row) => {
    const key = periods[lastAtOrBefore(starts, position)]?.key ?? null;
    const last = runs[runs.length - 1];
    if (last !== undefined && last.period === key) last.count += 1;
    else runs.push({ period: key, firstRow: row, count: 1 });
  });
  return runs;
}

function lastAtOrBefore(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length - 1;
  let found = 0;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if ((sorted[middle] ?? 0) <= value) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}

function runIndexOfRow(layout: Layout, row: number): number {
  return lastAtOrBefore(
    layout.runs.map((run) => run.firstRow),
    row,
  );
}

/** The row's top, and whether it opens its run (and so carries the header). */
export function rowPlace(layout: Layout, row: number): { top: number; opensRun: Run | null } {
  const index = runIndexOfRow(layout, row);
  const run = layout.runs[index];
  const top = layout.tops[index] ?? 0;
  if (run === undefined) return { top: 0, opensRun: null };
  const header = run.period === null ? 0 : layout.header;
  const offset = row - run.firstRow;
  return offset === 0 ? { top, opensRun: run } : { top: top + header + offset * layout.row, opensRun: null };
}

/** The row at a given offset from the top of the list. */
export function rowAt(layout: Layout, y: number): number {
  const index = lastAtOrBefore(layout.tops, y);
  const run = layout.runs[index];
  if (run === undefined) return 0;
  const header = run.period === null ? 0 : layout.header;
  const inside = Math.max(0, y - (layout.tops[index] ?? 0) - header);
  return run.firstRow + Math.min(run.count - 1, Math.floor(inside / layout.row));
}

export function rowCount(layout: Layout): number {
  const last = layout.runs[layout.runs.length - 1];
  return last === undefined ? 0 : last.firstRow + last.count;
}
