/**
 * The built site in real Chromium, through real URLs, the way readers use it.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  AZERBAIJAN, axeViolations, BULGARIA, clickDateField, currentPath, GERMANY, hasBrowser, listedPaths, NEWEST_FIRST, NORTH_KOREA, PHONE, PUTIN,
  toggleChoice, typeInto, useBrowser, waitForAddress, WITHOUT_WORKER, WORKER_BLOCKED,
} from './harness.ts';

/** A static host answers an unknown address with the 404 page and status 404, which Chromium logs. */
const NOT_FOUND_STATUS = /status of 404/;
const NORWEGIAN_TITLE = 'Fremme forholdet mellom Vietnam og Nord-Korea for å gå inn i en ny utviklingsfase';

/** Opens the oldest dispatch from the list, pages to the one before it with k, then goes back to the list. */
async function readLastThenPreviousThenGoBack(page: Page): Promise<void> {
  await page.getByRole('list', { name: 'Dispatches' }).getByRole('link').last().click();
  await waitForAddress(page, PUTIN);
  await page.keyboard.press('k');
  await waitForAddress(page, NORTH_KOREA);
  await page.getByRole('link', { name: '← All dispatches' }).click();
  await waitForAddress(page, (url) => url.pathname === '/');
}

/** The article path of the list entry that holds the focus, if one does. */
function focusedEntry(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const id = document.activeElement?.closest('[data-id]')?.getAttribute('data-id');
    return id === undefined || id === null ? null : `/article/${id}`;
  });
}

