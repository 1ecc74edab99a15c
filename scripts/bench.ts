/**
 * `npm run bench`: measures the product against its performance budgets.
 *
 *   npm run bench                        ingest 10000 dispatches, then build the seeds and measure them
 *   npm run bench -- --archive 10000     the seeds, 1,000 and 10,000 dispatches side by side
 *   npm run bench -- --ingest 10000      only the ingest, with that many dispatches
 *   npm run bench -- --browser           only the seeds' build and browser bench
 *   npm run bench -- --runs 15           loads per page for the seeds (9 unless told)
 *   npm run bench -- --archive-runs 5    loads per page for generated archives (9 unless told)
 *   npm run bench -- --no-build          measure the dist/ that is there, for the seeds
 *
 * Every archive is built cold (a fresh cache and output folder, in a temporary folder), measured,
 * then rebuilt with one dispatch more. Progress goes to stderr and results to stdout, so
 * `npm run bench > report.txt` keeps only results. Exits with 1 when a budget fails, 2 on a wrong
 * flag. How and why we measure this way: docs/decisions/0006-how-we-measure.md.
 */
import { parseArgs } from 'node:util';
import { DIST_DIR, SEEDS_DIR } from '../src/site/paths.ts';
import { CONDITIONS } from './bench/emulated-page.ts';
import { formatIngestResult, runIngestBench } from './bench/ingest.ts';
import { columnTitle, failedCells, formatArchiveDetails, formatDiagnostics, formatLegend, formatPageFigures, formatScaleTable, judgeArchives } from './bench/report.ts';
import { measureArchive, type ArchivePlan, type ArchiveResult } from './bench/scale.ts';

const DEFAULT_INGEST_COUNT = 10_000;
const SEED_RUNS = 9;
/**
 * As many as the seeds': with 5, the medians of the budgets that sit near their line (the deep-link
 * LCP ratio, the first key, the tick) crossed it in single columns from one bench to the next.
 */
const ARCHIVE_RUNS = 9;
/** Always beside the largest archive, when it is larger. */
const MIDDLE_ARCHIVE = 1_000;
const SEED_COUNT = 5;
/**
 * Typed a key at a time into the search box: the archive's most common word, so the longest lists
 * of matches, and its first letter the heaviest first keystroke (a one-letter start marks the most).
 */
const SEARCH_QUERY = 'vietnam';
/** A country in the seeds and in every generated archive, never among the most frequent. */
const FILTER_COUNTRY = 'Bulgaria';

type Source = ArchivePlan['source'];

interface Plan {
  ingestCount: number | null;
  /** The sites measured in the browser, the seeds first; empty for the ingest alone. */
  sources: Source[];
  runs: number;
  archiveRuns: number;
}

class UsageError extends Error {}

function wholeNumberAtLeast(flag: string, text: string, minimum: number): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < minimum) throw new UsageError(`${flag} wants a whole number of at least ${minimum}, not "${text}"`);
  return value;
}

/**
 * Without --ingest, --browser or --archive, the ingest and the seeds' bench run; naming some runs
 * only those. --archive measures the seeds, 1,000 dispatches (when it asks for more) and its count.
 */
