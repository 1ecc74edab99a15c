/**
 * The browser half of `npm run bench`: deep links, their raw text and the list page, each loaded in a
 * fresh context of headless Chromium under Lighthouse-like mobile conditions, and three interactions
 * timed with the Event Timing API. Returns raw samples; scripts/bench/report.ts judges them.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { findChromium, launchChromium } from '../lib/chromium.ts';
import { watchNetwork, type NetworkLog, type Transfer } from './network-log.ts';
import { readPageClock, readPageRecord, waitForHydration, type EventRecord, type LongFrame, type PageRecord } from './page-record.ts';
import { copySiteWithRawTexts, listArticleIds, listSeedFiles, measureHtmlSizes, RAW_DIR, serveFolder, type HtmlSize } from './site-copy.ts';

const RECORDER_FILE = fileURLToPath(new URL('./page-recorder.js', import.meta.url));

/**
 * Lighthouse's mobile preset ("slow 4G" on a mid-range phone): 150 ms RTT × 3.75 request latency,
 * 1.6 Mbit/s × 0.9 down and 750 kbit/s × 0.9 up, in kbit of 1024 bits as DevTools counts them.
 */
export const CONDITIONS = {
  cpuSlowdown: 4,
  latencyMs: 562.5,
  downloadBytesPerSecond: (1474.56 * 1024) / 8,
  uploadBytesPerSecond: (675 * 1024) / 8,
  viewport: { width: 412, height: 823 },
  deviceScaleFactor: 1.75,
} as const;

/**
 * Settling after load: the network quiet for 2 s and at least 3 s gone, so the idle-time fetches
 * (neighbouring articles, search texts) and the work they cause fall inside the measurement.
 */
const SETTLE = { quietMs: 2000, minimumMs: 3000, limitMs: 30_000 };
/** After an interaction: long enough for its paint and for the Event Timing entries to be delivered. */
const SETTLE_AFTER_INPUT = { quietMs: 1000, minimumMs: 1000, limitMs: 15_000 };
const HYDRATION_LIMIT_MS = 30_000;
const NAVIGATION_LIMIT_MS = 60_000;

/** Which Event Timing entries belong to each interaction. */
const KEY_EVENTS = ['keydown', 'keypress', 'keyup', 'beforeinput', 'input'];
const POINTER_EVENTS = ['pointerdown', 'pointerup', 'mousedown', 'mouseup', 'click', 'beforeinput', 'input', 'change'];

/**
 * The character typed into the search box: a common first letter (Việt Nam, visit, VNA). The first
 * keystroke is the heaviest, as a one-letter prefix marks the most matches in the list.
 */
const SEARCH_CHARACTER = 'v';

export interface LoadSample {
  path: string;
  ttfb: number | null;
  firstContentfulPaint: number | null;
  largestContentfulPaint: number | null;
  largestElement: string | null;
  loadEventEnd: number | null;
  hydratedAt: number | null;
  layoutShift: number;
  shiftSources: string[];
  longestTask: number;
  longestTaskAfterLoad: number;
  /** Long animation frames that started after the load event, with the scripts that made them long. */
  lateFrames: LongFrame[];
  transfers: Transfer[];
}

/** `duration` is null when no entry reached the API's 16 ms reporting threshold: the interaction was faster. */
export interface InteractionSample {
  /** Where the interaction led: the path and query after it. */
  landedOn: string;
  duration: number | null;
  events: string[];
  /** Where the slowest event's time went: waiting for the main thread, in handlers, then until the next paint. */
  slowest: { name: string; inputDelay: number; processing: number; presentation: number } | null;
  /** Long animation frames from the input on: which scripts ran, and how long style and layout took. */
  frames: LongFrame[];
}

export interface DispatchSamples {
  id: string;
  label: string;
  /** The seed file, served as `raw/<file>`. */
  file: string;
  page: LoadSample[];
  text: LoadSample[];
}

export interface BrowserBenchResult {
  chromium: string;
  runs: number;
  dispatches: DispatchSamples[];
  list: LoadSample[];
  html: HtmlSize[];
  interactions: { typing: InteractionSample[]; country: InteractionSample[]; nextArticle: InteractionSample[] };
}

export interface BrowserBenchOptions {
  distDir: string;
  seedsDir: string;
  runs: number;
  progress: (line: string) => void;
}

interface OpenPage {
  context: BrowserContext;
  page: Page;
  cdp: CDPSession;
  network: NetworkLog;
}

