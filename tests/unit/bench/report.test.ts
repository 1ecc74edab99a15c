/**
 * The bench's table: one column per archive, each cell judged against its budget the way the issue
 * states it. Built from made-up measurements, so nothing here is timed.
 */
import { describe, expect, it } from 'vitest';
import type { InteractionSample, LoadSample } from '../../../scripts/bench/emulated-page.ts';
import type { Transfer } from '../../../scripts/bench/network-log.ts';
import {
  describeTransfers,
  failedCells,
  firstViewBytes,
  formatScaleTable,
  judgeArchives,
  statedCount,
  type TableRow,
} from '../../../scripts/bench/report.ts';
import type { ArchiveResult } from '../../../scripts/bench/scale.ts';

const ORIGIN = 'http://127.0.0.1:4000';

function transfer(path: string, type: string, bodyBytes: number): Transfer {
  return { url: ORIGIN + path, type, wireBytes: bodyBytes + 300, bodyBytes, encoding: 'br', waitMs: 570 };
}

/** A load whose page, script and summary together weigh `firstView` bytes. */
function load(path: string, firstView: number, extra: Partial<LoadSample> = {}): LoadSample {
  return {
    path,
    ttfb: 570,
    firstContentfulPaint: 800,
    largestContentfulPaint: 850,
    largestElement: 'p',
    loadEventEnd: 1700,
    hydratedAt: 1800,
    layoutShift: 0,
    shiftSources: [],
    longestTask: 90,
    longestTaskAfterLoad: 0,
    lateFrames: [],
    transfers: [transfer(path, 'Document', 6000), transfer('/assets/index-a1.js', 'Script', 40_000), transfer('/data/archive.json', 'Fetch', firstView - 46_000)],
    ...extra,
  };
}

function rawText(id: string): LoadSample {
  return { ...load(`/raw/${id}.txt`, 46_000), largestContentfulPaint: 800, transfers: [transfer(`/raw/${id}.txt`, 'Document', 2000)] };
}

function interaction(duration: number | null): InteractionSample {
  return { landedOn: '/', duration, events: [], slowest: null, frames: [] };
}

interface Shape {
  count: number;
  buildSeconds?: number;
  distBytes?: number;
  deepLinkView?: number;
  listView?: number;
  stated?: string;
  trueCount?: number;
  typingMs?: number | null;
  filterSamples?: boolean;
}

const SEED = '003_de0e4ba2ab4b4e39';

function archive({ count, buildSeconds = 5, distBytes = count * 20_000, deepLinkView = 70_000, listView = 60_000, stated, trueCount = Math.ceil(count / 25), typingMs = 24, filterSamples = true }: Shape): ArchiveResult {
  const build = { seconds: buildSeconds, peakRssBytes: 700_000_000, summary: `${count} dispatches from <archive>/input` };
  return {
    count,
    generated: count === 5 ? 0 : count - 5,
    build,
    rebuild: { ...build, seconds: 3 },
    site: { bytes: distBytes, files: count * 2, byFolder: [['article', distBytes]], html: [{ file: `article/${SEED}.html`, bytes: 30_000, brotliBytes: 8_000, precompressed: false }] },
    country: { code: 'BG', name: 'Bulgaria', count: trueCount, total: count },
    browser: {
      chromium: '150',
      runs: 3,
      dispatches: [
        { id: SEED, label: 'long seed', textFile: `${SEED}.txt`, page: [1, 2, 3].map(() => load(`/article/${SEED}`, deepLinkView)), text: [1, 2, 3].map(() => rawText(SEED)) },
      ],
      list: [1, 2, 3].map(() => load('/', listView)),
      search: [{ query: 'vietnam', status: `${count} of ${count} dispatches`, transfers: [transfer('/data/v1/search/t3.json', 'Fetch', 20_000)] }],
      filter: filterSamples ? [{ country: 'Bulgaria', status: stated ?? `${trueCount} of ${count.toLocaleString('en')} dispatches`, transfers: [transfer('/data/v1/facets/country/BG.json', 'Fetch', 900)] }] : [],
      scroll: [{ at: 0, elements: 480, rows: 20, loading: 0 }],
      interactions: { typing: [interaction(typingMs)], country: [interaction(null)], nextArticle: [interaction(32)] },
    },
  };
}

function row(rows: TableRow[], start: string): TableRow {
  const found = rows.find((candidate) => candidate.metric.startsWith(start));
  if (found === undefined) throw new Error(`no row starts with "${start}"`);
  return found;
}

const judge = (results: ArchiveResult[]) => judgeArchives(results, 'vietnam', 'Bulgaria');

