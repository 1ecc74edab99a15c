/**
 * Turns the browser bench's samples into the budget table and the figures printed for information.
 * Pure: the same samples always give the same report.
 */
import type { BrowserBenchResult, InteractionSample, LoadSample } from './browser.ts';
import type { LongFrame } from './page-record.ts';

/** Kilobytes are counted as 1000 bytes: the stricter reading of "14 KB" and "65 KB". */
export const BUDGETS = {
  lcpRatio: 1.25,
  htmlBrotliBytes: 14_000,
  scriptBrotliBytes: 65_000,
  layoutShift: 0,
  taskMs: 50,
  interactionMs: 50,
} as const;

export interface BudgetRow {
  metric: string;
  value: string;
  budget: string;
  pass: boolean;
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? 0) + upper) / 2;
}

function present(values: Array<number | null>): number[] {
  return values.filter((value): value is number => value !== null);
}

const grouped = new Intl.NumberFormat('en-GB');
const bytes = (count: number): string => `${grouped.format(Math.round(count))} B`;
const ms = (value: number | null): string => (value === null ? 'n/a' : `${grouped.format(Math.round(value))} ms`);
const fileName = (url: string): string => new URL(url).pathname.split('/').at(-1) ?? url;

function scripts(sample: LoadSample) {
  return sample.transfers.filter((transfer) => transfer.type === 'Script');
}

/** The JavaScript's compressed bodies as sent: what "65 KB brotli" counts, the same measure as the HTML's. */
export function scriptBodyBytes(sample: LoadSample): number {
  return scripts(sample).reduce((sum, transfer) => sum + (transfer.bodyBytes ?? transfer.wireBytes), 0);
}

export function scriptWireBytes(sample: LoadSample): number {
  return scripts(sample).reduce((sum, transfer) => sum + transfer.wireBytes, 0);
}

export function pageBytes(sample: LoadSample): number {
  return sample.transfers.reduce((sum, transfer) => sum + transfer.wireBytes, 0);
}

function lcpRows(result: BrowserBenchResult): BudgetRow[] {
  return result.dispatches.map(({ id, label, page, text }) => {
    const pageLcp = median(present(page.map((sample) => sample.largestContentfulPaint)));
    const textLcp = median(present(text.map((sample) => sample.largestContentfulPaint)));
    const metric = `LCP, ${label} dispatch ${id}: deep link ${ms(pageLcp)} ÷ raw .txt ${ms(textLcp)}`;
    if (pageLcp === null || textLcp === null || textLcp === 0) return { metric, value: 'not measured', budget: `≤ ${BUDGETS.lcpRatio}×`, pass: false };
    const ratio = pageLcp / textLcp;
    return { metric, value: `${ratio.toFixed(2)}×`, budget: `≤ ${BUDGETS.lcpRatio}×`, pass: ratio <= BUDGETS.lcpRatio };
  });
}

function htmlRow(result: BrowserBenchResult): BudgetRow {
  const [largest] = result.html;
  const budget = `≤ ${bytes(BUDGETS.htmlBrotliBytes)} (KB = 1000 B)`;
  if (largest === undefined) return { metric: 'largest route HTML, brotli: no HTML in dist/', value: 'n/a', budget, pass: false };
  return {
    metric: `largest route HTML, brotli: ${largest.file} (of ${result.html.length} HTML files)`,
    value: bytes(largest.brotliBytes),
    budget,
    pass: largest.brotliBytes <= BUDGETS.htmlBrotliBytes,
  };
}

function scriptRow(result: BrowserBenchResult): BudgetRow {
  const largest = (figure: (sample: LoadSample) => number) => Math.max(0, ...result.dispatches.map(({ page }) => median(page.map(figure)) ?? 0));
  const body = largest(scriptBodyBytes);
  const all = result.dispatches.flatMap(({ page }) => page.flatMap(scripts));
  const notBrotli = all.some((transfer) => transfer.encoding !== 'br');
  return {
    metric: `JavaScript a deep link loads, ${notBrotli ? 'NOT all brotli' : 'brotli'} bodies (${bytes(largest(scriptWireBytes))} with HTTP headers)`,
    value: bytes(body),
    budget: `≤ ${bytes(BUDGETS.scriptBrotliBytes)} (KB = 1000 B)`,
    pass: body <= BUDGETS.scriptBrotliBytes && !notBrotli,
  };
}

interface PageSamples {
  name: string;
  samples: LoadSample[];
}

/** The app's pages: each deep link and the list. */
function appPages(result: BrowserBenchResult): PageSamples[] {
  return [...result.dispatches.map(({ id, page }) => ({ name: `/article/${id}`, samples: page })), { name: '/', samples: result.list }];
}

