/**
 * The reader at scale, on a generated archive of a few hundred dispatches: a list longer than its
 * first screen, rows fetched as the reader scrolls, j walking past the first screen, a deep link to
 * the oldest dispatch, a word found in the one dispatch that has it, and counts that are true.
 */
import { describe, expect, it } from 'vitest';
import { readBuiltList } from '../../src/site/data-files.ts';
import { ARCHIVE_DIST_DIR, ARCHIVE_SIZE, PLANTED } from './archive-fixture.ts';
import { archiveUrl, hasBrowser, listedPaths, typeInto, useBrowser, waitForAddress } from './harness.ts';

describe.skipIf(!hasBrowser)(`an archive of ${ARCHIVE_SIZE} dispatches in Chromium`, () => {
  const openPage = useBrowser();
  const open = (path: string) => openPage(path, undefined, [], archiveUrl);

  it('renders only the rows near the screen, and more as the list scrolls', async () => {
    const { entries } = await readBuiltList(ARCHIVE_DIST_DIR);
    expect(entries).toHaveLength(ARCHIVE_SIZE);
    const page = await open('/');
    const pane = page.locator('.list-pane');
    await pane.hover();
    await page.mouse.wheel(0, 400);
    await page.locator('.entries[data-virtual]').waitFor();
    // Far down the list: the rows there arrive, and the list stays small in the DOM.
    await pane.evaluate((element) => element.scrollBy(0, 12_000));
    const positionOf = (path: string) => entries.findIndex((entry) => `/article/${entry.id}` === path);
    await expect.poll(async () => Math.min(...(await listedPaths(page)).map(positionOf))).toBeGreaterThan(60);
    expect((await listedPaths(page)).length).toBeLessThan(60);
    expect(await page.evaluate(() => document.querySelectorAll('.entries *').length)).toBeLessThan(1500);
  });

  it('walks past the first screen with j, into rows that were never on the page', async () => {
    const { entries } = await readBuiltList(ARCHIVE_DIST_DIR);
    const start = entries[6];
    if (start === undefined) throw new Error('too few entries');
    const page = await open(`/article/${start.id}`);
    for (let step = 1; step <= 8; step += 1) {
      await page.keyboard.press('j');
      const expected = entries[6 + step];
      await expect.poll(() => new URL(page.url()).pathname).toBe(`/article/${expected?.id}`);
    }
    await page.getByRole('heading', { level: 1, name: entries[14]?.title }).waitFor();
  });

  it('opens a deep link to the oldest dispatch beside its place in the list', async () => {
    const { summary, entries } = await readBuiltList(ARCHIVE_DIST_DIR);
    const undated = summary.periods.find((period) => period.key === '')?.count ?? 0;
    const oldest = entries[entries.length - 1 - undated];
    if (oldest === undefined) throw new Error('no dated entry');
    const page = await open(`/article/${oldest.id}`);
    await page.getByRole('heading', { level: 1, name: oldest.title }).waitFor();
    const row = page.locator(`.entries [data-id="${oldest.id}"]`);
    expect(await row.getAttribute('data-current')).toBe('true');
    // Once the reader moves, the whole list takes over and the row keeps its place beside the article.
    await page.keyboard.press('Shift');
    await page.locator('.entries[data-virtual]').waitFor();
    await expect.poll(() => row.evaluate((element) => {
      const box = element.getBoundingClientRect();
      return box.top >= 0 && box.bottom <= window.innerHeight;
    })).toBe(true);
    expect(await row.getAttribute('aria-posinset')).toBe(String(entries.length - undated));
  });

  it('finds a word planted in exactly one dispatch', async () => {
    const page = await open('/');
    await typeInto(page, page.getByRole('searchbox', { name: 'Search dispatches' }), PLANTED.word.toLowerCase());
    await page.getByText(`1 of ${ARCHIVE_SIZE} dispatches`).waitFor();
    await expect.poll(async () => (await listedPaths(page)).length).toBe(1);
    await page.getByRole('list', { name: 'Dispatches' }).getByRole('link').click();
    await page.getByText(PLANTED.sentence).waitFor();
    expect(await page.locator('.article-body mark').first().textContent()).toBe(PLANTED.word);
  });

  it('states the true number of dispatches a country filter keeps', async () => {
    const { entries } = await readBuiltList(ARCHIVE_DIST_DIR);
    const expected = entries.filter((entry) => entry.countries.includes('JP')).length;
    expect(expected).toBeGreaterThan(0);
    const page = await open('/');
    await page.locator('summary', { hasText: 'Country' }).click();
    // More countries than the list shows at once: the reader narrows it down by typing.
    await typeInto(page, page.getByRole('searchbox', { name: 'Find a country' }), 'jap');
    await page.getByRole('checkbox', { name: /^Japan/ }).click();
    await waitForAddress(page, '/?country=JP');
    await page.getByText(`${expected} of ${ARCHIVE_SIZE} dispatches`).waitFor();
    const shown = await listedPaths(page);
    expect(shown.every((path) => entries.find((entry) => `/article/${entry.id}` === path)?.countries.includes('JP'))).toBe(true);
  });
});
