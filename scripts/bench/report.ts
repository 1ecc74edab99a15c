/**
 * Turns what the bench measured into one table, the archives side by side, each cell judged against
 * its budget; and the figures behind it, printed for information. Pure: the same results always give
 * the same report.
 */
import type { InteractionSample, LoadSample } from './emulated-page.ts';
import type { Transfer } from './network-log.ts';
import type { LongFrame } from './page-record.ts';
import type { ArchiveResult } from './scale.ts';
import { rawPath } from './site-server.ts';

/** Kilobytes are counted as 1000 bytes: the stricter reading of "14 KB" and "65 KB". */
export const BUDGETS = {
  buildSeconds: 60,
  buildMemoryBytes: 1_500_000_000,
  rebuildSeconds: 10,
  /** The build budgets hold up to this many dispatches and grow in proportion beyond it. */
  buildBudgetsFor: 10_000,
  distBytesPerDispatch: 30_000,
  /** Below this, the app's own files (the same at any size) outweigh the dispatches. */
  distJudgedFrom: 1_000,
  htmlBrotliBytes: 14_000,
  firstViewGrowthBytes: 10_000,
  lcpRatio: 1.25,
  scriptBrotliBytes: 65_000,
  /** Fewer than this. */
  domElements: 1_500,
  searchBytes: 150_000,
  filterBytes: 150_000,
  interactionMs: 50,
  layoutShift: 0,
  taskMs: 50,
} as const;

/** A judged cell says whether it met its budget; a cell the budget does not apply to says nothing. */
export interface Cell {
  text: string;
  pass: boolean | null;
}

