/**
 * Reading offline, in Chromium with its network switched off: a dispatch the reader opened reloads
 * and reads in full, an address not kept shows the offline page, search works on what was fetched
 * and says so when it needs what was not, Save keeps a dispatch on the device, and a new build
 * replaces every cache of the one before. Each test gets a fresh browser context, so a fresh worker.
 */
import { cp, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { dataFiles } from '../../src/core/data-paths.ts';
import { shardOf, type SearchDirectory } from '../../src/core/search-index-format.ts';
import type { ArchiveSummary, ListEntry } from '../../src/core/site-data.ts';
import { readBuiltList, readDataFile } from '../../src/site/data-files.ts';
import { DIST_DIR } from '../../src/site/paths.ts';
import { serveStatic } from '../../src/site/static-files.ts';
import { ARCHIVE_DIST_DIR, ARCHIVE_SIZE, PLANTED } from './archive-fixture.ts';
import { archiveUrl, axeViolations, DESKTOP, hasBrowser, typeInto, useBrowser } from './harness.ts';

/** What Chromium logs while offline: the worker's "not saved" answers (503) and refused requests. */
const OFFLINE_NOISE = [/status of 503/, /ERR_INTERNET_DISCONNECTED/];

/** A copy of the seeds' site on a server of its own, so a test can deploy a "new build" to it. */
interface OwnSite {
  url: string;
  dir: string;
  server: Server;
}

async function serveCopyOfSite(): Promise<OwnSite> {
  const dir = await mkdtemp(join(tmpdir(), 'dispatch-offline-'));
  await cp(DIST_DIR, dir, { recursive: true });
  const server = createServer(serveStatic(dir));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, dir, server };
}

async function closeSite(site: OwnSite): Promise<void> {
  await new Promise<void>((resolve) => site.server.close(() => resolve()));
  await rm(site.dir, { recursive: true, force: true });
}

async function readJson<T>(file: string): Promise<T> {
  return JSON.parse(await readFile(file, 'utf8')) as T;
}

/** The site's dispatches, newest first, from its own data files. */
async function newestEntries(dir: string): Promise<ListEntry[]> {
  return (await readBuiltList(dir)).entries;
}

/** Waits until the worker has installed (so the page is cached) and controls the page. */
async function waitForWorker(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20_000 });
}

/**
 * The names of the origin's caches. A test that waits for caches to go must poll these alone: opening
 * a cache it has just listed would bring it back if the worker removed it in between.
 */
async function cacheNames(page: Page): Promise<string[]> {
  return page.evaluate(async () => (await caches.keys()).sort());
}

async function cacheContents(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(async () => {
    const contents: Record<string, string[]> = {};
    for (const name of await caches.keys()) contents[name] = (await (await caches.open(name)).keys()).map((request) => new URL(request.url).pathname);
    return contents;
  });
}

/** Presses the article's Save button and waits for what it says it did. */
async function pressSave(page: Page, expected: RegExp): Promise<void> {
  await page.getByRole('group', { name: 'Tools' }).getByRole('button', { name: 'Save' }).click();
  await page.locator('.tool-status', { hasText: expected }).waitFor();
}

const KEPT = /^Saved on this device/;

async function articleText(page: Page): Promise<string> {
  return page.locator('.article-body').innerText();
}

