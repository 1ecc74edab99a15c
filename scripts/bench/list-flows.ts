/**
 * What a reader does on the list page, as the bench does it: types a search, filters by a country,
 * scrolls through the whole list. Each keeps every file fetched along the way and what the page
 * then says about its list; the keystroke and the click that start them are timed.
 *
 * Setting up (focusing a field, opening the country facet) uses Playwright's locators, outside the
 * timed windows; the timed input is raw (a key press, a mouse click at a point).
 */
import type { Browser } from 'playwright-core';
import type { Transfer } from './network-log.ts';
import {
  KEY_EVENTS,
  loadAndMeasure,
  measureInteraction,
  NAVIGATION_LIMIT_MS,
  POINTER_EVENTS,
  settle,
  SETTLE,
  SETTLE_AFTER_INPUT,
  waitForPageText,
  type InteractionSample,
  type OpenPage,
  type Progress,
} from './emulated-page.ts';
import { evaluateInPage } from './page-record.ts';

/** What the list says about itself: "1,204 dispatches", or "43 of 1,000 dispatches" when filtered. */
const LIST_STATUS = `document.querySelector('.result-count')?.textContent ?? ''`;
/** A filtered list that has been worked out states how many of how many it keeps. */
const COUNTED = /^[\d,]+ of [\d,]+ dispatch/;

/** Where a scroll through the list stops to count the page's elements, as fractions of its height. */
export const SCROLL_STOPS = [0, 0.1, 0.25, 0.5, 0.75, 1];

export interface SearchSample {
  query: string;
  /** Every file fetched from the first key on until the results settled. */
  transfers: Transfer[];
  /** What the list then said, e.g. "812 of 1,000 dispatches". */
  status: string;
}

export interface FilterSample {
  country: string;
  /** Every file fetched after the page's first view: the whole list at the first move, the facet, the filtered list until it settled. */
  transfers: Transfer[];
  status: string;
}

export interface ScrollStop {
  /** How far down the list, 0 (top) to 1 (bottom). */
  at: number;
  /** Elements in the whole document: what Lighthouse's "DOM size" counts. */
  elements: number;
  /** Rows of the list in the DOM, and how many of them were still waiting for their entry. */
  rows: number;
  loading: number;
}

/**
 * The reader's first scroll or key press, which loads the whole list (decision 0007). On a phone the
 * filters sit below the landing page's overview, so a reader has moved before reaching them; whether
 * focusing a field scrolls the page depends on how tall the overview is, so a key with no character
 * makes the move the same way at every archive size.
 */
async function makeFirstMove(open: OpenPage, progress: Progress): Promise<void> {
  await open.page.keyboard.press('Shift');
  await settle(open.network, SETTLE_AFTER_INPUT, 'the whole list', progress);
}

/**
 * Types `query` into the search box a key at a time, each key once the files the one before asked
 * for have arrived: the most a reader typing the word can fetch. The first key is timed.
 */
export async function typeSearch(open: OpenPage, query: string, progress: Progress): Promise<{ interaction: InteractionSample; sample: SearchSample }> {
  const { page } = open;
  const [first, ...rest] = [...query];
  if (first === undefined) throw new Error('the search query is empty');
  // Focusing first (outside the measured window) so that only the keystroke is timed.
  await page.getByRole('searchbox', { name: 'Search dispatches' }).focus();
  await makeFirstMove(open, progress);
  const before = open.network.transfers().length;
  const typed = (text: string) => page.waitForURL((url) => url.searchParams.get('q') === text, { timeout: NAVIGATION_LIMIT_MS });
  const interaction = await measureInteraction(
    open,
    KEY_EVENTS,
    async () => {
      await page.keyboard.press(first);
      await typed(first);
    },
    progress,
  );
  let sofar = first;
  for (const character of rest) {
    sofar += character;
    await page.keyboard.press(character);
    await typed(sofar);
    await settle(open.network, SETTLE_AFTER_INPUT, `typing "${sofar}"`, progress);
  }
  const status = await waitForPageText(open, LIST_STATUS, (text) => COUNTED.test(text), `the results for "${query}"`);
  await settle(open.network, SETTLE, `the results for "${query}"`, progress);
  return { interaction, sample: { query, transfers: open.network.transfers().slice(before), status } };
}

