/**
 * A dispatch written to break the layout (archive-fixture.ts HOSTILE): a word of 10,000 letters must
 * wrap inside the article, the list and the pager, and a right-to-left override that nothing closes
 * must stay inside the string that holds it.
 */
import type { BrowserContextOptions, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { HOSTILE } from './archive-fixture.ts';
import { archiveUrl, DESKTOP, hasBrowser, PHONE, useBrowser } from './harness.ts';

const HOSTILE_PATH = `/article/${HOSTILE.id}`;

/**
 * The elements that are wider inside than they are: what a reader would scroll sideways to see. An
 * element not laid out at the moment (the app re-rendering it) counts as a problem, so that a poll
 * waits for it rather than passing on nothing.
 */
async function overflowing(page: Page, selector: string): Promise<string[]> {
  const found = await page.locator(selector).evaluateAll((elements) =>
    elements.length === 0
      ? ['nothing to measure']
      : elements
          .filter((element) => element.clientWidth === 0 || element.scrollWidth > element.clientWidth + 1)
          .map((element) => `${element.className || element.tagName}: ${element.scrollWidth} > ${element.clientWidth}`),
  );
  const extra = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  return extra > 0 ? [...found, `the page: ${extra}px too wide`] : found;
}

/** Whether `text`, in the element's text, reads left to right on screen: its first letter left of its last. */
function readsLeftToRight(element: Locator, text: string): Promise<boolean> {
  return element.evaluate((root, wanted) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(wanted) ?? -1;
      if (at < 0) continue;
      const first = document.createRange();
      first.setStart(node, at);
      first.setEnd(node, at + 1);
      const last = document.createRange();
      last.setStart(node, at + wanted.length - 1);
      last.setEnd(node, at + wanted.length);
      return first.getBoundingClientRect().left < last.getBoundingClientRect().left;
    }
    throw new Error(`no "${wanted}" in ${root.outerHTML.slice(0, 200)}`);
  }, text);
}

describe.skipIf(!hasBrowser)('a dispatch written to break the layout', () => {
  const openPage = useBrowser();
  const open = (path: string, options: BrowserContextOptions) => openPage(path, options, [], archiveUrl);

  /** Opens the dispatch listed just before the hostile one, whose pager links to it. */
  async function openNeighbour(options: BrowserContextOptions): Promise<Page> {
    const page = await open(HOSTILE_PATH, options);
    await page.keyboard.press('k');
    await expect.poll(() => new URL(page.url()).pathname).not.toBe(HOSTILE_PATH);
    await page.getByRole('link', { name: /Ruritania/ }).and(page.locator('[rel="next"]')).waitFor();
    return page;
  }

  for (const [device, options] of [['a desktop', DESKTOP], ['a phone', PHONE]] as const) {
    it(`wraps a word of 10,000 letters inside the article on ${device}`, async () => {
      const page = await open(HOSTILE_PATH, options);
      const body = page.locator('.article-body');
      expect(await body.innerText()).toContain(HOSTILE.longWord);
      await expect.poll(() => overflowing(page, '.reading-pane, .article, .article h1, .article-body, .article-body p')).toEqual([]);
      // Wrapped, not cut off: the word takes many lines.
      const word = body.locator('p', { hasText: 'Its banner carried' });
      expect(await word.evaluate((element) => element.getBoundingClientRect().height)).toBeGreaterThan(300);
    });

    it(`keeps a long title inside the pager of the dispatch next to it on ${device}`, async () => {
      const page = await openNeighbour(options);
      await expect.poll(() => overflowing(page, '.pager, .pager a, .article')).toEqual([]);
    });
  }

  it('keeps the rows of the list inside the list', async () => {
    const page = await open(HOSTILE_PATH, DESKTOP);
    const row = page.locator(`.entries [data-id="${HOSTILE.id}"]`);
    expect(await row.isVisible()).toBe(true);
    await expect.poll(() => overflowing(page, '.list-pane, .entries, .entry')).toEqual([]);
    await page.keyboard.press('Shift');
    await page.locator('.entries[data-virtual]').waitFor();
    await expect.poll(() => overflowing(page, '.list-pane, .entries, .entry')).toEqual([]);
  });

  it('keeps a right-to-left override in the title from turning the text after it around', async () => {
    const page = await openNeighbour(DESKTOP);
    const next = page.locator('.pager [rel="next"]');
    // Polled: the pager may be re-rendered, and for a moment not laid out, while the list loads.
    const arrowAfterTitle = () =>
      next.evaluate((link) => {
        const title = link.querySelector('bdi');
        const arrow = title?.nextSibling;
        if (!title || !arrow || arrow.nodeType !== Node.TEXT_NODE || !arrow.textContent?.endsWith('→')) throw new Error(`unexpected pager link: ${link.outerHTML.slice(0, 200)}`);
        const range = document.createRange();
        range.setStart(arrow, arrow.textContent.length - 1);
        range.setEnd(arrow, arrow.textContent.length);
        const arrowBox = range.getBoundingClientRect();
        const lines = title.getClientRects();
        const lastLine = lines[lines.length - 1];
        // After the title in reading order: further right on its last line, or on a line below.
        return lastLine !== undefined && (arrowBox.left >= lastLine.right - 1 || arrowBox.top >= lastLine.bottom - 1);
      });
    await expect.poll(arrowAfterTitle).toBe(true);
  });

  it('keeps a right-to-left override in the dateline from turning the agency and language around', async () => {
    const page = await open(HOSTILE_PATH, DESKTOP);
    const meta = page.locator('.article-meta');
    expect(await meta.innerText()).toContain(HOSTILE.agency);
    expect(await readsLeftToRight(meta, HOSTILE.agency)).toBe(true);
    expect(await readsLeftToRight(meta, 'English')).toBe(true);
    expect(await readsLeftToRight(meta, 'min read')).toBe(true);
  });
});