describe('judgeArchives', () => {
  it('gives every metric one cell per archive, in the order the archives came', () => {
    const rows = judge([archive({ count: 5 }), archive({ count: 1000 }), archive({ count: 10_000 })]);
    expect(rows.length).toBeGreaterThan(15);
    expect(rows.every((each) => each.cells.length === 3)).toBe(true);
    expect(row(rows, 'country filter: the count').cells.map((cell) => cell.text)).toEqual(['1 of 5', '40 of 1,000', '400 of 10,000']);
  });

  it('holds a build to 60 seconds up to 10,000 dispatches and in proportion beyond', () => {
    const rows = judge([archive({ count: 5 }), archive({ count: 10_000, buildSeconds: 61 }), archive({ count: 100_000, buildSeconds: 400 })]);
    expect(row(rows, 'build, cold: seconds').cells.map((cell) => cell.pass)).toEqual([true, false, true]);
  });

  it('judges bytes per dispatch only where the dispatches outweigh the app’s own files', () => {
    const rows = judge([archive({ count: 5, distBytes: 800_000 }), archive({ count: 1000, distBytes: 36_000_000 })]);
    const [seeds, thousand] = row(rows, 'dist/ per dispatch').cells;
    expect(seeds).toEqual({ text: '160.0 KB', pass: null });
    expect(thousand).toEqual({ text: '36.0 KB', pass: false });
  });

  it('compares a deep link’s first view with the same page of the seeds’ build', () => {
    const within = judge([archive({ count: 5, deepLinkView: 70_000 }), archive({ count: 10_000, deepLinkView: 79_000 })]);
    const over = judge([archive({ count: 5, deepLinkView: 70_000 }), archive({ count: 10_000, deepLinkView: 81_000 })]);
    expect(row(within, 'first view of a deep link').cells[1]).toEqual({ text: '79.0 KB (+9.0 KB)', pass: true });
    expect(row(over, 'first view of a deep link').cells[1]).toEqual({ text: '81.0 KB (+11.0 KB)', pass: false });
    // The seeds' own column is what the others are measured against, not judged itself.
    expect(row(over, 'first view of a deep link').cells[0]?.pass).toBeNull();
  });

  it('fails the count when the page states another number than the built list holds', () => {
    const rows = judge([archive({ count: 1000, trueCount: 43, stated: '42 of 1,000 dispatches' })]);
    expect(row(rows, 'country filter: the count').cells[0]).toEqual({ text: 'says "42 of 1,000 dispatches", true 43', pass: false });
  });

  it('fails what was not measured rather than letting it pass', () => {
    const rows = judge([archive({ count: 1000, filterSamples: false })]);
    expect(row(rows, 'country filter (Bulgaria)').cells[0]?.pass).toBe(false);
    expect(row(rows, 'country filter: the count').cells[0]?.pass).toBe(false);
  });

  it('reads an interaction under the 16 ms reporting threshold as fast enough', () => {
    const rows = judge([archive({ count: 5, typingMs: null }), archive({ count: 1000, typingMs: 88 })]);
    expect(row(rows, 'input to next paint: typing').cells).toEqual([
      { text: '< 16 ms', pass: true },
      { text: '88 ms', pass: false },
    ]);
  });
});

describe('formatScaleTable', () => {
  it('heads each archive’s column with its size and runs, and marks cells over budget', () => {
    const results = [archive({ count: 5 }), archive({ count: 10_000, buildSeconds: 75 })];
    const rows = judge(results);
    const table = formatScaleTable(rows, results);
    const [header = '', rule = '', ...lines] = table.split('\n');
    expect(header).toMatch(/\| metric +\| budget +\| 5 \(seeds\), 3 runs +\| 10,000, 3 runs +\|/);
    expect(rule).toMatch(/^\|-+\|-+\|-+\|-+\|$/);
    expect(lines.find((line) => line.startsWith('| build, cold: seconds'))).toMatch(/5\.0 s ✓ +\| 75\.0 s FAIL/);
    expect(failedCells(rows)).toBe(1);
  });
});

describe('what the pages fetched', () => {
  it('leaves articles fetched ahead for j and k out of a page’s first view', () => {
    const sample = load('/article/x', 50_000);
    const ahead = { ...sample, transfers: [...sample.transfers, transfer('/article/y', 'Fetch', 12_000)] };
    expect(firstViewBytes(ahead)).toBe(firstViewBytes(sample));
  });

  it('sums fetched files by what they are', () => {
    const files = [transfer('/assets/list-b2.js', 'Script', 3000), transfer('/data/v1/search/t1.json', 'Fetch', 8000), transfer('/data/v1/search/directory.json', 'Fetch', 1000)];
    expect(describeTransfers(files)).toBe('scripts 1 (3.0 KB), search index 2 (9.0 KB)');
    expect(describeTransfers([transfer('/favicon.svg', 'Other', 163), transfer('/favicon.svg', 'Other', 163)])).toBe('favicon 2 (0.3 KB)');
  });

  it('reads the count a filtered list states', () => {
    expect(statedCount('1,204 of 10,000 dispatches')).toEqual([1204, 10_000]);
    expect(statedCount('Finding dispatches…')).toBeNull();
  });
});
