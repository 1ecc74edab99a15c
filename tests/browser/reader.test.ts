/**
 * The built site in real Chromium, through real URLs, the way readers use it.
 */
import { describe, expect, it } from 'vitest';
import { axeViolations, currentPath, hasBrowser, listedPaths, PHONE, useBrowser } from './harness.ts';

const GERMANY = '/article/000_c1e9c1a179e0b2a5';
const PUTIN = '/article/001_660d5ccee3f9ddf8';
const AZERBAIJAN = '/article/002_ab79468c31c8404f';
const NORTH_KOREA = '/article/003_de0e4ba2ab4b4e39';
const BULGARIA = '/article/004_fddb412e61d3f82b';
const NEWEST_FIRST = [AZERBAIJAN, GERMANY, BULGARIA, NORTH_KOREA, PUTIN];
/** A static host answers an unknown address with the 404 page and status 404, which Chromium logs. */
const NOT_FOUND_STATUS = /status of 404/;
const NORWEGIAN_TITLE = 'Fremme forholdet mellom Vietnam og Nord-Korea for å gå inn i en ny utviklingsfase';

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
    await page.waitForURL((url) => url.pathname === PUTIN);
    expect(await page.evaluate(() => 'samePage' in window)).toBe(true);
  });

  it('filters by country and by date through the controls, changing the URL and the list', async () => {
    const page = await open('/');
    expect(await listedPaths(page)).toEqual(NEWEST_FIRST);
    await page.getByRole('checkbox', { name: /Bulgaria/ }).check();
    await page.waitForURL('**/?country=BG');
    await expect.poll(() => listedPaths(page)).toEqual([BULGARIA]);
    await page.getByRole('checkbox', { name: /Bulgaria/ }).uncheck();
    await page.getByLabel('From').fill('2026-01-01');
    await page.waitForURL('**/?from=2026-01-01');
    await expect.poll(() => listedPaths(page)).toEqual([AZERBAIJAN, GERMANY]);
    expect(await page.getByText('1 undated dispatch is hidden by the date range.').isVisible()).toBe(true);
  });

  it('walks back and forward through what the reader did', async () => {
    const page = await open('/');
    await page.getByRole('checkbox', { name: /Germany/ }).check();
    await page.waitForURL('**/?country=DE');
    await page.getByRole('list', { name: 'Dispatches' }).getByRole('link').click();
    await page.waitForURL(`**${GERMANY}?country=DE`);
    await page.goBack();
    await page.waitForURL('**/?country=DE');
    await expect.poll(() => page.getByRole('article').count()).toBe(0);
    await page.goBack();
    await expect.poll(() => currentPath(page)).toBe('/');
    await expect.poll(() => listedPaths(page)).toEqual(NEWEST_FIRST);
    await page.goForward();
    await page.waitForURL('**/?country=DE');
    await expect.poll(() => listedPaths(page)).toEqual([GERMANY]);
    expect(await page.getByRole('checkbox', { name: /Germany/ }).isChecked()).toBe(true);
  });

  it('finds the same dispatches with and without diacritics', async () => {
    const page = await open('/');
    const box = page.getByRole('searchbox', { name: 'Search dispatches' });
    const found = [AZERBAIJAN, BULGARIA, NORTH_KOREA].sort();
    await box.fill('Tô Lâm');
    await expect.poll(async () => (await listedPaths(page)).sort()).toEqual(found);
    await box.fill('to lam');
    await page.waitForURL('**/?q=to+lam');
    await expect.poll(async () => (await listedPaths(page)).sort()).toEqual(found);
    expect(await page.locator('.entries mark').first().textContent()).toMatch(/^T[oô]$/);
  });

  it('opens the next and previous dispatch with j and k, and leaves the keys alone while typing', async () => {
    const page = await open(GERMANY);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.keyboard.press('j');
    await page.waitForURL(`**${BULGARIA}`);
    await page.keyboard.press('j');
    await page.waitForURL(`**${NORTH_KOREA}`);
    await page.keyboard.press('k');
    await page.waitForURL(`**${BULGARIA}`);
    await page.keyboard.press('/');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('search');
    await page.keyboard.type('jk');
    await page.waitForURL(/q=jk/);
    expect(new URL(page.url()).pathname).toBe(BULGARIA);
    // Esc leaves the box, keeping what was typed; the keys work again.
    await page.keyboard.press('Escape');
    expect(await page.getByRole('searchbox').inputValue()).toBe('jk');
    expect(currentPath(page)).toBe(`${BULGARIA}?q=jk`);
    await page.getByRole('searchbox').fill('');
    await page.keyboard.press('Escape');
    await page.keyboard.press('k');
    await page.waitForURL(`**${GERMANY}`);
  });

  it('lets the single-key shortcuts be switched off, and remembers that', async () => {
    const page = await open(GERMANY);
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await dialog.waitFor();
    await dialog.getByRole('checkbox', { name: /single-key shortcuts/ }).uncheck();
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
    await page.waitForURL(`**${PUTIN}?country=VN`);
    await expect.poll(() => list.isVisible()).toBe(false);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).isVisible()).toBe(true);
    await page.getByRole('link', { name: '← All dispatches' }).click();
    await page.waitForURL('**/?country=VN');
    await expect.poll(() => list.isVisible()).toBe(true);
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(scrolled);
  });

  it('on a phone, the way back after paging with k still shows the entry being read', async () => {
    const page = await open('/', PHONE);
    await page.getByRole('list', { name: 'Dispatches' }).getByRole('link').last().click();
    await page.waitForURL(`**${PUTIN}`);
    await page.keyboard.press('k');
    await page.waitForURL(`**${NORTH_KOREA}`);
    await page.getByRole('link', { name: '← All dispatches' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    const entry = page.locator(`[data-id="${NORTH_KOREA.replace('/article/', '')}"]`);
    await expect.poll(() => entry.evaluate((element) => {
      const box = element.getBoundingClientRect();
      return box.bottom > 0 && box.top < window.innerHeight;
    })).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.closest('[data-id]')?.getAttribute('data-id'))).toBe('003_de0e4ba2ab4b4e39');
  });

  it('on a phone, Esc leaves the search box first, then closes the article', async () => {
    const page = await open('/', PHONE);
    await page.getByRole('list', { name: 'Dispatches' }).getByRole('link').first().click();
    await page.waitForURL(`**${AZERBAIJAN}`);
    // "/" on a phone brings the list, with its search box, into view.
    await page.keyboard.press('/');
    await page.waitForURL((url) => url.pathname === '/');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('search');
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => document.activeElement?.id)).not.toBe('search');
    await page.goBack();
    await page.waitForURL(`**${AZERBAIJAN}`);
    await page.keyboard.press('Escape');
    await page.waitForURL((url) => url.pathname === '/');
    await expect.poll(() => page.getByRole('list', { name: 'Dispatches' }).isVisible()).toBe(true);
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
    await page.waitForURL((url) => url.pathname === '/');
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