/** A fresh context per load (no cache, no storage), with the emulated phone and network applied before navigating. */
async function openEmulatedPage(browser: Browser): Promise<OpenPage> {
  const context = await browser.newContext({
    viewport: CONDITIONS.viewport,
    deviceScaleFactor: CONDITIONS.deviceScaleFactor,
    isMobile: true,
    hasTouch: true,
  });
  await context.addInitScript({ path: RECORDER_FILE });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const network = watchNetwork(cdp);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: CONDITIONS.latencyMs,
    downloadThroughput: CONDITIONS.downloadBytesPerSecond,
    uploadThroughput: CONDITIONS.uploadBytesPerSecond,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CONDITIONS.cpuSlowdown });
  return { context, page, cdp, network };
}

async function settle(network: NetworkLog, limits: typeof SETTLE, what: string, progress: (line: string) => void): Promise<void> {
  if ((await network.waitUntilQuiet(limits)) === 'limit') progress(`  warning: ${what} was still fetching after ${limits.limitMs} ms`);
}

function maximum(values: number[]): number {
  return values.reduce((largest, value) => Math.max(largest, value), 0);
}

export function summariseLoad(path: string, record: PageRecord, transfers: Transfer[]): LoadSample {
  const loadEnd = record.loadEventEnd ?? Number.POSITIVE_INFINITY;
  // Shifts right after input are expected by the reader and excluded, as CLS itself does.
  const shifts = record.layoutShifts.filter((shift) => !shift.hadRecentInput && shift.value > 0);
  const lastPaint = record.largestPaints.at(-1);
  return {
    path,
    ttfb: transfers.find((transfer) => transfer.type === 'Document')?.waitMs ?? null,
    firstContentfulPaint: record.firstContentfulPaint,
    largestContentfulPaint: lastPaint?.startTime ?? null,
    largestElement: lastPaint?.element ?? null,
    loadEventEnd: record.loadEventEnd,
    hydratedAt: record.hydratedAt,
    layoutShift: shifts.reduce((sum, shift) => sum + shift.value, 0),
    shiftSources: [...new Set(shifts.flatMap((shift) => shift.sources))],
    longestTask: maximum(record.longTasks.map((task) => task.duration)),
    longestTaskAfterLoad: maximum(record.longTasks.filter((task) => task.startTime > loadEnd).map((task) => task.duration)),
    lateFrames: record.longFrames.filter((frame) => frame.startTime > loadEnd && frame.duration > 50),
    transfers,
  };
}

/** The named events that started after `since`, judged by the slowest; its duration is null when none reached 16 ms. */
export function summariseInteraction(record: PageRecord, since: number, names: string[], landedOn: string): InteractionSample {
  const matching = record.events.filter((event) => event.startTime >= since && names.includes(event.name));
  const slowest = matching.reduce<EventRecord | null>((worst, event) => (worst === null || event.duration > worst.duration ? event : worst), null);
  return {
    landedOn,
    duration: slowest?.duration ?? null,
    events: matching.map((event) => `${event.name} ${Math.round(event.duration)} ms`),
    slowest: slowest && {
      name: slowest.name,
      inputDelay: slowest.processingStart - slowest.startTime,
      processing: slowest.processingEnd - slowest.processingStart,
      presentation: slowest.startTime + slowest.duration - slowest.processingEnd,
    },
    frames: record.longFrames.filter((frame) => frame.startTime + frame.duration >= since),
  };
}

/** Loads a page and measures it; the page stays open so an interaction can follow. */
async function loadAndMeasure(browser: Browser, origin: string, path: string, isApp: boolean, progress: (line: string) => void) {
  const open = await openEmulatedPage(browser);
  await open.page.goto(origin + path, { waitUntil: 'load', timeout: NAVIGATION_LIMIT_MS });
  if (isApp) await waitForHydration(open.cdp, HYDRATION_LIMIT_MS);
  await settle(open.network, SETTLE, path, progress);
  const sample = summariseLoad(path, await readPageRecord(open.cdp), open.network.transfers());
  return { open, sample };
}

async function measureInteraction(open: OpenPage, names: string[], act: () => Promise<void>, progress: (line: string) => void): Promise<InteractionSample> {
  const since = await readPageClock(open.cdp);
  await act();
  await settle(open.network, SETTLE_AFTER_INPUT, 'an interaction', progress);
  const landedOn = new URL(open.page.url());
  return summariseInteraction(await readPageRecord(open.cdp), since, names, landedOn.pathname + landedOn.search);
}

/** `j` on an article opens the next dispatch in the list. */
async function pressNextArticle(open: OpenPage, progress: (line: string) => void): Promise<InteractionSample> {
  const before = open.page.url();
  return measureInteraction(
    open,
    KEY_EVENTS,
    async () => {
      await open.page.keyboard.press('j');
      await open.page.waitForURL((url) => url.href !== before && url.pathname.startsWith('/article/'), { timeout: NAVIGATION_LIMIT_MS });
    },
    progress,
  );
}

