/**
 * One page of the browser bench: opened in a fresh context of headless Chromium under Lighthouse-like
 * mobile conditions, loaded, left to settle, and measured; and interactions on it timed with the
 * Event Timing API. Reads go through the page's DevTools session (page-record.ts).
 */
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { watchNetwork, type NetworkLog, type Transfer } from './network-log.ts';
import { evaluateInPage, readPageClock, readPageRecord, waitForHydration, type EventRecord, type LongFrame, type PageRecord } from './page-record.ts';

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
 * (neighbouring articles, the archive's summary) and the work they cause fall inside the measurement.
 */
export const SETTLE = { quietMs: 2000, minimumMs: 3000, limitMs: 30_000 };
/** After an interaction: long enough for its paint and for the Event Timing entries to be delivered. */
export const SETTLE_AFTER_INPUT = { quietMs: 1000, minimumMs: 1000, limitMs: 15_000 };
const HYDRATION_LIMIT_MS = 30_000;
export const NAVIGATION_LIMIT_MS = 60_000;

/** Which Event Timing entries belong to each interaction. */
export const KEY_EVENTS = ['keydown', 'keypress', 'keyup', 'beforeinput', 'input'];
export const POINTER_EVENTS = ['pointerdown', 'pointerup', 'mousedown', 'mouseup', 'click', 'beforeinput', 'input', 'change'];

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

export interface OpenPage {
  context: BrowserContext;
  page: Page;
  cdp: CDPSession;
  network: NetworkLog;
}

export type Progress = (line: string) => void;

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

export async function settle(network: NetworkLog, limits: typeof SETTLE, what: string, progress: Progress): Promise<void> {
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
export async function loadAndMeasure(browser: Browser, origin: string, path: string, isApp: boolean, progress: Progress) {
  const open = await openEmulatedPage(browser);
  await open.page.goto(origin + path, { waitUntil: 'load', timeout: NAVIGATION_LIMIT_MS });
  if (isApp) await waitForHydration(open.cdp, HYDRATION_LIMIT_MS);
  await settle(open.network, SETTLE, path, progress);
  const sample = summariseLoad(path, await readPageRecord(open.cdp), open.network.transfers());
  return { open, sample };
}

export async function measureInteraction(open: OpenPage, names: string[], act: () => Promise<void>, progress: Progress): Promise<InteractionSample> {
  const since = await readPageClock(open.cdp);
  await act();
  await settle(open.network, SETTLE_AFTER_INPUT, 'an interaction', progress);
  const landedOn = new URL(open.page.url());
  return summariseInteraction(await readPageRecord(open.cdp), since, names, landedOn.pathname + landedOn.search);
}

/** Polls an expression in the page until it gives a string that passes `accept`; returns that string. */
export async function waitForPageText(open: OpenPage, expression: string, accept: (text: string) => boolean, what: string, limitMs = 30_000): Promise<string> {
  const started = Date.now();
  let last: unknown = null;
  while (Date.now() - started < limitMs) {
    last = await evaluateInPage(open.cdp, expression);
    if (typeof last === 'string' && accept(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${what}: still "${String(last)}" after ${limitMs} ms`);
}
