/**
 * What a reader gets on paper: a dispatch with where it lives, when, from whom and from where; a list
 * view as the list. Chromium shows the page as it prints (`emulateMedia`), on a desktop-wide window
 * and on one as narrow as an A4 page, where the phone layout's rules apply too.
 */
import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { archiveUrl, DESKTOP, hasBrowser, NORTH_KOREA, listedPaths, useBrowser } from './harness.ts';

const SOURCE = 'https://www.vietnamplus.vn/thuc-day-quan-he-viet-nam-trieu-tien-buoc-vao-giai-doan-phat-trien-moi-post1069215.vnp';
/** About the width of an A4 page's printable area in CSS pixels: narrower than the phone breakpoint. */
const PAPER: BrowserContextOptions = { viewport: { width: 700, height: 1000 } };
const WIDTHS: Array<[string, BrowserContextOptions]> = [['a desktop window', DESKTOP], ['a page as narrow as paper', PAPER]];

/** The text a pseudo-element adds, as Chromium computes it (attr() resolved). */
function generated(page: Page, selector: string, pseudo: '::before' | '::after'): Promise<string> {
  return page.locator(selector).first().evaluate((element, which) => getComputedStyle(element, which).content, pseudo);
}

describe.skipIf(!hasBrowser)('printing', () => {
  const open = useBrowser();

  for (const [where, options] of WIDTHS) {
    describe(`from ${where}`, () => {
      it('prints a dispatch with its address, date, agency and source, and none of the controls', async () => {
        const page = await open(NORTH_KOREA, options);
        await page.emulateMedia({ media: 'print' });
        const article = page.getByRole('article');
        expect(await article.getByRole('heading', { level: 1 }).isVisible()).toBe(true);
        expect(await page.getByRole('link', { name: 'Dispatch Reader' }).isVisible()).toBe(true);
        const meta = page.locator('.article-meta');
        expect(await meta.isVisible()).toBe(true);
        expect(await meta.innerText()).toMatch(/^9 October 2025 · VietnamPlus/);
        const address = article.getByText(NORTH_KOREA, { exact: true });
        expect(await address.isVisible()).toBe(true);
        expect(await generated(page, '.print-only', '::before')).toBe('"Online at "');
        const source = article.getByRole('link', { name: /Read the original/ });
        expect(await source.isVisible()).toBe(true);
        expect(await source.getAttribute('href')).toBe(SOURCE);
        expect(await generated(page, '.article-footer a', '::after')).toBe(`": ${SOURCE}"`);
        expect(await article.getByText('(TTXVN/Vietnam+)').isVisible()).toBe(true);
        for (const control of [
          page.getByRole('button', { name: 'Copy link' }),
          page.getByRole('button', { name: 'Keyboard shortcuts' }),
          page.getByRole('searchbox', { name: 'Search dispatches' }),
          page.getByRole('navigation', { name: 'Previous and next dispatch' }),
          page.getByRole('list', { name: 'Dispatches' }),
        ]) {
          expect(await control.isVisible()).toBe(false);
        }
      });

      it('prints the list view as the list, with its count, instead of the welcome text', async () => {
        const page = await open('/', options);
        await page.emulateMedia({ media: 'print' });
        const list = page.getByRole('list', { name: 'Dispatches' });
        expect(await list.isVisible()).toBe(true);
        const rows = list.getByRole('listitem');
        expect(await rows.count()).toBe(5);
        for (const row of await rows.all()) expect(await row.isVisible()).toBe(true);
        await page.getByText('5 dispatches', { exact: true }).waitFor();
        expect(await page.getByRole('heading', { name: "Dispatches on Việt Nam's foreign relations" }).isVisible()).toBe(false);
        expect(await page.getByRole('searchbox', { name: 'Search dispatches' }).isVisible()).toBe(false);
        // Whole rows on paper: a title is not cut to two lines, a snippet not to one.
        const clamped = await list.locator('.entry-link, .snippet').evaluateAll((elements) => elements.filter((element) => element.scrollHeight > element.clientHeight + 1).length);
        expect(clamped).toBe(0);
      });
    });
  }

  it('prints a filtered list as the dispatches it keeps', async () => {
    const page = await open('/?country=BG');
    await expect.poll(() => listedPaths(page)).toEqual(['/article/004_fddb412e61d3f82b']);
    await page.emulateMedia({ media: 'print' });
    await page.getByText('1 of 5 dispatches').waitFor();
    expect(await page.getByRole('list', { name: 'Dispatches' }).getByRole('link').isVisible()).toBe(true);
  });

  it('prints a long list as rows one after another, not as the screen places them', async () => {
    const page = await open('/', DESKTOP, [], archiveUrl);
    await page.locator('.list-pane').hover();
    await page.mouse.wheel(0, 3000);
    await page.locator('.entries[data-virtual]').waitFor();
    await expect.poll(() => page.locator('.entry[data-loading]').count()).toBe(0);
    await page.emulateMedia({ media: 'print' });
    const boxes = await page.locator('.entries > .entry').evaluateAll((rows) => rows.map((row) => row.getBoundingClientRect()).map(({ top, bottom }) => ({ top, bottom })));
    expect(boxes.length).toBeGreaterThan(5);
    for (const [index, box] of boxes.entries()) {
      const before = boxes[index - 1];
      if (before !== undefined) expect(box.top).toBeGreaterThanOrEqual(before.bottom - 1);
    }
    // No blank pages for the rows the screen had not rendered: the list is as tall as its rows.
    const list = await page.locator('.entries').evaluate((element) => element.getBoundingClientRect().height);
    const rows = boxes.reduce((sum, box) => sum + (box.bottom - box.top), 0);
    expect(list).toBeLessThan(rows + 50);
  });
});