export interface TableRow {
  metric: string;
  budget: string;
  cells: Cell[];
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
export const kilobytes = (count: number): string => `${(count / 1000).toFixed(1)} KB`;
const megabytes = (count: number): string => `${grouped.format(Math.round(count / 1_000_000))} MB`;
const tenthsOfMegabytes = (count: number): string => `${(count / 1_000_000).toFixed(1)} MB`;
const signedKilobytes = (count: number): string => `${count < 0 ? '−' : '+'}${kilobytes(Math.abs(count))}`;
const ms = (value: number | null): string => (value === null ? 'n/a' : `${grouped.format(Math.round(value))} ms`);
const fileName = (url: string): string => new URL(url).pathname.split('/').at(-1) ?? url;

const judged = (text: string, pass: boolean): Cell => ({ text, pass });
const shown = (text: string): Cell => ({ text, pass: null });
const notMeasured = (why: string): Cell => ({ text: why, pass: false });

// ---- Bytes as the pages fetched them ----

/** The body as sent (compressed when it was), or the wire bytes when the response gave no length. */
export function bodyBytes(transfer: Transfer): number {
  return transfer.bodyBytes ?? transfer.wireBytes;
}

export function sumOfBodies(transfers: readonly Transfer[]): number {
  return transfers.reduce((sum, transfer) => sum + bodyBytes(transfer), 0);
}

/**
 * Pages of other articles the app fetches when idle, so that j and k open at once. They belong to
 * whichever dispatches neighbour the page, not to its first view, and are shown apart.
 */
export function isFetchedAhead(transfer: Transfer): boolean {
  return transfer.type === 'Fetch' && new URL(transfer.url).pathname.startsWith('/article/');
}

/** The first view: the page's HTML (stylesheet inlined), scripts and data files, until the network settled. */
export function firstViewBytes(sample: LoadSample): number {
  return sumOfBodies(sample.transfers.filter((transfer) => !isFetchedAhead(transfer)));
}

function scripts(sample: LoadSample): Transfer[] {
  return sample.transfers.filter((transfer) => transfer.type === 'Script');
}

/** The JavaScript's compressed bodies as sent: what "65 KB brotli" counts, the same measure as the HTML's. */
export function scriptBodyBytes(sample: LoadSample): number {
  return sumOfBodies(scripts(sample));
}

export function pageBytes(sample: LoadSample): number {
  return sample.transfers.reduce((sum, transfer) => sum + transfer.wireBytes, 0);
}

/** What a fetched file is, from where it lives in the site. */
export function kindOfFile(url: string): string {
  const path = new URL(url).pathname;
  if (path.startsWith('/assets/')) return path.endsWith('.js') ? 'scripts' : 'assets';
  if (path === '/data/archive.json') return 'archive summary';
  const data = /^\/data\/[^/]+\/([^/.]+)/.exec(path);
  if (data?.[1] !== undefined) return { list: 'list chunks', where: 'id lookup', facets: 'facets', search: 'search index', dates: 'dates' }[data[1]] ?? `data ${data[1]}`;
  if (path.startsWith('/article/')) return 'articles';
  // With the cache off, the browser asks for the icon again at each change of address.
  if (/^\/favicon\.[a-z]+$/.test(path)) return 'favicon';
  if (path === '/' || path.endsWith('.html')) return 'pages';
  return 'other';
}

/** "scripts 3 (21.4 KB), search index 4 (38.0 KB)": what a set of fetches was made of. */
export function describeTransfers(transfers: readonly Transfer[]): string {
  const kinds = new Map<string, { count: number; bytes: number }>();
  for (const transfer of transfers) {
    const kind = kindOfFile(transfer.url);
    const known = kinds.get(kind) ?? { count: 0, bytes: 0 };
    kinds.set(kind, { count: known.count + 1, bytes: known.bytes + bodyBytes(transfer) });
  }
  if (kinds.size === 0) return 'nothing';
  return [...kinds].map(([kind, { count, bytes: size }]) => `${kind} ${count} (${kilobytes(size)})`).join(', ');
}

// ---- The table ----

/** Up to `buildBudgetsFor` dispatches the budget as the issue states it; beyond, in proportion. */
export function buildBudgetFactor(count: number): number {
  return Math.max(1, count / BUDGETS.buildBudgetsFor);
}

/** The seeds' build: the measure of "the same page" at 5 dispatches. */
function baselineOf(results: readonly ArchiveResult[]): ArchiveResult | undefined {
  return results.find((result) => result.generated === 0);
}

interface RowRule {
  metric: string;
  budget: string;
  cell: (result: ArchiveResult, baseline: ArchiveResult | undefined) => Cell;
}

function buildCell(figures: ArchiveResult['build'], count: number, what: 'seconds' | 'memory', limit: number): Cell {
  if (figures === null) return shown('not built');
  const budget = limit * buildBudgetFactor(count);
  if (what === 'seconds') return judged(`${figures.seconds.toFixed(1)} s`, figures.seconds < budget);
  if (figures.peakRssBytes === null) return notMeasured('not measured (no /proc)');
  return judged(megabytes(figures.peakRssBytes), figures.peakRssBytes < budget);
}

function medianBy<T>(samples: readonly T[], figure: (sample: T) => number): number | null {
  return median(samples.map(figure));
}

function firstViewOfList(result: ArchiveResult): number | null {
  return medianBy(result.browser.list, firstViewBytes);
}

/** Each measured deep link's median first view, by dispatch id. */
function firstViewsOfDeepLinks(result: ArchiveResult): Map<string, number> {
  const views = new Map<string, number>();
  for (const { id, page } of result.browser.dispatches) {
    const value = medianBy(page, firstViewBytes);
    if (value !== null) views.set(id, value);
  }
  return views;
}

function listFirstViewCell(result: ArchiveResult, baseline: ArchiveResult | undefined): Cell {
  const value = firstViewOfList(result);
  if (value === null) return notMeasured('not measured');
  if (baseline === undefined || baseline === result) return shown(kilobytes(value));
  const base = firstViewOfList(baseline);
  if (base === null) return notMeasured(`${kilobytes(value)}, no seeds' figure`);
  return judged(`${kilobytes(value)} (${signedKilobytes(value - base)})`, value - base <= BUDGETS.firstViewGrowthBytes);
}

/** The same seed's page in both builds; the cell shows the one that grew most. */
function deepLinkFirstViewCell(result: ArchiveResult, baseline: ArchiveResult | undefined): Cell {
  const views = firstViewsOfDeepLinks(result);
  if (views.size === 0) return notMeasured('not measured');
  if (baseline === undefined || baseline === result) return shown(`${kilobytes(Math.max(...views.values()))} (largest)`);
  const base = firstViewsOfDeepLinks(baseline);
  const growth = [...views].flatMap(([id, value]) => {
    const before = base.get(id);
    return before === undefined ? [] : [{ value, growth: value - before }];
  });
  const worst = growth.sort((a, b) => b.growth - a.growth)[0];
  if (worst === undefined) return notMeasured('no page in common with the seeds');
  return judged(`${kilobytes(worst.value)} (${signedKilobytes(worst.growth)})`, worst.growth <= BUDGETS.firstViewGrowthBytes);
}

function scriptCell(result: ArchiveResult): Cell {
  const largest = Math.max(0, ...result.browser.dispatches.map(({ page }) => medianBy(page, scriptBodyBytes) ?? 0));
  const notBrotli = result.browser.dispatches.some(({ page }) => page.flatMap(scripts).some((transfer) => transfer.encoding !== 'br'));
  return judged(`${kilobytes(largest)}${notBrotli ? ', NOT all brotli' : ''}`, largest <= BUDGETS.scriptBrotliBytes && !notBrotli);
}

/** Each deep link's median LCP over the median LCP of its raw text; the cell shows the worst. */
export function lcpRatios(result: ArchiveResult): Array<{ label: string; id: string; page: number | null; text: number | null; ratio: number | null }> {
  return result.browser.dispatches.map(({ label, id, page, text }) => {
    const pageLcp = median(present(page.map((sample) => sample.largestContentfulPaint)));
    const textLcp = median(present(text.map((sample) => sample.largestContentfulPaint)));
    return { label, id, page: pageLcp, text: textLcp, ratio: pageLcp === null || textLcp === null || textLcp === 0 ? null : pageLcp / textLcp };
  });
}

function lcpCell(result: ArchiveResult): Cell {
  const ratios = lcpRatios(result);
  if (ratios.length === 0 || ratios.some(({ ratio }) => ratio === null)) return notMeasured('not measured');
  const worst = [...ratios].sort((a, b) => (b.ratio ?? 0) - (a.ratio ?? 0))[0];
  const ratio = worst?.ratio ?? null;
  if (worst === undefined || ratio === null) return notMeasured('not measured');
  return judged(`${ratio.toFixed(2)}× (${worst.label})`, ratio <= BUDGETS.lcpRatio);
}

function domCell(result: ArchiveResult): Cell {
  const { scroll } = result.browser;
  if (scroll.length === 0) return notMeasured('not measured');
  const most = Math.max(...scroll.map((stop) => stop.elements));
  return judged(`${grouped.format(most)} (${scroll.length} stops)`, most < BUDGETS.domElements);
}

function fetchedCell(samples: ReadonlyArray<{ transfers: Transfer[] }>, limit: number): Cell {
  const value = medianBy(samples, (sample) => sumOfBodies(sample.transfers));
  if (value === null) return notMeasured('not measured');
  const files = medianBy(samples, (sample) => sample.transfers.length) ?? 0;
  return judged(`${kilobytes(value)} (${Math.round(files)} files)`, value <= limit);
}

/** "43 of 1,000 dispatches" → [43, 1000]; null for anything else. */
export function statedCount(status: string): [number, number] | null {
  const match = /^([\d,]+) of ([\d,]+) dispatch/.exec(status);
  if (match?.[1] === undefined || match[2] === undefined) return null;
  return [Number(match[1].replace(/,/g, '')), Number(match[2].replace(/,/g, ''))];
}

function countCell(result: ArchiveResult): Cell {
  const { country, browser } = result;
  if (browser.filter.length === 0) return notMeasured('not measured');
  const wrong = browser.filter.find((sample) => {
    const stated = statedCount(sample.status);
    return stated === null || stated[0] !== country.count || stated[1] !== country.total;
  });
  if (wrong !== undefined) return judged(`says "${wrong.status}", true ${grouped.format(country.count)}`, false);
  return judged(`${grouped.format(country.count)} of ${grouped.format(country.total)}`, true);
}

/** Median of an interaction's samples; 0 stands for "below the 16 ms reporting threshold". */
export function interactionMedian(samples: InteractionSample[]): number {
  return median(samples.map((sample) => sample.duration ?? 0)) ?? 0;
}

function interactionCell(samples: InteractionSample[]): Cell {
  if (samples.length === 0) return notMeasured('not measured');
  const value = interactionMedian(samples);
  return judged(value === 0 ? '< 16 ms' : ms(value), value <= BUDGETS.interactionMs);
}

/** The app's page loads: each deep link, and the list. */
function appPages(result: ArchiveResult): Array<{ name: string; samples: LoadSample[] }> {
  return [...result.browser.dispatches.map(({ id, page }) => ({ name: `/article/${id}`, samples: page })), { name: '/', samples: result.browser.list }];
}

/** The page whose median is highest for a figure, and that median; null when every page's median is 0. */
function worstPage(result: ArchiveResult, figure: (sample: LoadSample) => number): { name: string; value: number } | null {
  return appPages(result)
    .map(({ name, samples }) => ({ name, value: median(samples.map(figure)) ?? 0 }))
    .reduce<{ name: string; value: number } | null>((worst, page) => (page.value > (worst?.value ?? 0) ? page : worst), null);
}

function shiftCell(result: ArchiveResult): Cell {
  const worst = worstPage(result, (sample) => sample.layoutShift);
  return judged(worst === null ? '0.000' : `${worst.value.toFixed(3)} (${worst.name})`, (worst?.value ?? 0) <= BUDGETS.layoutShift);
}

function lateTaskCell(result: ArchiveResult): Cell {
  const worst = worstPage(result, (sample) => sample.longestTaskAfterLoad);
  return judged(worst === null ? 'none' : `${ms(worst.value)} (${worst.name})`, (worst?.value ?? 0) <= BUDGETS.taskMs);
}

function rules(query: string, country: string): RowRule[] {
  const kb = (limit: number) => kilobytes(limit);
  return [
    {
      metric: 'build, cold: seconds (fresh cache and output)',
      budget: `< ${BUDGETS.buildSeconds} s`,
      cell: (result) => buildCell(result.build, result.count, 'seconds', BUDGETS.buildSeconds),
    },
    {
      metric: 'build, cold: peak memory (RSS of the process tree)',
      budget: `< ${BUDGETS.buildMemoryBytes / 1e9} GB`,
      cell: (result) => buildCell(result.build, result.count, 'memory', BUDGETS.buildMemoryBytes),
    },
    {
      metric: 'rebuild after adding one dispatch: seconds',
      budget: `< ${BUDGETS.rebuildSeconds} s`,
      cell: (result) => buildCell(result.rebuild, result.count, 'seconds', BUDGETS.rebuildSeconds),
    },
    {
      metric: 'rebuild after adding one: peak memory',
      budget: `< ${BUDGETS.buildMemoryBytes / 1e9} GB`,
      cell: (result) => buildCell(result.rebuild, result.count, 'memory', BUDGETS.buildMemoryBytes),
    },
    {
      metric: "dist/ on disk (each file once: an article's two addresses are one file)",
      budget: '',
      cell: (result) => shown(`${tenthsOfMegabytes(result.site.bytes)} (${grouped.format(result.site.files)} files)`),
    },
    {
      metric: 'dist/ per dispatch',
      budget: `≤ ${kb(BUDGETS.distBytesPerDispatch)} from ${grouped.format(BUDGETS.distJudgedFrom)}`,
      cell: (result) => {
        const perDispatch = result.site.bytes / result.count;
        return result.count < BUDGETS.distJudgedFrom ? shown(kilobytes(perDispatch)) : judged(kilobytes(perDispatch), perDispatch <= BUDGETS.distBytesPerDispatch);
      },
    },
    {
      metric: 'largest route HTML, brotli as sent (quality 5 where no .br copy)',
      budget: `≤ ${kb(BUDGETS.htmlBrotliBytes)}`,
      cell: (result) => {
        const [largest] = result.site.html;
        return largest === undefined ? notMeasured('no HTML') : judged(kilobytes(largest.brotliBytes), largest.brotliBytes <= BUDGETS.htmlBrotliBytes);
      },
    },
    {
      metric: 'first view of / (HTML, CSS, JS, data; bodies as sent)',
      budget: `≤ seeds' + ${kb(BUDGETS.firstViewGrowthBytes)}`,
      cell: listFirstViewCell,
    },
    {
      metric: 'first view of a deep link (the same seed page; the one that grew most)',
      budget: `≤ seeds' + ${kb(BUDGETS.firstViewGrowthBytes)}`,
      cell: deepLinkFirstViewCell,
    },
    { metric: 'JavaScript a deep link loads, brotli bodies', budget: `≤ ${kb(BUDGETS.scriptBrotliBytes)}`, cell: scriptCell },
    { metric: 'deep-link LCP ÷ LCP of its raw .txt (the worst)', budget: `≤ ${BUDGETS.lcpRatio}×`, cell: lcpCell },
    { metric: 'DOM elements, most at any stop of a scroll through the list', budget: `< ${grouped.format(BUDGETS.domElements)}`, cell: domCell },
    {
      metric: `first search: every file fetched typing "${query}"`,
      budget: `≤ ${kb(BUDGETS.searchBytes)}`,
      cell: (result) => fetchedCell(result.browser.search, BUDGETS.searchBytes),
    },
    {
      metric: `country filter (${country}): bytes beyond the first view`,
      budget: `≤ ${kb(BUDGETS.filterBytes)}`,
      cell: (result) => fetchedCell(result.browser.filter, BUDGETS.filterBytes),
    },
    { metric: 'country filter: the count the page states', budget: 'the true count', cell: countCell },
    {
      metric: 'input to next paint: typing the first letter',
      budget: `≤ ${BUDGETS.interactionMs} ms`,
      cell: (result) => interactionCell(result.browser.interactions.typing),
    },
    {
      metric: `input to next paint: ticking ${country}`,
      budget: `≤ ${BUDGETS.interactionMs} ms`,
      cell: (result) => interactionCell(result.browser.interactions.country),
    },
    {
      metric: 'input to next paint: j on a deep link',
      budget: `≤ ${BUDGETS.interactionMs} ms`,
      cell: (result) => interactionCell(result.browser.interactions.nextArticle),
    },
    { metric: 'cumulative layout shift (median of the worst page)', budget: String(BUDGETS.layoutShift), cell: shiftCell },
    { metric: 'longest task after the load event (median of the worst page)', budget: `≤ ${BUDGETS.taskMs} ms`, cell: lateTaskCell },
  ];
}

/** One row per metric, one cell per archive, in the order given (the seeds first). */
export function judgeArchives(results: readonly ArchiveResult[], query: string, country: string): TableRow[] {
  const baseline = baselineOf(results);
  return rules(query, country).map(({ metric, budget, cell }) => ({ metric, budget, cells: results.map((result) => cell(result, baseline)) }));
}

export function failedCells(rows: readonly TableRow[]): number {
  return rows.reduce((sum, row) => sum + row.cells.filter((cell) => cell.pass === false).length, 0);
}

export function columnTitle(result: ArchiveResult): string {
  const size = result.generated === 0 ? `${grouped.format(result.count)} (seeds)` : grouped.format(result.count);
  return `${size}, ${result.browser.runs} run${result.browser.runs === 1 ? '' : 's'}`;
}

/** A plain-text table with aligned columns, readable in a terminal and pasteable as Markdown. */
export function formatTable(header: string[], rows: string[][]): string {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ')} |`;
  return [line(header), `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

function cellText(cell: Cell): string {
  if (cell.pass === null) return cell.text;
  return `${cell.text} ${cell.pass ? '✓' : 'FAIL'}`;
}

export function formatScaleTable(rows: readonly TableRow[], results: readonly ArchiveResult[]): string {
  return formatTable(
    ['metric', 'budget', ...results.map(columnTitle)],
    rows.map((row) => [row.metric, row.budget, ...row.cells.map(cellText)]),
  );
}

/** What the table's marks and words mean, and what it was measured on. */
export function formatLegend(results: readonly ArchiveResult[]): string {
  const generated = results.filter((result) => result.generated > 0);
  const lines = [
    '✓ within its budget; FAIL over it (the bench exits 1); no mark: the budget does not apply at that size. KB = 1000 B.',
    `The build budgets hold up to ${grouped.format(BUDGETS.buildBudgetsFor)} dispatches and grow in proportion beyond. First views compare the same page with the seeds' build; articles fetched ahead for j and k are not first view.`,
  ];
  if (generated.length > 0) {
    lines.push(
      `Generated archives hold the 5 seeds and dispatches from scripts/lib/synthetic-archive.ts; deep links: the longest and the shortest seed, and the oldest dated dispatch.`,
    );
  }
  if (results.some((result) => result.browser.runs < 9)) lines.push('Fewer than 9 runs in some columns: their medians are indicative.');
  return lines.join('\n');
}

// ---- Figures for information ----

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
    Math.max(0, ...samples.map((sample) => sample.layoutShift)).toFixed(3),
    kilobytes(medianOf(samples, firstViewBytes) ?? 0),
    kilobytes(medianOf(samples, (sample) => sumOfBodies(sample.transfers.filter(isFetchedAhead))) ?? 0),
    bytes(medianOf(samples, pageBytes) ?? 0),
  ];
}