function escapeForPattern(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Opens the country facet, narrows its choices by typing when it has more than it shows (as a reader
 * must), and ticks the country with a click, which is timed.
 */
export async function filterByCountry(open: OpenPage, country: { name: string; code: string }, progress: Progress): Promise<{ interaction: InteractionSample; sample: FilterSample }> {
  const { page } = open;
  const before = open.network.transfers().length;
  await makeFirstMove(open, progress);
  await page.locator('summary', { hasText: 'Country' }).click();
  const checkbox = page.getByRole('checkbox', { name: new RegExp(`^${escapeForPattern(country.name)}\\b`) });
  const finder = page.getByRole('searchbox', { name: 'Find a country' });
  await checkbox.or(finder).first().waitFor({ timeout: NAVIGATION_LIMIT_MS });
  if (await finder.isVisible()) {
    await finder.focus();
    await page.keyboard.type(country.name.slice(0, 4).toLowerCase());
    await checkbox.waitFor({ timeout: NAVIGATION_LIMIT_MS });
  }
  await settle(open.network, SETTLE_AFTER_INPUT, 'the country facet', progress);
  await checkbox.scrollIntoViewIfNeeded();
  const box = await checkbox.boundingBox();
  if (box === null) throw new Error(`the ${country.name} checkbox has no box on the list page`);
  const interaction = await measureInteraction(
    open,
    POINTER_EVENTS,
    async () => {
      // A plain click at the box's centre: locator.click() would add Playwright's own checks and listeners to the timed events.
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      await page.waitForURL((url) => url.searchParams.get('country')?.toUpperCase() === country.code, { timeout: NAVIGATION_LIMIT_MS });
    },
    progress,
  );
  if (!(await checkbox.isChecked())) throw new Error(`clicking the ${country.name} checkbox did not check it`);
  const status = await waitForPageText(open, LIST_STATUS, (text) => COUNTED.test(text), `the list filtered by ${country.name}`);
  await settle(open.network, SETTLE, `the list filtered by ${country.name}`, progress);
  return { interaction, sample: { country: country.name, transfers: open.network.transfers().slice(before), status } };
}

/** Scrolls the list (or the page, when the list does not scroll by itself) to a fraction of its height. */
function scrollTo(at: number): string {
  return `(() => {
    const pane = document.querySelector('.list-pane');
    const scroller = pane !== null && pane.scrollHeight > pane.clientHeight + 1 ? pane : document.scrollingElement;
    scroller.scrollTop = ${at} * (scroller.scrollHeight - scroller.clientHeight);
    return String(scroller.scrollTop);
  })()`;
}

const COUNT_ELEMENTS = `JSON.stringify({
  elements: document.getElementsByTagName('*').length,
  rows: document.querySelectorAll('.entries > li').length,
  loading: document.querySelectorAll('.entries > li[data-loading]').length,
})`;

function parseCount(text: string): Omit<ScrollStop, 'at'> {
  const value: unknown = JSON.parse(text);
  const field = (name: string) => (typeof value === 'object' && value !== null && name in value ? Number((value as Record<string, unknown>)[name]) : Number.NaN);
  return { elements: field('elements'), rows: field('rows'), loading: field('loading') };
}

/** Loads the list, makes the reader's first move (the whole list takes over), then stops at each of SCROLL_STOPS. */
export async function scrollThroughList(browser: Browser, origin: string, progress: Progress): Promise<ScrollStop[]> {
  const { open } = await loadAndMeasure(browser, origin, '/', true, progress);
  try {
    await makeFirstMove(open, progress);
    await waitForPageText(open, `String(document.querySelector('.entries[data-virtual]') !== null)`, (text) => text === 'true', 'the whole list');
    const stops: ScrollStop[] = [];
    for (const at of SCROLL_STOPS) {
      await evaluateInPage(open.cdp, scrollTo(at));
      await settle(open.network, SETTLE_AFTER_INPUT, `the list at ${Math.round(at * 100)}%`, progress);
      // Rows whose entries are on their way are counted once they have arrived, if they do in time.
      const text = await waitForPageText(open, COUNT_ELEMENTS, (counted) => parseCount(counted).loading === 0, 'rows still loading', 15_000).catch(() => null);
      stops.push({ at, ...parseCount(text ?? String(await evaluateInPage(open.cdp, COUNT_ELEMENTS))) });
    }
    return stops;
  } finally {
    await open.context.close();
  }
}
