/**
 * One Chromium per test file, a fresh page per test, and a watch on the console: any error or
 * uncaught exception (a hydration mismatch included) fails the test that caused it.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, inject } from 'vitest';
import { launchChromium } from '../../scripts/lib/chromium.ts';

export const chromePath = inject('chromePath');
export const baseUrl = inject('baseUrl');
export const hasBrowser = chromePath !== '';

export const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 3 };
export const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 800 } };

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

  /** `allow`: console messages this test expects, such as the 404 status of a not-found page. */
  return async function openPage(path: string, options: BrowserContextOptions = DESKTOP, allow: RegExp[] = []): Promise<Page> {
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
    await page.goto(baseUrl + path);
    if (options.javaScriptEnabled !== false) await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
    return page;
  };
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
  await page.addScriptTag({ content: readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8') });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: () => Promise<{ violations: Array<{ id: string; nodes: Array<{ target: unknown }> }> }> } }).axe;
    const result = await axe.run();
    return result.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => JSON.stringify(node.target)).join(', ')}`);
  });
  return violations;
}
