/**
 * One Chromium per test file, a fresh page per test, and a watch on the console: any error or
 * uncaught exception (a hydration mismatch included) fails the test that caused it.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContextOptions, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, inject } from 'vitest';
import { launchChromium } from '../../scripts/lib/chromium.ts';

export const chromePath = inject('chromePath');
export const baseUrl = inject('baseUrl');
/** The site built from the generated archive of a few hundred dispatches (archive-fixture.ts). */
export const archiveUrl = inject('archiveUrl');
export const hasBrowser = chromePath !== '';

/** The seeds' articles, by what each is about, and the list they make, newest first. */
export const GERMANY = '/article/000_c1e9c1a179e0b2a5';
export const PUTIN = '/article/001_660d5ccee3f9ddf8';
export const AZERBAIJAN = '/article/002_ab79468c31c8404f';
export const NORTH_KOREA = '/article/003_de0e4ba2ab4b4e39';
export const BULGARIA = '/article/004_fddb412e61d3f82b';
export const NEWEST_FIRST = [AZERBAIJAN, GERMANY, BULGARIA, NORTH_KOREA, PUTIN];

export const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 3 };
export const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 800 } };
/** For a slow line played with page.route, which cannot see what the site's service worker answers. */
export const WITHOUT_WORKER: BrowserContextOptions = { ...DESKTOP, serviceWorkers: 'block' };
/** What Chromium logs when the service worker is blocked: pass it to `open` with WITHOUT_WORKER. */
export const WORKER_BLOCKED = /Service Worker registration blocked by Playwright/;

export function useBrowser() {
  let browser: Browser | null = null;
  let problems: string[] = [];
  const pages: Page[] = [];

  beforeAll(async () => {
    if (hasBrowser) browser = await launchChromium(chromePath);
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    for (const page of pages.splice(0)) await page.context().close();
    const seen = problems;
    problems = [];
    expect(seen, 'console errors and page errors').toEqual([]);
  });

  /**
   * `allow`: console messages this test expects, such as the 404 status of a not-found page.
   * `site`: the seeds' site unless told otherwise.
   */
  return async function openPage(path: string, options: BrowserContextOptions = DESKTOP, allow: RegExp[] = [], site: string = baseUrl): Promise<Page> {
    if (!browser) throw new Error('no browser');
    const context = await browser.newContext(options);
    const page = await context.newPage();
    pages.push(page);
    page.on('console', (message) => {
      const text = message.text();
      if ((message.type() === 'error' || message.type() === 'warning') && !allow.some((pattern) => pattern.test(text))) {
        problems.push(`${message.type()}: ${text}`);
      }
    });
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    await page.goto(site + path);
    if (options.javaScriptEnabled !== false) await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
    return page;
  };
}

/**
 * Waits until the address bar shows `target`: a path with its query ("/article/x?country=DE"), or a
 * test on the URL. The app changes the address with the history API, so this polls the address.
 */
export async function waitForAddress(page: Page, target: string | ((url: URL) => boolean)): Promise<void> {
  const matches = (address: string) => {
    const url = new URL(address);
    return typeof target === 'string' ? url.pathname + url.search === target : target(url);
  };
  await expect.poll(() => page.url(), { timeout: 10_000 }).toSatisfy(matches);
}

/** Types into a field as a person does: focus it, select what is there, then press the keys. */
export async function typeInto(page: Page, field: Locator, text: string): Promise<void> {
  await field.click();
  await page.keyboard.press('ControlOrMeta+A');
  if (text === '') await page.keyboard.press('Backspace');
  else await page.keyboard.type(text);
}

/** Clicks a date field where a person starts typing a date: its first part. */
export async function clickDateField(field: Locator): Promise<void> {
  await field.click({ position: { x: 12, y: 10 } });
}

/** Opens a facet of the filters ("Country") and ticks or unticks one of its choices with a click. */
export async function toggleChoice(page: Page, facet: string, choice: RegExp): Promise<void> {
  const details = page.locator('details.facet', { has: page.locator('summary', { hasText: facet }) });
  if (!(await details.evaluate((element) => (element as HTMLDetailsElement).open))) await details.locator('summary').click();
  await details.getByRole('checkbox', { name: choice }).click();
}

/** Paths of the links in the list, in order. */
export async function listedPaths(page: Page): Promise<string[]> {
  return page
    .getByRole('list', { name: 'Dispatches' })
    .getByRole('link')
    .evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname));
}

export function currentPath(page: Page): string {
  const url = new URL(page.url());
  return url.pathname + url.search;
}

/** Runs axe-core in the page and returns its violations, by rule and target. */
export async function axeViolations(page: Page): Promise<string[]> {
  const require = createRequire(import.meta.url);
  // Evaluated by the browser's tools, not added as an inline <script>: the site's policy refuses those.
  await page.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: () => Promise<{ violations: Array<{ id: string; nodes: Array<{ target: unknown }> }> }> } }).axe;
    const result = await axe.run();
    return result.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => JSON.stringify(node.target)).join(', ')}`);
  });
  return violations;
}