describe('the service worker on the host', () => {
  let site: OwnSite | undefined;
  afterAll(async () => {
    site?.server.close();
    if (site) await rm(site.dir, { recursive: true, force: true });
  });

  it('is served from the site root as JavaScript that browsers always ask for again', async () => {
    site = await serveCopyOfSite();
    const response = await fetch(`${site.url}/sw.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(response.headers.get('cache-control')).toBe('no-cache');
  });
});

describe.skipIf(!hasBrowser)('reading offline in Chromium', () => {
  const openPage = useBrowser();
  let site: OwnSite;
  let entries: ListEntry[];

  beforeAll(async () => {
    site = await serveCopyOfSite();
    entries = await newestEntries(site.dir);
  });
  afterAll(async () => {
    site.server.close();
    await rm(site.dir, { recursive: true, force: true });
  });

  const open = (path: string, options = DESKTOP) => openPage(path, options, OFFLINE_NOISE, site.url);

  it('reloads a dispatch the reader opened, and reads it in full, with the network off', async () => {
    const opened = entries[0];
    if (opened === undefined) throw new Error('the seeds have no dispatch');
    const page = await open(`/article/${opened.id}`);
    await waitForWorker(page);
    const online = await articleText(page);
    expect(online.length).toBeGreaterThan(200);

    await page.context().setOffline(true);
    await page.reload();
    await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
    await page.getByRole('heading', { level: 1, name: opened.title }).waitFor();
    expect(await articleText(page)).toBe(online);
  });

  it('shows the offline page for an address it does not hold, with the way back to what it holds', async () => {
    const opened = entries[0];
    const notOpened = entries.at(-1);
    if (opened === undefined || notOpened === undefined || opened === notOpened) throw new Error('the seeds need two dispatches');
    const page = await open(`/article/${opened.id}`);
    await waitForWorker(page);
    await page.context().setOffline(true);

    await page.goto(`${site.url}/article/${notOpened.id}?q=talks`);
    await page.getByRole('heading', { level: 1, name: 'You are offline' }).waitFor();
    expect(await page.locator('main').innerText()).toContain(`/article/${notOpened.id}?q=talks is not saved on this device`);
    expect(await axeViolations(page)).toEqual([]);

    // The list is one click away, and works offline.
    await page.getByRole('link', { name: 'Back to the list' }).click();
    await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
    await page.getByRole('list', { name: 'Dispatches' }).getByRole('link', { name: opened.title }).waitFor();

    // So is every dispatch kept, which reads in full.
    await page.goBack();
    await page.getByRole('region', { name: 'Readable on this device' }).getByRole('link', { name: opened.title }).click();
    await page.getByRole('heading', { level: 1, name: opened.title }).waitFor();
    expect((await articleText(page)).length).toBeGreaterThan(200);
  });

  it('says a dispatch opened from the page is not saved on this device, and opens it once back online', async () => {
    // Not next to the open one, whose neighbours are fetched ahead.
    const [opened, far] = [entries[0], entries[3]];
    if (opened === undefined || far === undefined) throw new Error('the seeds need four dispatches');
    const page = await open(`/article/${opened.id}`);
    await waitForWorker(page);
    await page.context().setOffline(true);
    await page.getByRole('list', { name: 'Dispatches' }).getByRole('link', { name: far.title }).click();
    await page.getByRole('alert').filter({ hasText: 'You are offline, and this dispatch is not saved on this device.' }).waitFor();

    await page.context().setOffline(false);
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.getByRole('heading', { level: 1, name: far.title }).waitFor();
    expect((await articleText(page)).length).toBeGreaterThan(100);
  });

  it('keeps a dispatch the reader saves on the device, and lets it go when unsaved', async () => {
    const saved = entries.at(-1);
    if (saved === undefined) throw new Error('the seeds have no dispatch');
    const path = `/article/${saved.id}`;
    const page = await open(`${path}?q=anything`);
    await waitForWorker(page);
    await pressSave(page, KEPT);
    expect(await page.getByRole('button', { name: 'Save' }).getAttribute('aria-pressed')).toBe('true');
    expect((await cacheContents(page))['dispatch-reader-saved']).toEqual([path]);

    await page.context().setOffline(true);
    await page.reload();
    await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
    await page.getByRole('heading', { level: 1, name: saved.title }).waitFor();
    expect((await articleText(page)).length).toBeGreaterThan(100);

    await pressSave(page, /^No longer saved/);
    expect((await cacheContents(page))['dispatch-reader-saved']).toEqual([]);
  });

  it('saves for offline reading before any worker is installed', async () => {
    const saved = entries.at(-1);
    if (saved === undefined) throw new Error('the seeds have no dispatch');
    const page = await openPage(`/article/${saved.id}`, { ...DESKTOP, serviceWorkers: 'block' }, [/Service Worker registration blocked/], site.url);
    await pressSave(page, KEPT);
    expect(await cacheContents(page)).toEqual({ 'dispatch-reader-saved': [`/article/${saved.id}`] });
  });

  it('replaces every cache of the build before when a new build is deployed, keeping what was saved', async () => {
    const opened = entries[0];
    const saved = entries.at(-1);
    if (opened === undefined || saved === undefined || opened === saved) throw new Error('the seeds need two dispatches');
    const host = await serveCopyOfSite();
    onTestFinished(() => closeSite(host));
    const page = await openPage(`/article/${saved.id}`, DESKTOP, OFFLINE_NOISE, host.url);
    await waitForWorker(page);
    await pressSave(page, KEPT);
    await page.getByRole('link', { name: opened.title }).first().click();
    await page.getByRole('heading', { level: 1, name: opened.title }).waitFor();
    const before = await cacheContents(page);
    const oldBuild = /^dispatch-reader-pages-(.+)$/.exec(Object.keys(before).find((name) => name.startsWith('dispatch-reader-pages-')) ?? '')?.[1];
    if (oldBuild === undefined) throw new Error(`no pages cache among ${Object.keys(before).join(', ')}`);

    // The new build: a new worker (a new build id) and new data (a new data version).
    const worker = await readFile(join(host.dir, 'sw.js'), 'utf8');
    const newBuild = 'f'.repeat(oldBuild.length);
    await writeFile(join(host.dir, 'sw.js'), worker.replaceAll(oldBuild, newBuild));
    const summary = await readJson<ArchiveSummary>(join(host.dir, 'data/archive.json'));
    const newVersion = 'e'.repeat(summary.version.length);
    await rename(join(host.dir, 'data', summary.version), join(host.dir, 'data', newVersion));
    await writeFile(join(host.dir, 'data/archive.json'), JSON.stringify({ ...summary, version: newVersion }));
    for (const copy of ['sw.js.br', 'sw.js.gz', 'data/archive.json.br', 'data/archive.json.gz']) await rm(join(host.dir, copy), { force: true });

    await page.reload();
    await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
    await expect
      .poll(() => cacheNames(page), { timeout: 20_000 })
      .toEqual([`dispatch-reader-data-${newBuild}`, `dispatch-reader-pages-${newBuild}`, 'dispatch-reader-saved', `dispatch-reader-shell-${newBuild}`]);
    const after = await cacheContents(page);
    expect(after[`dispatch-reader-data-${newBuild}`]?.filter((path) => path.includes(summary.version))).toEqual([]);
    expect(after['dispatch-reader-saved']).toEqual([`/article/${saved.id}`]);
    expect(after[`dispatch-reader-pages-${newBuild}`]).toContain(`/article/${opened.id}`);

    // The new worker serves both offline: the page the reader had open, and the saved one.
    await page.context().setOffline(true);
    for (const dispatch of [opened, saved]) {
      await page.goto(`${host.url}/article/${dispatch.id}`);
      await page.getByRole('heading', { level: 1, name: dispatch.title }).waitFor();
    }
  });

  it('keeps its worker for a build that changes only dispatches, and lets data files go once no page can ask for them', async () => {
    const host = await serveCopyOfSite();
    onTestFinished(() => closeSite(host));
    const page = await openPage('/', DESKTOP, OFFLINE_NOISE, host.url);
    await waitForWorker(page);
    const names = Object.keys(await cacheContents(page)).sort();
    const dataCache = names.find((name) => name.startsWith('dispatch-reader-data-')) ?? '';
    const versions: string[] = [(await readJson<ArchiveSummary>(join(host.dir, 'data/archive.json'))).version];
    const fetchDatesOf = (version: string) => page.evaluate((url) => fetch(url).then((response) => response.status), `/data/${version}/${dataFiles.dates}`);
    const cachedVersions = async () => new Set((await cacheContents(page))[dataCache]?.flatMap((path) => /^\/data\/([0-9a-f]+)\//.exec(path)?.[1] ?? []));
    expect(await fetchDatesOf(versions[0] ?? '')).toBe(200);

    // Two builds of new dispatches: each a new data folder; the server keeps the one before.
    for (const letter of ['a', 'b']) {
      const summary = await readJson<ArchiveSummary>(join(host.dir, 'data/archive.json'));
      const version = letter.repeat(summary.version.length);
      await cp(join(host.dir, 'data', summary.version), join(host.dir, 'data', version), { recursive: true });
      await writeFile(join(host.dir, 'data/archive.json'), JSON.stringify({ ...summary, version }));
      await rm(join(host.dir, 'data/archive.json.br'), { force: true });
      await rm(join(host.dir, 'data/archive.json.gz'), { force: true });
      versions.push(version);
      await page.reload();
      await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
      await page.evaluate(() => fetch('/data/archive.json'));
      expect(await fetchDatesOf(version)).toBe(200);
    }
    const [oldest, previous, current] = versions;
    expect(Object.keys(await cacheContents(page)).sort()).toEqual(names);
    await expect.poll(cachedVersions).toEqual(new Set([previous, current]));
    expect(oldest).not.toBe(previous);
  });
});

describe.skipIf(!hasBrowser)(`searching offline in an archive of ${ARCHIVE_SIZE} dispatches`, () => {
  const openPage = useBrowser();

  /**
   * A word none of whose beginnings, typed a letter at a time, reaches the shard the planted word's
   * search fetched: every word starting with its letter sorts into earlier shards.
   */
  async function wordInAnotherShard(): Promise<string> {
    const { version } = await readJson<ArchiveSummary>(join(ARCHIVE_DIST_DIR, 'data/archive.json'));
    const { terms } = await readDataFile<SearchDirectory>(ARCHIVE_DIST_DIR, version, dataFiles.searchDirectory);
    const planted = shardOf(terms, PLANTED.word.toLowerCase());
    const word = terms.find((term) => /^[a-z]{4,}$/.test(term) && shardOf(terms, `${term.slice(0, 1)}\uffff`) < planted);
    if (word === undefined) throw new Error(`the archive's index has too few shards to search outside one (${terms.length})`);
    return word;
  }

  it('finds what it found before, and says so when a search needs what was never fetched', async () => {
    const other = await wordInAnotherShard();
    const page = await openPage('/', DESKTOP, OFFLINE_NOISE, archiveUrl);
    await waitForWorker(page);
    const search = page.getByRole('searchbox', { name: 'Search dispatches' });
    await typeInto(page, search, PLANTED.word.toLowerCase());
    await page.getByText(`1 of ${ARCHIVE_SIZE} dispatches`).waitFor();

    await page.context().setOffline(true);
    await page.reload();
    await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
    await page.getByText(`1 of ${ARCHIVE_SIZE} dispatches`).waitFor();
    await page.getByRole('list', { name: 'Dispatches' }).getByRole('link').first().waitFor();

    await typeInto(page, search, other);
    await expect.poll(() => page.locator('#dispatch-list').innerText(), { timeout: 10_000 }).toMatch(/^You are offline, and this view needs parts of the archive not saved on this device/);
  });
});