/** The page whose median is highest for a figure, and that median; null when every page's median is 0. */
function worstPage(pages: PageSamples[], figure: (sample: LoadSample) => number): { name: string; value: number } | null {
  return pages
    .map(({ name, samples }) => ({ name, value: median(samples.map(figure)) ?? 0 }))
    .reduce<{ name: string; value: number } | null>((worst, page) => (page.value > (worst?.value ?? 0) ? page : worst), null);
}

function stabilityRows(result: BrowserBenchResult): BudgetRow[] {
  const pages = appPages(result);
  const where = (worst: { name: string } | null) => (worst === null ? `every page's median, ${pages.length} pages` : `median of the worst page, ${worst.name}`);
  const shift = worstPage(pages, (sample) => sample.layoutShift);
  const task = worstPage(pages, (sample) => sample.longestTaskAfterLoad);
  const loads = pages.flatMap(({ samples }) => samples);
  const withLateTask = loads.filter((sample) => sample.longestTaskAfterLoad > 0);
  const lateTasks =
    withLateTask.length === 0
      ? `none in ${loads.length} loads`
      : `${withLateTask.length} of ${loads.length} loads had one, up to ${ms(Math.max(...withLateTask.map((sample) => sample.longestTaskAfterLoad)))}`;
  return [
    {
      metric: `cumulative layout shift (${where(shift)})`,
      value: (shift?.value ?? 0).toFixed(3),
      budget: '0',
      pass: (shift?.value ?? 0) <= BUDGETS.layoutShift,
    },
    {
      metric: `longest task after the load event (${where(task)}; ${lateTasks})`,
      value: task === null ? 'none' : ms(task.value),
      budget: `no task > ${BUDGETS.taskMs} ms`,
      pass: (task?.value ?? 0) <= BUDGETS.taskMs,
    },
  ];
}

/** Median of an interaction's samples; 0 stands for "below the 16 ms reporting threshold". */
export function interactionMedian(samples: InteractionSample[]): number {
  return median(samples.map((sample) => sample.duration ?? 0)) ?? 0;
}

function interactionRow(metric: string, samples: InteractionSample[]): BudgetRow {
  const value = interactionMedian(samples);
  return {
    metric: `${metric}, input to next paint`,
    value: value === 0 ? '< 16 ms' : ms(value),
    budget: `≤ ${BUDGETS.interactionMs} ms`,
    pass: samples.length > 0 && value <= BUDGETS.interactionMs,
  };
}

export function judgeBrowserBench(result: BrowserBenchResult): BudgetRow[] {
  const { typing, country, nextArticle } = result.interactions;
  return [
    ...lcpRows(result),
    htmlRow(result),
    scriptRow(result),
    ...stabilityRows(result),
    interactionRow('typing a search character', typing),
    interactionRow('toggling a country (Bulgaria)', country),
    interactionRow('opening the next article (j)', nextArticle),
  ];
}

