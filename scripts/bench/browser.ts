/**
 * The browser half of the bench, for one built site: deep links and their raw text, the list page
 * with a search typed and a country ticked, each loaded in a fresh context under Lighthouse-like
 * mobile conditions (emulated-page.ts), and once a scroll through the whole list. Returns raw
 * samples; scripts/bench/report.ts judges them.
 */
import type { Browser } from 'playwright-core';
import { findChromium, launchChromium } from '../lib/chromium.ts';
import type { ChosenDispatch } from './archives.ts';
import { loadAndMeasure, KEY_EVENTS, measureInteraction, NAVIGATION_LIMIT_MS, type InteractionSample, type LoadSample, type OpenPage, type Progress } from './emulated-page.ts';
import { filterByCountry, scrollThroughList, typeSearch, type FilterSample, type ScrollStop, type SearchSample } from './list-flows.ts';
import { rawPath, serveSite } from './site-server.ts';

export interface DispatchSamples extends ChosenDispatch {
  page: LoadSample[];
  text: LoadSample[];
}

export interface BrowserBenchResult {
  chromium: string;
  runs: number;
  dispatches: DispatchSamples[];
  /** Every load of the list page (two a run: one for the search, one for the filter). */
  list: LoadSample[];
  search: SearchSample[];
  filter: FilterSample[];
  /** One scroll through the whole list. */
  scroll: ScrollStop[];
  interactions: { typing: InteractionSample[]; country: InteractionSample[]; nextArticle: InteractionSample[] };
}

export interface BrowserBenchOptions {
  siteDir: string;
  dispatches: ChosenDispatch[];
  runs: number;
  /** Typed into the search box a key at a time. */
  query: string;
  /** The country ticked in the filters, by its English name and code. */
  country: { name: string; code: string };
  progress: Progress;
}

/** `j` on an article opens the next dispatch in the list. */
async function pressNextArticle(open: OpenPage, progress: Progress): Promise<InteractionSample> {
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

async function measureDeepLink(browser: Browser, origin: string, dispatch: DispatchSamples, run: number, result: BrowserBenchResult, progress: Progress) {
  // Page and text alternate, and which goes first flips every run, so drift in the machine hits both alike.
  const order = run % 2 === 0 ? (['page', 'text'] as const) : (['text', 'page'] as const);
  for (const kind of order) {
    if (kind === 'text') {
      const { open, sample } = await loadAndMeasure(browser, origin, rawPath(dispatch.id), false, progress);
      dispatch.text.push(sample);
      await open.context.close();
    } else {
      const { open, sample } = await loadAndMeasure(browser, origin, `/article/${dispatch.id}`, true, progress);
      dispatch.page.push(sample);
      result.interactions.nextArticle.push(await pressNextArticle(open, progress));
      await open.context.close();
    }
  }
}

export async function runBrowserBench({ siteDir, dispatches, runs, query, country, progress }: BrowserBenchOptions): Promise<BrowserBenchResult> {
  const executable = findChromium();
  if (executable === null) throw new Error('no Chromium found: install Debian\'s chromium package or set CHROME_PATH');
  const server = await serveSite(siteDir, new Map(dispatches.map(({ id, textFile }) => [id, textFile])));
  const browser = await launchChromium(executable);
  const result: BrowserBenchResult = {
    chromium: browser.version(),
    runs,
    dispatches: dispatches.map((dispatch) => ({ ...dispatch, page: [], text: [] })),
    list: [],
    search: [],
    filter: [],
    scroll: [],
    interactions: { typing: [], country: [], nextArticle: [] },
  };
  try {
    for (let run = 0; run < runs; run += 1) {
      progress(`  browser run ${run + 1}/${runs}`);
      for (const dispatch of result.dispatches) await measureDeepLink(browser, server.origin, dispatch, run, result, progress);

      const searched = await loadAndMeasure(browser, server.origin, '/', true, progress);
      result.list.push(searched.sample);
      const search = await typeSearch(searched.open, query, progress);
      result.interactions.typing.push(search.interaction);
      result.search.push(search.sample);
      await searched.open.context.close();

      const filtered = await loadAndMeasure(browser, server.origin, '/', true, progress);
      result.list.push(filtered.sample);
      const filter = await filterByCountry(filtered.open, country, progress);
      result.interactions.country.push(filter.interaction);
      result.filter.push(filter.sample);
      await filtered.open.context.close();
    }
    progress('  a scroll through the whole list');
    result.scroll = await scrollThroughList(browser, server.origin, progress);
    return result;
  } finally {
    await browser.close();
    await server.close();
  }
}
