/**
 * `npm run bench`: measures the product against its performance budgets.
 *
 *   npm run bench                      build, ingest 10000 dispatches, then the browser bench
 *   npm run bench -- --ingest 10000    only the ingest, with that many dispatches
 *   npm run bench -- --browser         only the browser bench (builds first)
 *   npm run bench -- --runs 15         more loads per page (at least 9: budgets are judged on medians)
 *   npm run bench -- --no-build        reuse the dist/ that is there
 *
 * Progress goes to stderr and results to stdout, so `npm run bench > report.txt` keeps only results.
 * Exits with 1 when a budget fails, 2 on a wrong flag. How and why we measure this way:
 * docs/decisions/0006-how-we-measure.md.
 */
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import { DIST_DIR, PROJECT_ROOT, SEEDS_DIR } from '../src/site/paths.ts';
import { CONDITIONS, runBrowserBench } from './bench/browser.ts';
import { formatIngestResult, runIngestBench } from './bench/ingest.ts';
import { formatBudgetTable, formatDiagnostics, formatPageFigures, judgeBrowserBench } from './bench/report.ts';

const DEFAULT_INGEST_COUNT = 10_000;
const MINIMUM_RUNS = 9;

interface Plan {
  ingestCount: number | null;
  browser: boolean;
  build: boolean;
  runs: number;
}

class UsageError extends Error {}

function wholeNumberAtLeast(flag: string, text: string, minimum: number): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < minimum) throw new UsageError(`${flag} wants a whole number of at least ${minimum}, not "${text}"`);
  return value;
}

/** Without --ingest or --browser, both run; naming one runs only that one. */
export function planFromArgs(args: string[]): Plan {
  const { values } = parseArgs({
    args,
    options: {
      ingest: { type: 'string' },
      browser: { type: 'boolean', default: false },
      runs: { type: 'string', default: String(MINIMUM_RUNS) },
      'no-build': { type: 'boolean', default: false },
    },
    strict: true,
  });
  const onlySome = values.ingest !== undefined || values.browser;
  const browser = values.browser || !onlySome;
  let ingestCount: number | null = null;
  if (values.ingest !== undefined) ingestCount = wholeNumberAtLeast('--ingest', values.ingest, 1);
  else if (!onlySome) ingestCount = DEFAULT_INGEST_COUNT;
  return { ingestCount, browser, build: browser && !values['no-build'], runs: wholeNumberAtLeast('--runs', values.runs, MINIMUM_RUNS) };
}

function progress(line: string): void {
  process.stderr.write(`${line}\n`);
}

/** The real build, as `npm run build` runs it; its output is progress, so it goes to stderr. */
function buildSite(): Promise<void> {
  progress('building the site (scripts/build.ts)…');
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['tsx', 'scripts/build.ts'], { cwd: PROJECT_ROOT, stdio: ['ignore', 2, 2] });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`the build failed (exit ${code ?? 'by signal'})`))));
  });
}

function formatConditions(chromium: string, runs: number): string {
  // DevTools counts a kbit as 1024 bits.
  const kilobits = (bytesPerSecond: number): string => String((bytesPerSecond * 8) / 1024);
  const { viewport } = CONDITIONS;
  return (
    `Browser: Chromium ${chromium}, headless; ${CONDITIONS.cpuSlowdown}× CPU slowdown, ${CONDITIONS.latencyMs} ms latency, ` +
    `${kilobits(CONDITIONS.downloadBytesPerSecond)}/${kilobits(CONDITIONS.uploadBytesPerSecond)} kbit/s down/up, cache off, ` +
    `${viewport.width}×${viewport.height} @${CONDITIONS.deviceScaleFactor}x mobile; medians of ${runs} runs, a fresh context per load.`
  );
}

async function main(): Promise<number> {
  let plan: Plan;
  try {
    plan = planFromArgs(process.argv.slice(2));
  } catch (error) {
    progress(error instanceof Error ? error.message : String(error));
    progress('usage: npm run bench -- [--ingest <n>] [--browser] [--runs <n ≥ 9>] [--no-build]');
    return 2;
  }

  if (plan.ingestCount !== null) {
    progress(`ingest bench: ${plan.ingestCount} synthetic dispatches…`);
    process.stdout.write(`${formatIngestResult(await runIngestBench(plan.ingestCount))}\n`);
  }
  if (!plan.browser) return 0;

  if (plan.build) await buildSite();
  const result = await runBrowserBench({ distDir: DIST_DIR, seedsDir: SEEDS_DIR, runs: plan.runs, progress });
  const rows = judgeBrowserBench(result);
  process.stdout.write(
    [
      formatConditions(result.chromium, result.runs),
      '',
      formatBudgetTable(rows),
      '',
      'For information:',
      formatPageFigures(result),
      formatDiagnostics(result),
      '',
    ].join('\n'),
  );
  const failed = rows.filter((row) => !row.pass);
  progress(failed.length === 0 ? 'All budgets met.' : `${failed.length} of ${rows.length} budgets failed.`);
  return failed.length === 0 ? 0 : 1;
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