describe.skipIf(!hasBrowser)('the reader in Chromium', () => {
  const open = useBrowser();

  it('loads a deep link directly and shows that dispatch, hydrated and titled', async () => {
    const page = await open(NORTH_KOREA);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(NORWEGIAN_TITLE);
    expect(await page.title()).toBe(`${NORWEGIAN_TITLE} · Dispatch Reader`);
    expect(await page.getByRole('heading', { level: 1 }).getAttribute('lang')).toBe('nb');
    expect(await page.getByRole('article').textContent()).toContain('Kim Jong-un');
    // Hydrated: the app, not the browser, follows a link, so the page is not reloaded.
    await page.evaluate(() => Object.assign(window, { samePage: true }));
    await page.getByRole('link', { name: /→$/ }).click();
    await waitForAddress(page, (url) => url.pathname === PUTIN);
    expect(await page.evaluate(() => 'samePage' in window)).toBe(true);
  });

  it('filters by country and by date through the controls, changing the URL and the list', async () => {
    const page = await open('/');
    expect(await listedPaths(page)).toEqual(NEWEST_FIRST);
    await toggleChoice(page, 'Country', /Bulgaria/);
    await waitForAddress(page, '/?country=BG');
    await expect.poll(() => listedPaths(page)).toEqual([BULGARIA]);
    await toggleChoice(page, 'Country', /Bulgaria/);
    await waitForAddress(page, (url) => url.search === '');
    await clickDateField(page.getByLabel('From'));
    await page.keyboard.type('01012026');
    await waitForAddress(page, '/?from=2026-01-01');
    await expect.poll(() => listedPaths(page)).toEqual([AZERBAIJAN, GERMANY]);
    expect(await page.getByText('1 undated dispatch is hidden by the date range.').isVisible()).toBe(true);
  });

  it('takes a date typed digit by digit, and an edit of one part of it', async () => {
    const page = await open('/');
    const from = page.getByLabel('From');
    await clickDateField(from);
    await page.keyboard.type('10242025');
    await waitForAddress(page, '/?from=2025-10-24');
    expect(await from.inputValue()).toBe('2025-10-24');
    await expect.poll(() => listedPaths(page)).toEqual([AZERBAIJAN, GERMANY, BULGARIA]);
    // Back to the day and type another one: the filter follows, and never empties on the way.
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.type('09');
    await waitForAddress(page, '/?from=2025-10-09');
    await expect.poll(() => listedPaths(page)).toEqual([AZERBAIJAN, GERMANY, BULGARIA, NORTH_KOREA]);
    // The field moves on to the year by itself. Typing a new year passes through 0002, 0020 and
    // 0202: the filter waits for the whole year.
    await page.keyboard.type('2026');
    await waitForAddress(page, '/?from=2026-10-09');
    expect(await from.inputValue()).toBe('2026-10-09');
  });

  it('keeps the digits of a date typed before the filters have taken over the page', async () => {
    // On a slow line the filters' code arrives after the reader has begun to type; taking over the
    // field then must not wipe what it holds (a month typed halfway has no value to read back).
    const page = await open('/', WITHOUT_WORKER, [WORKER_BLOCKED]);
    await page.route(/\/assets\/FilterRow-[^/]*\.js$/, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      await route.continue();
    });
    const arrived = page.waitForResponse(/\/assets\/FilterRow-/);
    const from = page.getByLabel('From');
    await clickDateField(from);
    await page.keyboard.type('1024');
    await arrived;
    await page.keyboard.type('2025');
    await waitForAddress(page, '/?from=2025-10-24');
    expect(await from.inputValue()).toBe('2025-10-24');
  });

  it('walks back and forward through what the reader did', async () => {
    const page = await open('/');
    await toggleChoice(page, 'Country', /Germany/);
    await waitForAddress(page, '/?country=DE');
    await expect.poll(() => listedPaths(page)).toEqual([GERMANY]);
    await page.getByRole('list', { name: 'Dispatches' }).getByRole('link').click();
    await waitForAddress(page, `${GERMANY}?country=DE`);
    await page.goBack();
    await waitForAddress(page, '/?country=DE');
    await expect.poll(() => page.getByRole('article').count()).toBe(0);
    await page.goBack();
    await expect.poll(() => currentPath(page)).toBe('/');
    await expect.poll(() => listedPaths(page)).toEqual(NEWEST_FIRST);
    await page.goForward();
    await waitForAddress(page, '/?country=DE');
    await expect.poll(() => listedPaths(page)).toEqual([GERMANY]);
    expect(await page.locator('summary', { hasText: 'Country' }).textContent()).toBe('Country · 1');
  });

  it('finds the same dispatches with and without diacritics, however Hà Nội is spelled', async () => {
    const page = await open('/');
    const box = page.getByRole('searchbox', { name: 'Search dispatches' });
    const found = [AZERBAIJAN, BULGARIA, NORTH_KOREA].sort();
    await typeInto(page, box, 'Tô Lâm');
    await expect.poll(async () => (await listedPaths(page)).sort()).toEqual(found);
    await typeInto(page, box, 'to lam');
    await waitForAddress(page, '/?q=to+lam');
    await expect.poll(async () => (await listedPaths(page)).sort()).toEqual(found);
    expect(await page.locator('.entries mark').first().textContent()).toMatch(/^T[oô]$/);
    for (const spelling of ['hanoi', 'ha noi', 'HÀ NỘI']) {
      await typeInto(page, box, spelling);
      await expect.poll(async () => (await listedPaths(page)).sort()).toEqual([AZERBAIJAN, PUTIN].sort());
    }
  });

  it('opens the next and previous dispatch with j and k, and leaves the keys alone while typing', async () => {
    const page = await open(GERMANY);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.keyboard.press('j');
    await waitForAddress(page, BULGARIA);
    await page.keyboard.press('j');
    await waitForAddress(page, NORTH_KOREA);
    await page.keyboard.press('k');
    await waitForAddress(page, BULGARIA);
    await page.keyboard.press('/');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('search');
    await page.keyboard.type('jk');
    await waitForAddress(page, (url) => url.search === '?q=jk');
    expect(new URL(page.url()).pathname).toBe(BULGARIA);
    // Esc leaves the box, keeping what was typed; the keys work again.
    await page.keyboard.press('Escape');
    expect(await page.getByRole('searchbox').inputValue()).toBe('jk');
    expect(currentPath(page)).toBe(`${BULGARIA}?q=jk`);
    await typeInto(page, page.getByRole('searchbox'), '');
    await page.keyboard.press('Escape');
    await page.keyboard.press('k');
    await waitForAddress(page, GERMANY);
  });

  it('lets the single-key shortcuts be switched off, and remembers that', async () => {
    const page = await open(GERMANY);
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await dialog.waitFor();
    await dialog.getByRole('checkbox', { name: /single-key shortcuts/ }).click();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await page.reload();
    await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
    await page.keyboard.press('j');
    await page.waitForTimeout(200);
    expect(new URL(page.url()).pathname).toBe(GERMANY);
  });

  it('shows one pane at a time on a phone, and the way back keeps the filters and the scroll position', async () => {
    const page = await open('/?country=VN', PHONE);
    const list = page.getByRole('list', { name: 'Dispatches' });
    expect(await list.isVisible()).toBe(true);
    await page.evaluate(() => window.scrollTo(0, 600));
    const scrolled = await page.evaluate(() => window.scrollY);
    expect(scrolled).toBeGreaterThan(100);
    await list.getByRole('link').last().click();
    await waitForAddress(page, `${PUTIN}?country=VN`);
    await expect.poll(() => list.isVisible()).toBe(false);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).isVisible()).toBe(true);
    await page.getByRole('link', { name: '← All dispatches' }).click();
    await waitForAddress(page, '/?country=VN');
    await expect.poll(() => list.isVisible()).toBe(true);
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(scrolled);
  });

  it('on a phone, the way back after paging with k still shows the entry being read', async () => {
    const page = await open('/', PHONE);
    await readLastThenPreviousThenGoBack(page);
    const entry = page.locator(`[data-id="${NORTH_KOREA.replace('/article/', '')}"]`);
    await expect.poll(() => entry.evaluate((element) => {
      const box = element.getBoundingClientRect();
      return box.bottom > 0 && box.top < window.innerHeight;
    })).toBe(true);
    await expect.poll(() => focusedEntry(page)).toBe(NORTH_KOREA);
  });

  it('on a phone with a slow line, the entry being read gets the focus back even when the list’s code comes last', async () => {
    // The rows' code arrives after the reader is back on the list, with the focus on a prerendered
    // row: the rows are drawn anew around it, and the entry must take the focus back.
    const page = await open('/', { ...PHONE, serviceWorkers: 'block' }, [WORKER_BLOCKED]);
    await page.route(/\/assets\/ListRows-[^/]*\.js$/, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      await route.continue();
    });
    const arrived = page.waitForResponse(/\/assets\/ListRows-/);
    await readLastThenPreviousThenGoBack(page);
    await arrived;
    await expect.poll(() => page.evaluate(() => document.querySelector('.entries[data-virtual]') !== null)).toBe(true);
    await expect.poll(() => focusedEntry(page)).toBe(NORTH_KOREA);
  });

  it('on a phone, Esc leaves the search box first, then closes the article', async () => {
    const page = await open('/', PHONE);
    await page.getByRole('list', { name: 'Dispatches' }).getByRole('link').first().click();
    await waitForAddress(page, AZERBAIJAN);
    // "/" on a phone brings the list, with its search box, into view.
    await page.keyboard.press('/');
    await waitForAddress(page, (url) => url.pathname === '/');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('search');
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => document.activeElement?.id)).not.toBe('search');
    await page.goBack();
    await waitForAddress(page, AZERBAIJAN);
    await page.keyboard.press('Escape');
    await waitForAddress(page, (url) => url.pathname === '/');
    await expect.poll(() => page.getByRole('list', { name: 'Dispatches' }).isVisible()).toBe(true);
  });

  it('on a phone, "/" pressed the moment an entry is tapped brings back the list with the search box', async () => {
    const page = await open('/', PHONE);
    // A slow phone: the screen catches up with the address a frame after the tap, and the key comes first.
    await (await page.context().newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: 6 });
    await page.getByRole('list', { name: 'Dispatches' }).getByRole('link').first().click();
    await page.keyboard.press('/');
    await waitForAddress(page, (url) => url.pathname === '/');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('search');
    await expect.poll(() => page.getByRole('searchbox').isVisible()).toBe(true);
  });

  it('applies the filters of a shared link without shifting the layout', async () => {
    const page = await open(`${GERMANY}?country=de&q=linke`);
    expect(await listedPaths(page)).toEqual([GERMANY]);
    const shift = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          let total = 0;
          new PerformanceObserver((entries) => {
            for (const entry of entries.getEntries() as Array<PerformanceEntry & { value: number }>) total += entry.value;
          }).observe({ type: 'layout-shift', buffered: true });
          setTimeout(() => resolve(total), 300);
        }),
    );
    expect(shift).toBe(0);
  });

  it('says a dispatch was not found, with a way back to the list', async () => {
    const page = await open('/article/not-a-dispatch', undefined, [NOT_FOUND_STATUS]);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Dispatch not found');
    await page.getByRole('link', { name: 'Back to all dispatches' }).click();
    await waitForAddress(page, (url) => url.pathname === '/');
    await expect.poll(() => listedPaths(page)).toEqual(NEWEST_FIRST);
  });

  it('treats an XSS attempt in the query as text', async () => {
    const attack = '"><img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';
    const page = await open(`/?q=${encodeURIComponent(attack)}&country=${encodeURIComponent('<script>window.__pwned=1</script>')}`);
    await page.getByText('No dispatches match').waitFor();
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('#root img').count()).toBe(0);
    expect(await page.getByRole('searchbox').inputValue()).toBe(attack);
  });

  it('shows the article to a reader without JavaScript', async () => {
    const page = await open(BULGARIA, { javaScriptEnabled: false });
    expect(await page.getByRole('heading', { level: 1 }).isVisible()).toBe(true);
    expect(await page.getByRole('article').textContent()).toContain('Atanas Zafirov');
    expect(await listedPaths(page)).toEqual(NEWEST_FIRST);
  });

  describe('has no accessibility violations (axe-core)', () => {
    for (const [name, path, options] of [
      ['on the list', '/', undefined],
      ['on an article', NORTH_KOREA, undefined],
      ['on the not-found view', '/article/nope', undefined],
      ['on a phone, list and article', `${PUTIN}?q=putin`, PHONE],
    ] as const) {
      it(name, async () => {
        const page = await open(path, options, [NOT_FOUND_STATUS]);
        await page.getByRole('heading', { level: 1 }).waitFor();
        expect(await axeViolations(page)).toEqual([]);
      });
    }

    it('in dark mode', async () => {
      const page = await open(NORTH_KOREA, { colorScheme: 'dark' });
      await page.getByRole('heading', { level: 1 }).waitFor();
      expect(await axeViolations(page)).toEqual([]);
    });
  });
});