/** Medians per page: the figures behind the budgets, and the ones the budgets do not judge. */
export function formatPageFigures(result: ArchiveResult): string {
  const rows = [
    ...result.browser.dispatches.flatMap(({ id, label, page, text }) => [pageFigures(`/article/${id} (${label})`, page), pageFigures(rawPath(id), text)]),
    pageFigures('/', result.browser.list),
  ];
  return formatTable(
    ['page (medians)', 'TTFB', 'FCP', 'LCP', 'load event', 'hydrated', 'longest task', 'max task after load', 'max CLS', 'first view', 'fetched ahead', 'bytes on the wire'],
    rows,
  );
}

/** The sample whose total is the median one: its files are the ones shown. */
function typicalOf<T extends { transfers: Transfer[] }>(samples: readonly T[]): T | undefined {
  return [...samples].sort((a, b) => sumOfBodies(a.transfers) - sumOfBodies(b.transfers))[Math.floor(samples.length / 2)];
}

/** The build, the site on disk, and what the list page fetched, taken apart. */
export function formatArchiveDetails(result: ArchiveResult): string {
  const lines: string[] = [];
  for (const [name, figures] of [['cold build', result.build], ['rebuild', result.rebuild]] as const) {
    if (figures !== null) lines.push(`  ${name}: ${figures.summary.split('\n').join(' ')}`);
  }
  lines.push(`  dist/: ${result.site.byFolder.slice(0, 8).map(([name, size]) => `${name} ${tenthsOfMegabytes(size)}`).join(', ')}`);
  const largest = result.site.html.slice(0, 3).map((page) => `${page.file} ${kilobytes(page.brotliBytes)} (${kilobytes(page.bytes)} raw${page.precompressed ? ', its .br copy' : ''})`);
  lines.push(`  largest HTML of ${grouped.format(result.site.html.length)}: ${largest.join('; ')}`);
  const search = typicalOf(result.browser.search);
  if (search !== undefined) lines.push(`  search "${search.query}" (median run): ${describeTransfers(search.transfers)}; the list said "${search.status}"`);
  const filter = typicalOf(result.browser.filter);
  if (filter !== undefined) {
    lines.push(`  filter ${filter.country} (median run): ${describeTransfers(filter.transfers)}; the list said "${filter.status}", ${grouped.format(result.country.count)} in the built list`);
  }
  if (result.browser.scroll.length > 0) {
    const stops = result.browser.scroll.map((stop) => `${Math.round(stop.at * 100)}% ${stop.elements} (${stop.rows} rows${stop.loading > 0 ? `, ${stop.loading} still loading` : ''})`);
    lines.push(`  DOM elements through the list: ${stops.join(', ')}`);
  }
  for (const { label, id, page, text, ratio } of lcpRatios(result)) {
    lines.push(`  LCP, ${label} ${id}: deep link ${ms(page)} ÷ raw .txt ${ms(text)} = ${ratio === null ? 'n/a' : `${ratio.toFixed(2)}×`}`);
  }
  return lines.join('\n');
}

