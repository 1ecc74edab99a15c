/**
 * The site under its own Content-Security-Policy, as a host sends it (the build's `_headers`) and as
 * every page carries it: every route and what a reader does there runs without one refusal, and
 * every response carries the safety headers.
 */
import type { Page, Response } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { archiveUrl, hasBrowser, NORTH_KOREA, useBrowser, waitForAddress } from './harness.ts';

const NOT_FOUND_STATUS = /status of 404/;

declare global {
  interface Window {
    refusals?: string[];
  }
}

/** Runs in the page before its own scripts: notes every refusal of the policy, with what was refused. */
function noteRefusals(): void {
  window.refusals = [];
  document.addEventListener('securitypolicyviolation', (event) => {
    window.refusals?.push(`${event.effectiveDirective}: ${event.blockedURI || 'inline'} ${event.sample}`.trim());
  });
}

interface Watched {
  page: Page;
  responses: Response[];
}

/** What the policy refused in the page so far. */
async function refusals(page: Page): Promise<string[]> {
  return page.evaluate(() => window.refusals ?? ['the refusal listener is missing']);
}

describe.skipIf(!hasBrowser)('the site under its own Content-Security-Policy', () => {
  const open = useBrowser();

  /**
   * Opens a page with the refusal listener in place from its first script on, noting every response
   * of the site's own origin. (The harness opens the page once; it is loaded again with the listener.)
   */
  async function openWatched(path: string, allow: RegExp[] = [], site?: string): Promise<Watched> {
    const page = await open(path, undefined, allow, site);
    const responses: Response[] = [];
    const origin = new URL(page.url()).origin;
    page.on('response', (response) => {
      if (new URL(response.url()).origin === origin) responses.push(response);
    });
    await page.addInitScript(noteRefusals);
    await page.reload();
    await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
    return { page, responses };
  }

  function expectSafetyHeaders(responses: Response[]): void {
    expect(responses.length).toBeGreaterThan(0);
    for (const response of responses) {
      const headers = response.headers();
      const where = `${response.status()} ${new URL(response.url()).pathname}`;
      expect(headers['x-content-type-options'], where).toBe('nosniff');
      expect(headers['referrer-policy'], where).toBe('strict-origin-when-cross-origin');
      expect(headers['x-frame-options'], where).toBe('DENY');
      const policy = headers['content-security-policy'] ?? '';
      expect(policy, where).toContain("frame-ancestors 'none'");
      expect(policy, where).toMatch(/script-src 'self' 'sha256-[\w+/]+=*'(;|$)/);
    }
  }

  it('shows the landing page, its facets and the keyboard help without a refusal', async () => {
    const { page, responses } = await openWatched('/');
    await page.locator('summary', { hasText: 'Country' }).click();
    await page.getByRole('checkbox', { name: /Bulgaria/ }).waitFor();
    await page.locator('summary', { hasText: 'Agency' }).click();
    await page.locator('summary', { hasText: 'Language' }).click();
    await page.getByRole('heading', { name: 'Dispatches per month' }).click();
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();
    expect(await refusals(page)).toEqual([]);
    expectSafetyHeaders(responses);
  });

  it('shows a dispatch and the next one (j) without a refusal', async () => {
    const { page, responses } = await openWatched(NORTH_KOREA);
    await page.locator('body').click({ position: { x: 900, y: 400 } });
    await page.keyboard.press('j');
    await waitForAddress(page, (url) => url.pathname !== NORTH_KOREA);
    await page.getByRole('article').getByRole('heading', { level: 1 }).waitFor();
    expect(await refusals(page)).toEqual([]);
    expectSafetyHeaders(responses);
    // The page's data is a script element that is never run: it needs nothing from the policy.
    expect(await page.locator('script#page-data').getAttribute('type')).toBe('application/json');
  });

  it('applies a filtered link, whose guard script runs before the first paint, without a refusal', async () => {
    const { page, responses } = await openWatched('/?country=KP');
    await expect.poll(() => page.getByRole('list', { name: 'Dispatches' }).getByRole('link').count()).toBe(1);
    expect(await refusals(page)).toEqual([]);
    expectSafetyHeaders(responses);
  });

  it('searches as a reader types, without a refusal', async () => {
    const { page, responses } = await openWatched('/');
    await page.keyboard.press('/');
    await page.keyboard.type('korea');
    await waitForAddress(page, '/?q=korea');
    await expect.poll(() => page.getByRole('list', { name: 'Dispatches' }).getByRole('link').count()).toBeGreaterThan(0);
    expect(await refusals(page)).toEqual([]);
    expectSafetyHeaders(responses);
  });

  it('says a page was not found without a refusal, and the 404 carries the headers too', async () => {
    const { page, responses } = await openWatched('/no/such/page', [NOT_FOUND_STATUS]);
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();
    expect(await refusals(page)).toEqual([]);
    expect(responses.some((response) => response.status() === 404)).toBe(true);
    expectSafetyHeaders(responses);
  });

  it('scrolls a long list, which places its rows from script, without a refusal', async () => {
    const { page, responses } = await openWatched('/', [], archiveUrl);
    await page.getByRole('list', { name: 'Dispatches' }).getByRole('link').first().hover();
    await page.mouse.wheel(0, 4000);
    await expect.poll(() => page.locator('.entries[data-virtual]').count()).toBe(1);
    await expect.poll(() => page.locator('.entry[data-loading]').count()).toBe(0);
    expect(await refusals(page)).toEqual([]);
    expectSafetyHeaders(responses);
  });

  it('refuses a script the build did not hash, so a quiet listener means something', async () => {
    const { page } = await openWatched('/', [/Content Security Policy/]);
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.ranInjected = true';
      document.body.append(script);
    });
    await expect.poll(async () => (await refusals(page)).length).toBeGreaterThan(0);
    for (const refusal of await refusals(page)) expect(refusal).toMatch(/^script-src-elem: inline/);
    expect(await page.evaluate(() => 'ranInjected' in window)).toBe(false);
  });
});