/** A plain-text table with aligned columns, readable in a terminal and pasteable as Markdown. */
export function formatTable(header: string[], rows: string[][]): string {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ')} |`;
  return [line(header), `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

export function formatBudgetTable(rows: BudgetRow[]): string {
  return formatTable(
    ['metric', 'value', 'budget', 'pass/fail'],
    rows.map((row) => [row.metric, row.value, row.budget, row.pass ? 'pass' : 'FAIL']),
  );
}

function medianOf(samples: LoadSample[], figure: (sample: LoadSample) => number | null): number | null {
  return median(present(samples.map(figure)));
}

function pageFigures(name: string, samples: LoadSample[]): string[] {
  return [
    name,
    ms(medianOf(samples, (sample) => sample.ttfb)),
    ms(medianOf(samples, (sample) => sample.firstContentfulPaint)),
    ms(medianOf(samples, (sample) => sample.largestContentfulPaint)),
    ms(medianOf(samples, (sample) => sample.loadEventEnd)),
    ms(medianOf(samples, (sample) => sample.hydratedAt)),
    ms(medianOf(samples, (sample) => sample.longestTask)),
    ms(Math.max(0, ...samples.map((sample) => sample.longestTaskAfterLoad))),
    (Math.max(0, ...samples.map((sample) => sample.layoutShift))).toFixed(3),
    bytes(medianOf(samples, pageBytes) ?? 0),
  ];
}

/** Medians per page: the figures behind the budgets, and the ones the budgets do not judge. */
export function formatPageFigures(result: BrowserBenchResult): string {
  const rows = [
    ...result.dispatches.flatMap(({ id, file, page, text }) => [pageFigures(`/article/${id}`, page), pageFigures(`/raw/${file}`, text)]),
    pageFigures('/', result.list),
  ];
  return formatTable(
    ['page (medians)', 'TTFB', 'FCP', 'LCP', 'load event', 'hydrated', 'longest task', 'max task after load', 'max CLS', 'bytes on the wire'],
    rows,
  );
}

/** Which files make up a deep link's JavaScript, and what made the frames after load long. */
export function formatDiagnostics(result: BrowserBenchResult): string {
  const deepLinks = result.dispatches.flatMap(({ page }) => page);
  const scripts = new Map<string, string>();
  for (const transfer of deepLinks.flatMap((sample) => sample.transfers)) {
    if (transfer.type !== 'Script') continue;
    scripts.set(fileName(transfer.url), `${bytes(transfer.bodyBytes ?? 0)} body, ${transfer.encoding ?? 'uncompressed'}`);
  }
  const lines = [...scripts].map(([name, size]) => `  script ${name}: ${size}`);

  const culprits = new Map<string, { count: number; longest: number }>();
  for (const frame of [...deepLinks, ...result.list].flatMap((sample) => sample.lateFrames)) {
    const longestScript = [...frame.scripts].sort((a, b) => b.duration - a.duration)[0];
    const key = longestScript
      ? `${longestScript.invoker} in ${fileName(longestScript.sourceURL) || 'the page'}${longestScript.sourceFunctionName ? ` (${longestScript.sourceFunctionName})` : ''}`
      : 'rendering or style work, no script';
    const known = culprits.get(key) ?? { count: 0, longest: 0 };
    culprits.set(key, { count: known.count + 1, longest: Math.max(known.longest, frame.duration) });
  }
  for (const [key, { count, longest }] of [...culprits].sort((a, b) => b[1].longest - a[1].longest)) {
    lines.push(`  long frame after load ×${count}, up to ${ms(longest)}: ${key}`);
  }

  const loads = [...result.dispatches.flatMap(({ page, text }) => [...page, ...text]), ...result.list];
  const largestElements = new Map<string, Set<string>>();
  for (const sample of loads) {
    largestElements.set(sample.path, (largestElements.get(sample.path) ?? new Set()).add(sample.largestElement ?? 'none'));
  }
  lines.push(`  LCP element: ${[...largestElements].map(([path, elements]) => `${path} ${[...elements].join(' or ')}`).join('; ')}`);

  const shiftSources = new Set(appPages(result).flatMap(({ samples }) => samples.flatMap((sample) => sample.shiftSources)));
  if (shiftSources.size > 0) lines.push(`  elements that shifted: ${[...shiftSources].join(', ')}`);

  for (const [name, samples] of Object.entries(result.interactions)) lines.push(...describeInteraction(name, samples));
  return lines.join('\n');
}

/** How a frame's time split between scripts (by what invoked them) and style and layout. */
function describeFrame(frame: LongFrame): string {
  const end = frame.startTime + frame.duration;
  const scripts = [...frame.scripts]
    .sort((a, b) => b.duration - a.duration)
    .map((script) => {
      const forced = script.forcedStyleAndLayoutDuration > 0 ? ` (${ms(script.forcedStyleAndLayoutDuration)} of it forced style and layout)` : '';
      return `${script.invoker}${script.sourceFunctionName ? ` → ${script.sourceFunctionName}` : ''} ${ms(script.duration)}${forced}`;
    });
  const styleAndLayout = frame.styleAndLayoutStart > 0 ? end - frame.styleAndLayoutStart : 0;
  return `${ms(frame.duration)} frame: ${scripts.join(', ') || 'no script'}; style and layout ${ms(styleAndLayout)}`;
}

/** Every sample's duration, then the median sample taken apart: where its slowest event's time went, and its long frames. */
function describeInteraction(name: string, samples: InteractionSample[]): string[] {
  const destinations = [...new Set(samples.map((sample) => sample.landedOn))];
  const durations = (from: InteractionSample[]) => from.map((sample) => (sample.duration === null ? '<16' : String(Math.round(sample.duration)))).join(', ');
  const ranked = [...samples].sort((a, b) => (a.duration ?? 0) - (b.duration ?? 0));
  const typical = ranked[Math.floor(ranked.length / 2)];
  const lines = [`  ${name}:`];
  for (const destination of destinations) {
    lines.push(`    to ${destination}: ${durations(samples.filter((sample) => sample.landedOn === destination))} ms`);
  }
  if (typical?.slowest) {
    const { name: event, inputDelay, processing, presentation } = typical.slowest;
    lines.push(`    median sample (to ${typical.landedOn}), ${event}: input delay ${ms(inputDelay)}, handlers ${ms(processing)}, then ${ms(presentation)} to the next paint`);
  }
  for (const frame of typical?.frames ?? []) lines.push(`    ${describeFrame(frame)}`);
  return lines;
}
