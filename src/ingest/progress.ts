/**
 * Progress of a long run, for a person watching: a counter redrawn in place on a terminal, plain
 * lines every few seconds otherwise (a CI log or a file must not fill with redraws), then one
 * summary line. Shared by the CLI and the site build.
 */

export interface ProgressCounts {
  done: number;
  total: number;
  /** How many of the done ones came from a cache, when that is worth saying. */
  fromCache?: number;
}

export interface Progress {
  /** The latest counts; drawn at most a few times a second on a terminal, every few seconds otherwise. */
  update(counts: ProgressCounts): void;
  /**
   * Writes lines (a warning, a problem) to `to`, by default the progress stream, without tearing the
   * counter: it is cleared first and redrawn on the next update.
   */
  print(text: string, to?: ProgressStream): void;
  /** Clears the counter and ends with the summary line, on `to` (by default the progress stream). */
  finish(summary: string, to?: ProgressStream): void;
}

export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

const TERMINAL_EVERY_MS = 100;
const LOG_EVERY_MS = 5_000;
const CLEAR_LINE = '\r\u001b[2K';

export function createProgress(label: string, stream: ProgressStream, now: () => number = Date.now): Progress {
  const terminal = stream.isTTY === true;
  const every = terminal ? TERMINAL_EVERY_MS : LOG_EVERY_MS;
  let lastDrawn = now();
  let showing = false;

  const clear = (): void => {
    if (showing) stream.write(CLEAR_LINE);
    showing = false;
  };

  return {
    update(counts) {
      const time = now();
      if (time - lastDrawn < every || counts.done >= counts.total) return;
      lastDrawn = time;
      if (terminal) {
        stream.write(`${CLEAR_LINE}${label}: ${describeCounts(counts)}`);
        showing = true;
      } else {
        stream.write(`${label}: ${describeCounts(counts)}\n`);
      }
    },
    print(text, to = stream) {
      clear();
      to.write(text.endsWith('\n') ? text : `${text}\n`);
    },
    finish(summary, to = stream) {
      clear();
      to.write(`${summary}\n`);
    },
  };
}

/** "1,234 of 10,000 files (12%, 1,000 from cache)". */
export function describeCounts({ done, total, fromCache }: ProgressCounts): string {
  const percent = total === 0 ? 100 : Math.floor((done / total) * 100);
  const cached = fromCache === undefined || fromCache === 0 ? '' : `, ${formatCount(fromCache)} from cache`;
  return `${formatCount(done)} of ${formatCount(total)} files (${percent}%${cached})`;
}

export function formatCount(count: number): string {
  return count.toLocaleString('en-US');
}