/** Which files make up a deep link's JavaScript, and what made the frames after load long. */
export function formatDiagnostics(result: ArchiveResult): string {
  const { browser } = result;
  const deepLinks = browser.dispatches.flatMap(({ page }) => page);
  const scriptFiles = new Map<string, string>();
  for (const transfer of deepLinks.flatMap((sample) => sample.transfers)) {
    if (transfer.type !== 'Script') continue;
    scriptFiles.set(fileName(transfer.url), `${bytes(transfer.bodyBytes ?? 0)} body, ${transfer.encoding ?? 'uncompressed'}`);
  }
  const lines = [...scriptFiles].map(([name, size]) => `  script ${name}: ${size}`);

  const culprits = new Map<string, { count: number; longest: number }>();
  for (const frame of [...deepLinks, ...browser.list].flatMap((sample) => sample.lateFrames)) {
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

  const loads = [...browser.dispatches.flatMap(({ page, text }) => [...page, ...text]), ...browser.list];
  const largestElements = new Map<string, Set<string>>();
  for (const sample of loads) {
    largestElements.set(sample.path, (largestElements.get(sample.path) ?? new Set()).add(sample.largestElement ?? 'none'));
  }
  lines.push(`  LCP element: ${[...largestElements].map(([path, elements]) => `${path} ${[...elements].join(' or ')}`).join('; ')}`);

  const shiftSources = new Set(appPages(result).flatMap(({ samples }) => samples.flatMap((sample) => sample.shiftSources)));
  if (shiftSources.size > 0) lines.push(`  elements that shifted: ${[...shiftSources].join(', ')}`);

  for (const [name, samples] of Object.entries(browser.interactions)) lines.push(...describeInteraction(name, samples));
  return lines.join('\n');
}

/** How a frame's time split between scripts (by what invoked them) and style and layout. */
function describeFrame(frame: LongFrame): string {
  const end = frame.startTime + frame.duration;
  const frameScripts = [...frame.scripts]
    .sort((a, b) => b.duration - a.duration)
    .map((script) => {
      const forced = script.forcedStyleAndLayoutDuration > 0 ? ` (${ms(script.forcedStyleAndLayoutDuration)} of it forced style and layout)` : '';
      return `${script.invoker}${script.sourceFunctionName ? ` → ${script.sourceFunctionName}` : ''} ${ms(script.duration)}${forced}`;
    });
  const styleAndLayout = frame.styleAndLayoutStart > 0 ? end - frame.styleAndLayoutStart : 0;
  return `${ms(frame.duration)} frame: ${frameScripts.join(', ') || 'no script'}; style and layout ${ms(styleAndLayout)}`;
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