export function planFromArgs(args: string[]): Plan {
  const { values } = parseArgs({
    args,
    options: {
      ingest: { type: 'string' },
      browser: { type: 'boolean', default: false },
      archive: { type: 'string' },
      runs: { type: 'string', default: String(SEED_RUNS) },
      'archive-runs': { type: 'string', default: String(ARCHIVE_RUNS) },
      'no-build': { type: 'boolean', default: false },
    },
    strict: true,
  });
  const onlySome = values.ingest !== undefined || values.browser || values.archive !== undefined;
  let ingestCount: number | null = null;
  if (values.ingest !== undefined) ingestCount = wholeNumberAtLeast('--ingest', values.ingest, 1);
  else if (!onlySome) ingestCount = DEFAULT_INGEST_COUNT;

  const seeds: Source = values['no-build'] ? { kind: 'built', siteDir: DIST_DIR } : { kind: 'build', count: SEED_COUNT };
  const sources: Source[] = [];
  if (values.archive !== undefined) {
    if (values['no-build']) throw new UsageError('--no-build measures dist/ as it is; --archive always builds');
    const largest = wholeNumberAtLeast('--archive', values.archive, SEED_COUNT + 1);
    sources.push(seeds);
    if (largest > MIDDLE_ARCHIVE) sources.push({ kind: 'build', count: MIDDLE_ARCHIVE });
    sources.push({ kind: 'build', count: largest });
  } else if (values.browser || !onlySome) sources.push(seeds);
  return {
    ingestCount,
    sources,
    runs: wholeNumberAtLeast('--runs', values.runs, 1),
    archiveRuns: wholeNumberAtLeast('--archive-runs', values['archive-runs'], 1),
  };
}

function progress(line: string): void {
  process.stderr.write(`${line}\n`);
}

function formatConditions(chromium: string): string {
  // DevTools counts a kbit as 1024 bits.
  const kilobits = (bytesPerSecond: number): string => String((bytesPerSecond * 8) / 1024);
  const { viewport } = CONDITIONS;
  return (
    `Browser: Chromium ${chromium}, headless; ${CONDITIONS.cpuSlowdown}× CPU slowdown, ${CONDITIONS.latencyMs} ms latency, ` +
    `${kilobits(CONDITIONS.downloadBytesPerSecond)}/${kilobits(CONDITIONS.uploadBytesPerSecond)} kbit/s down/up, cache off, ` +
    `${viewport.width}×${viewport.height} @${CONDITIONS.deviceScaleFactor}x mobile; medians of each column's runs, a fresh context per load.`
  );
}

function formatReport(results: ArchiveResult[]): { text: string; failed: number; judged: number } {
  const rows = judgeArchives(results, SEARCH_QUERY, FILTER_COUNTRY);
  const details = results.flatMap((result) => [
    '',
    `${columnTitle(result)}:`,
    formatArchiveDetails(result),
    formatPageFigures(result),
    formatDiagnostics(result),
  ]);
  const [first] = results;
  return {
    text: [first === undefined ? '' : formatConditions(first.browser.chromium), '', formatScaleTable(rows, results), '', formatLegend(results), '', 'For information:', ...details, ''].join('\n'),
    failed: failedCells(rows),
    judged: rows.reduce((sum, row) => sum + row.cells.filter((cell) => cell.pass !== null).length, 0),
  };
}

async function main(): Promise<number> {
  let plan: Plan;
  try {
    plan = planFromArgs(process.argv.slice(2));
  } catch (error) {
    progress(error instanceof Error ? error.message : String(error));
    progress('usage: npm run bench -- [--ingest <n>] [--browser] [--archive <n>] [--runs <n>] [--archive-runs <n>] [--no-build]');
    return 2;
  }

  if (plan.ingestCount !== null) {
    progress(`ingest bench: ${plan.ingestCount} synthetic dispatches…`);
    process.stdout.write(`${formatIngestResult(await runIngestBench(plan.ingestCount))}\n`);
  }
  if (plan.sources.length === 0) return 0;

  const results: ArchiveResult[] = [];
  for (const source of plan.sources) {
    const seedsOnly = source.kind === 'built' || source.count === SEED_COUNT;
    results.push(
      await measureArchive({
        source,
        seedsDir: SEEDS_DIR,
        runs: seedsOnly ? plan.runs : plan.archiveRuns,
        query: SEARCH_QUERY,
        countryName: FILTER_COUNTRY,
        progress,
      }),
    );
  }
  const { text, failed, judged } = formatReport(results);
  process.stdout.write(text);
  progress(failed === 0 ? 'All budgets met.' : `${failed} of ${judged} judged cells over budget.`);
  return failed === 0 ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    progress(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exitCode = 1;
  },
);