async function typeInSearch(open: OpenPage, progress: (line: string) => void): Promise<InteractionSample> {
  // Focusing first (outside the measured window) so that only the keystroke is timed.
  await open.page.getByRole('searchbox', { name: 'Search dispatches' }).focus();
  return measureInteraction(
    open,
    KEY_EVENTS,
    async () => {
      await open.page.keyboard.press(SEARCH_CHARACTER);
      await open.page.waitForURL((url) => url.searchParams.get('q') === SEARCH_CHARACTER, { timeout: NAVIGATION_LIMIT_MS });
    },
    progress,
  );
}

async function toggleCountry(open: OpenPage, progress: (line: string) => void): Promise<InteractionSample> {
  const checkbox = open.page.getByRole('checkbox', { name: /Bulgaria/ });
  await checkbox.scrollIntoViewIfNeeded();
  const box = await checkbox.boundingBox();
  if (box === null) throw new Error('the Bulgaria checkbox has no box on the list page');
  const before = open.page.url();
  const sample = await measureInteraction(
    open,
    POINTER_EVENTS,
    async () => {
      // A plain click at the box's centre: locator.click() would add Playwright's own checks and listeners to the timed events.
      await open.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      await open.page.waitForURL((url) => url.href !== before, { timeout: NAVIGATION_LIMIT_MS });
    },
    progress,
  );
  if (!(await checkbox.isChecked())) throw new Error('clicking the Bulgaria checkbox did not check it');
  return sample;
}

/** The longest seed and the shortest, as the dispatches whose page and raw text are compared. */
async function chooseDispatches(seedsDir: string, articleIds: string[]): Promise<Array<{ id: string; label: string; file: string }>> {
  const seeds = await Promise.all(
    (await listSeedFiles(seedsDir)).map(async (file) => ({ file, length: (await readFile(join(seedsDir, file))).length })),
  );
  const bySize = seeds.sort((a, b) => b.length - a.length);
  const longest = bySize[0];
  const shortest = bySize.at(-1);
  if (longest === undefined || shortest === undefined || longest === shortest) throw new Error(`${seedsDir} needs at least two dispatches`);
  return [
    { ...longest, label: 'long' },
    { ...shortest, label: 'short' },
  ].map(({ file, label }) => {
    const id = file.replace(/\.txt$/, '');
    if (!articleIds.includes(id)) throw new Error(`dist/article has no page for the seed ${file}`);
    return { id, label, file };
  });
}

export async function runBrowserBench({ distDir, seedsDir, runs, progress }: BrowserBenchOptions): Promise<BrowserBenchResult> {
  const executable = findChromium();
  if (executable === null) throw new Error('no Chromium found: install Debian\'s chromium package or set CHROME_PATH');
  const html = await measureHtmlSizes(distDir);
  const chosen = await chooseDispatches(seedsDir, await listArticleIds(distDir));
  const site = await copySiteWithRawTexts(distDir, seedsDir);
  const server = await serveFolder(site.root);
  const browser = await launchChromium(executable);
  const dispatches: DispatchSamples[] = chosen.map((dispatch) => ({ ...dispatch, page: [], text: [] }));
  const list: LoadSample[] = [];
  const interactions: BrowserBenchResult['interactions'] = { typing: [], country: [], nextArticle: [] };
  try {
    for (let run = 0; run < runs; run += 1) {
      progress(`browser run ${run + 1}/${runs}`);
      for (const dispatch of dispatches) {
        // Page and text alternate, and which goes first flips every run, so drift in the machine hits both alike.
        const order = run % 2 === 0 ? (['page', 'text'] as const) : (['text', 'page'] as const);
        for (const kind of order) {
          if (kind === 'text') {
            const { open, sample } = await loadAndMeasure(browser, server.origin, `/${RAW_DIR}/${dispatch.file}`, false, progress);
            dispatch.text.push(sample);
            await open.context.close();
          } else {
            const { open, sample } = await loadAndMeasure(browser, server.origin, `/article/${dispatch.id}`, true, progress);
            dispatch.page.push(sample);
            interactions.nextArticle.push(await pressNextArticle(open, progress));
            await open.context.close();
          }
        }
      }
      const { open, sample } = await loadAndMeasure(browser, server.origin, '/', true, progress);
      list.push(sample);
      interactions.typing.push(await typeInSearch(open, progress));
      interactions.country.push(await toggleCountry(open, progress));
      await open.context.close();
    }
    return { chromium: browser.version(), runs, dispatches, list, html, interactions };
  } finally {
    await browser.close();
    await server.close();
    await site.remove();
  }
}
