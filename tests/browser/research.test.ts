/**
 * The reader's research tools in real Chromium: feeds, citations, paragraph links, related
 * dispatches, saving, read marks and export, used the way a reader uses them.
 */
import { readFile } from 'node:fs/promises';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  AZERBAIJAN, axeViolations, BULGARIA, DESKTOP, GERMANY, hasBrowser, listedPaths, NEWEST_FIRST, NORTH_KOREA, PHONE, toggleChoice, useBrowser,
  waitForAddress, WITHOUT_WORKER, WORKER_BLOCKED,
} from './harness.ts';

const GERMANY_TITLE = 'Leaders of German political parties have expressed strong interest in and admiration…';
const GERMANY_P3 = 'The discussions focused on the political, economic and social situations in both countries, as well as international issues of mutual concern.';
const AZERBAIJAN_TITLE = 'Tô Lâm received a delegation of the New Azerbaijan Party';
const BULGARIA_TITLE = 'Tô Lâm met with Atanas Zafirov and representatives of left-wing parties in Bulgaria';
/** RFC 3339 date-time with a zone. */
const RFC_3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;
/** A static host answers an unknown address with status 404, which Chromium logs without the address. */
const NOT_FOUND_STATUS = /status of 404/;
const WITH_CLIPBOARD: BrowserContextOptions = { ...DESKTOP, permissions: ['clipboard-read', 'clipboard-write'] };

interface AtomEntry {
  title: string;
  link: string;
  id: string;
  updated: string;
  author: string;
  summary: string;
  language: string;
}

interface ReadFeed {
  errors: number;
  title: string;
  entries: AtomEntry[];
}

/** Fetches an Atom feed from the page, as a feed reader would, and reads it with the browser's XML parser. */
function readAtom(page: Page, href: string): Promise<ReadFeed> {
  return page.evaluate(async (address) => {
    const response = await fetch(address);
    const xml = new DOMParser().parseFromString(await response.text(), 'application/xml');
    const ATOM = 'http://www.w3.org/2005/Atom';
    const child = (parent: Element, name: string) => parent.getElementsByTagNameNS(ATOM, name)[0];
    const text = (parent: Element, name: string) => child(parent, name)?.textContent ?? '';
    // xml:lang is inherited: an entry without its own speaks the feed's language.
    const language = (element: Element | null): string => (element === null ? '' : (element.getAttributeNS('http://www.w3.org/XML/1998/namespace', 'lang') ?? language(element.parentElement)));
    const root = xml.documentElement;
    return {
      errors: xml.getElementsByTagName('parsererror').length,
      title: root.namespaceURI === ATOM && root.localName === 'feed' ? text(root, 'title') : '',
      entries: [...root.getElementsByTagNameNS(ATOM, 'entry')].map((entry) => {
        const author = child(entry, 'author');
        return {
          title: text(entry, 'title'),
          link: new URL(child(entry, 'link')?.getAttribute('href') ?? '', response.url).pathname,
          id: text(entry, 'id'),
          updated: text(entry, 'updated'),
          author: author === undefined ? '' : text(author, 'name'),
          summary: text(entry, 'summary'),
          language: language(entry),
        };
      }),
    };
  }, href);
}

function headLink(page: Page, type: string): Promise<string> {
  return page.locator(`head link[rel=alternate][type="${type}"]`).first().evaluate((link) => (link as HTMLLinkElement).href);
}

function clipboard(page: Page): Promise<string> {
  return page.evaluate(() => navigator.clipboard.readText());
}

describe.skipIf(!hasBrowser)('the research tools in Chromium', () => {
  const open = useBrowser();

  describe('feeds', () => {
    for (const [where, path] of [['the list', '/'], ['an article', GERMANY]] as const) {
      it(`are announced in the head of ${where}, and read as Atom and as JSON Feed`, async () => {
        const page = await open(path);
        const atom = await readAtom(page, await headLink(page, 'application/atom+xml'));
        expect(atom.errors).toBe(0);
        expect(atom.title).toBe('Dispatch Reader · Newest dispatches');
        // The feed mirrors the list: the same dispatches, newest first.
        expect(atom.entries.map((entry) => entry.link)).toEqual(NEWEST_FIRST);
        for (const entry of atom.entries) {
          expect(entry.title).not.toBe('');
          expect(entry.id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
          expect(entry.updated).toMatch(RFC_3339);
          expect(entry.author).not.toBe('');
          expect(entry.summary).not.toBe('');
          expect(entry.language).toMatch(/^[a-z]{2,3}\b/);
        }
        expect(atom.entries.find((entry) => entry.link === NORTH_KOREA)?.language).toBe('nb');
        expect(new Set(atom.entries.map((entry) => entry.id)).size).toBe(atom.entries.length);

        const json = await page.evaluate(async (address) => {
          const feed = (await (await fetch(address)).json()) as { version: string; items: Array<{ id: string; url: string; title: string }> };
          return { version: feed.version, items: feed.items.map((item) => ({ id: item.id, title: item.title, path: new URL(item.url, address).pathname })) };
        }, await headLink(page, 'application/feed+json'));
        expect(json.version).toBe('https://jsonfeed.org/version/1.1');
        expect(json.items).toEqual(atom.entries.map((entry) => ({ id: entry.id, title: entry.title, path: entry.link })));
      });
    }

    it('of a one-country view are offered beside the count and in the head, and hold only that country', async () => {
      // Shown as a page, the feed has no icon of its own: Chromium asks for /favicon.ico, which the site
      // does not have (its icon is /favicon.svg) and which Playwright cannot see to tell apart.
      const page = await open('/', DESKTOP, [NOT_FOUND_STATUS]);
      expect(await page.getByRole('link', { name: 'Feed' }).count()).toBe(0);
      await toggleChoice(page, 'Country', /Bulgaria/);
      await waitForAddress(page, '/?country=BG');
      await expect.poll(() => listedPaths(page)).toEqual([BULGARIA]);
      const feedLink = page.getByRole('link', { name: 'Feed' });
      await expect.poll(() => feedLink.isVisible()).toBe(true);
      await expect.poll(() => page.locator('head link#view-feed').getAttribute('href')).toBe('/feeds/country/bg.xml');
      const announced = await readAtom(page, await page.locator('head link#view-feed').evaluate((link) => (link as HTMLLinkElement).href));
      expect(announced.title).toBe('Dispatch Reader · Bulgaria');
      expect(announced.entries.map((entry) => entry.link)).toEqual([BULGARIA]);

      // Two countries make a view no feed follows.
      await toggleChoice(page, 'Country', /Germany/);
      await waitForAddress(page, '/?country=BG,DE');
      await expect.poll(() => feedLink.count()).toBe(0);
      expect(await page.locator('head link#view-feed').count()).toBe(0);
      await toggleChoice(page, 'Country', /Bulgaria/);
      await waitForAddress(page, '/?country=DE');
      await expect.poll(() => page.locator('head link#view-feed').getAttribute('href')).toBe('/feeds/country/de.xml');

      // Following the link opens the feed itself, which holds Germany's dispatch and nothing else.
      const [response] = await Promise.all([page.waitForResponse((answer) => answer.url().endsWith('/feeds/country/de.xml')), feedLink.click()]);
      expect(response.headers()['content-type']).toMatch(/^application\/atom\+xml/);
      await waitForAddress(page, '/feeds/country/de.xml');
      const followed = await readAtom(page, page.url());
      expect(followed.errors).toBe(0);
      expect(followed.entries.map((entry) => [entry.link, entry.title])).toEqual([[GERMANY, GERMANY_TITLE]]);
    });

    it('are offered for the view the list shows: a country no dispatch has is left out, as the list leaves it out', async () => {
      const page = await open('/?country=FR,BG');
      await page.getByText('Ignored country=“FR”: no dispatch in the archive has it.').waitFor();
      await expect.poll(() => listedPaths(page)).toEqual([BULGARIA]);
      await expect.poll(() => page.getByRole('link', { name: 'Feed' }).getAttribute('href')).toBe('/feeds/country/bg.xml');
      expect(await page.locator('head link#view-feed').getAttribute('href')).toBe('/feeds/country/bg.xml');
      await page.goto(new URL('/?country=FR', page.url()).href);
      await page.getByText('Ignored country=“FR”: no dispatch in the archive has it.').waitFor();
      await expect.poll(() => page.getByRole('link', { name: 'Feed' }).getAttribute('href')).toBe('/feeds/newest.xml');
      expect(await page.locator('head link#view-feed').count()).toBe(0);
    });

    it('of a one-agency view are offered too, under the agency’s own address', async () => {
      const page = await open('/');
      await toggleChoice(page, 'Agency', /VNA\/VNS/);
      await waitForAddress(page, '/?agency=vna-vns');
      await expect.poll(() => page.getByRole('link', { name: 'Feed' }).getAttribute('href')).toBe('/feeds/agency/vna-vns.xml');
      await expect.poll(() => listedPaths(page)).toHaveLength(3);
      const listed = await listedPaths(page);
      const feed = await readAtom(page, await page.locator('head link#view-feed').evaluate((link) => (link as HTMLLinkElement).href));
      expect(feed.errors).toBe(0);
      expect(feed.entries.map((entry) => entry.link)).toEqual(listed);
      expect(new Set(feed.entries.map((entry) => entry.author))).toEqual(new Set(['VNA/VNS']));
    });
  });

  describe('Cite', () => {
    it('gives a citation naming the agency, title, date and address, copies it, and writes BibTeX', async () => {
      const page = await open(GERMANY, WITH_CLIPBOARD);
      await page.getByRole('button', { name: 'Cite' }).click();
      const dialog = page.getByRole('dialog', { name: 'Cite this dispatch' });
      await dialog.waitFor();
      const citation = dialog.getByRole('textbox', { name: 'Citation' });
      const plain = await citation.inputValue();
      const address = new URL(GERMANY, page.url()).href;
      expect(plain).toContain('VNA/VNS');
      expect(plain).toContain(GERMANY_TITLE.replace(/…$/, ''));
      expect(plain).toContain('10 January 2026');
      expect(plain).toContain(address);
      await dialog.getByRole('button', { name: 'Copy citation' }).click();
      await expect.poll(() => dialog.getByRole('status').textContent()).toBe('Citation copied.');
      expect(await clipboard(page)).toBe(plain);

      await dialog.getByRole('radio', { name: 'BibTeX' }).click();
      const bibtex = await citation.inputValue();
      expect(bibtex).toMatch(/^@misc\{vnavns20260110leaders,\n/);
      expect(bibtex).toContain('author = {{VNA/VNS}}');
      expect(bibtex).toContain(`title = {{${GERMANY_TITLE}}}`);
      expect(bibtex).toContain('year = {2026}');
      expect(bibtex).toContain('month = jan,');
      expect(bibtex).toContain(`url = {${address}}`);
      expect(bibtex.trimEnd().endsWith('}')).toBe(true);
      await dialog.getByRole('button', { name: 'Copy citation' }).click();
      await expect.poll(() => clipboard(page)).toBe(bibtex);

      await dialog.getByRole('button', { name: 'Close' }).click();
      await expect.poll(() => dialog.isVisible()).toBe(false);
    });

    it('quotes the passage selected in the article, with a link to its paragraph', async () => {
      const page = await open(GERMANY, WITH_CLIPBOARD);
      const third = page.locator('#p3');
      // A triple-click selects the whole paragraph, as a reader does to quote it.
      await third.click({ clickCount: 3, position: { x: 40, y: 8 } });
      expect(await page.evaluate(() => getSelection()?.toString() ?? '')).toContain('The discussions focused');
      await page.getByRole('button', { name: 'Cite' }).click();
      const dialog = page.getByRole('dialog', { name: 'Cite this passage' });
      await dialog.waitFor();
      const plain = await dialog.getByRole('textbox', { name: 'Citation' }).inputValue();
      expect(plain.startsWith(`“${GERMANY_P3}”\n\n`)).toBe(true);
      expect(plain).toContain(`${new URL(GERMANY, page.url()).href}#p3`);
      await dialog.getByRole('radio', { name: 'BibTeX' }).click();
      const bibtex = await dialog.getByRole('textbox', { name: 'Citation' }).inputValue();
      expect(bibtex).toContain(`quoted: “${GERMANY_P3}”`);
      expect(bibtex).toContain('#p3}');
      await page.keyboard.press('Escape');
      await expect.poll(() => dialog.isVisible()).toBe(false);

      // A few words selected from within the paragraph, backwards, are quoted as they read.
      await page.evaluate(() => {
        const text = [...(document.querySelector('#p3')?.childNodes ?? [])].find((node) => node.nodeType === Node.TEXT_NODE && (node.textContent ?? '').includes('economic'));
        const start = text?.textContent?.indexOf('economic') ?? -1;
        if (text === undefined || start === -1) throw new Error('no text in paragraph 3');
        getSelection()?.setBaseAndExtent(text, start + 'economic and social'.length, text, start);
      });
      await page.getByRole('button', { name: 'Cite' }).click();
      await dialog.waitFor();
      expect(await dialog.getByRole('textbox', { name: 'Citation' }).inputValue()).toMatch(/^“economic and social”\n\n.*#p3 \(accessed/s);
      await page.keyboard.press('Escape');

      // A passage across two paragraphs, selected backwards (from paragraph 4 up into paragraph 3):
      // quoted as the words read, and linked to the paragraph it starts in.
      await page.evaluate(() => {
        const textOf = (id: string) => [...(document.getElementById(id)?.childNodes ?? [])].find((node) => node.nodeType === Node.TEXT_NODE && (node.textContent ?? '').length > 20);
        const [three, four] = [textOf('p3'), textOf('p4')];
        if (three === undefined || four === undefined) throw new Error('no text in paragraphs 3 and 4');
        getSelection()?.setBaseAndExtent(four, 'On this occasion'.length, three, (three.textContent ?? '').indexOf('mutual concern'));
      });
      await page.getByRole('button', { name: 'Cite' }).click();
      await dialog.waitFor();
      expect(await dialog.getByRole('textbox', { name: 'Citation' }).inputValue()).toMatch(/^“mutual concern\. On this occasion”\n\n.*#p3 \(accessed/s);
    });
  });

  describe('paragraph links', () => {
    it('open an article at the paragraph they name, marked', async () => {
      const page = await open(`${GERMANY}#p3`);
      const third = page.locator('#p3');
      await expect.poll(() => third.evaluate((element) => element.matches(':target'))).toBe(true);
      const seen = await third.evaluate((element) => {
        const box = element.getBoundingClientRect();
        const masthead = document.querySelector('header')?.getBoundingClientRect().bottom ?? 0;
        return { top: box.top, bottom: box.bottom, masthead, height: innerHeight };
      });
      expect(seen.top).toBeGreaterThanOrEqual(Math.max(0, seen.masthead) - 1);
      expect(seen.bottom).toBeLessThanOrEqual(seen.height);
      expect(await page.evaluate(() => scrollY)).toBeGreaterThan(0);
      // Marked: it stands out from the paragraphs around it.
      const background = (selector: string) => page.locator(selector).evaluate((element) => getComputedStyle(element).backgroundColor);
      expect(await background('#p3')).not.toBe(await background('#p2'));
    });

    it('copy the address of a paragraph from its ¶ link, and Copy link the dispatch’s own', async () => {
      const page = await open(`${GERMANY}?country=DE`, WITH_CLIPBOARD);
      await page.getByRole('button', { name: 'Copy link' }).click();
      await expect.poll(() => page.locator('.article-footer [role=status]').textContent()).toBe('Link copied.');
      expect(await clipboard(page)).toBe(new URL(GERMANY, page.url()).href);

      const fifth = page.locator('#p5');
      await fifth.hover();
      const pilcrow = page.getByRole('link', { name: 'Paragraph 5' });
      await expect.poll(() => pilcrow.evaluate((element) => getComputedStyle(element).opacity)).toBe('1');
      await pilcrow.click();
      await expect.poll(() => clipboard(page)).toBe(`${new URL(GERMANY, page.url()).href}#p5`);
      expect(await page.locator('.article-footer [role=status]').textContent()).toBe('Link to the paragraph copied.');
      // Beside the ¶, where the reader is looking, it says so too.
      expect(await pilcrow.evaluate((element) => getComputedStyle(element, '::after').content)).toBe('"Link copied"');
      expect(new URL(page.url()).hash).toBe('#p5');
      expect(await page.locator('#p5').evaluate((element) => element.matches(':target'))).toBe(true);
    });
    it('are in sight and can be tapped on a phone, which has no hover', async () => {
      const page = await open(GERMANY, { ...PHONE, permissions: ['clipboard-read', 'clipboard-write'] });
      const pilcrow = page.getByRole('link', { name: 'Paragraph 2' });
      await pilcrow.scrollIntoViewIfNeeded();
      const box = await pilcrow.evaluate((element) => {
        const { left, right } = element.getBoundingClientRect();
        return { left, right, opacity: getComputedStyle(element).opacity };
      });
      expect(box.left).toBeGreaterThanOrEqual(0);
      expect(box.opacity).toBe('1');
      await pilcrow.tap();
      await expect.poll(() => clipboard(page)).toBe(`${new URL(GERMANY, page.url()).href}#p2`);
    });
  });

  describe('related dispatches', () => {
    it('are listed under an article, each with a reason in words, and open when followed', async () => {
      const page = await open(AZERBAIJAN);
      const related = page.getByRole('region', { name: 'Related dispatches' });
      const items = related.getByRole('listitem');
      expect(await items.count()).toBeGreaterThan(0);
      for (const item of await items.all()) {
        expect(await item.getByRole('link').count()).toBe(1);
        expect(await item.locator('.reason').innerText()).toMatch(/^also (?:about|names) \S.*/);
      }
      const first = items.first().getByRole('link');
      expect(await first.textContent()).toBe(BULGARIA_TITLE);
      await first.click();
      await waitForAddress(page, BULGARIA);
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(BULGARIA_TITLE);
    });
  });

  describe('Save', () => {
    it('is a toggle kept across reloads, and the saved view lists what was saved, with other filters too', async () => {
      const page = await open(GERMANY);
      const save = page.getByRole('button', { name: 'Save' });
      expect(await save.getAttribute('aria-pressed')).toBe('false');
      await save.click();
      await expect.poll(() => save.getAttribute('aria-pressed')).toBe('true');
      await expect.poll(() => page.locator('.article-footer [role=status]').textContent()).toMatch(/^Saved/);

      await page.reload();
      await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
      // As the page loads, before the reader has touched it.
      await expect.poll(() => save.getAttribute('aria-pressed')).toBe('true');
      // Pressed at once, it does what it shows: takes the dispatch back; pressed again, saves it.
      await save.click();
      await expect.poll(() => page.locator('.article-footer [role=status]').textContent()).toBe('No longer saved.');
      expect(await save.getAttribute('aria-pressed')).toBe('false');
      await save.click();
      await expect.poll(() => save.getAttribute('aria-pressed')).toBe('true');

      await page.goto(new URL('/?saved=1', page.url()).href);
      await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
      await expect.poll(() => listedPaths(page)).toEqual([GERMANY]);
      await toggleChoice(page, 'Country', /Germany/);
      await waitForAddress(page, '/?country=DE&saved=1');
      await expect.poll(() => listedPaths(page)).toEqual([GERMANY]);
      await toggleChoice(page, 'Country', /Germany/);
      await toggleChoice(page, 'Country', /Bulgaria/);
      await waitForAddress(page, '/?country=BG&saved=1');
      await expect.poll(() => listedPaths(page)).toEqual([]);
      await page.getByText('No dispatches match').waitFor();
    });

    it('taken back removes the dispatch from the saved view', async () => {
      const page = await open(BULGARIA);
      const save = page.getByRole('button', { name: 'Save' });
      await save.click();
      await expect.poll(() => save.getAttribute('aria-pressed')).toBe('true');
      await page.getByRole('checkbox', { name: 'Saved' }).click();
      await waitForAddress(page, `${BULGARIA}?saved=1`);
      await expect.poll(() => listedPaths(page)).toEqual([BULGARIA]);
      await save.click();
      await expect.poll(() => save.getAttribute('aria-pressed')).toBe('false');
      await expect.poll(() => page.locator('.article-footer [role=status]').textContent()).toBe('No longer saved.');
      await expect.poll(() => listedPaths(page)).toEqual([]);
      await page.goto(new URL('/?saved=1', page.url()).href);
      await page.getByText('No dispatches match').waitFor();
    });
  });

  describe('read marks', () => {
    function readMark(page: Page, path: string) {
      const row = page.getByRole('list', { name: 'Dispatches' }).getByRole('listitem').filter({ has: page.locator(`a[href^="${path}"]`) });
      return row.getByText('Read', { exact: true });
    }

    /** The whole list, which knows what was read, takes over the page's own first screen at the reader's first move. */
    async function moveInTheList(page: Page): Promise<void> {
      await page.getByRole('list', { name: 'Dispatches' }).hover();
      await page.mouse.wheel(0, 40);
    }

    it('show which dispatches were opened, and Mark unread takes the mark away', async () => {
      const page = await open('/');
      await moveInTheList(page);
      await page.getByRole('list', { name: 'Dispatches' }).getByRole('link', { name: BULGARIA_TITLE }).click();
      await waitForAddress(page, BULGARIA);
      await expect.poll(() => readMark(page, BULGARIA).isVisible()).toBe(true);
      expect(await readMark(page, GERMANY).count()).toBe(0);
      await page.getByRole('button', { name: 'Mark unread' }).click();
      await expect.poll(() => page.locator('.article-footer [role=status]').textContent()).toBe('Marked as unread.');
      await expect.poll(() => readMark(page, BULGARIA).count()).toBe(0);

      // Kept in this browser: the list loaded again still shows what was read, and what was not.
      await page.getByRole('list', { name: 'Dispatches' }).getByRole('link', { name: AZERBAIJAN_TITLE }).click();
      await waitForAddress(page, AZERBAIJAN);
      // Opened, not only addressed: the pane shows it a frame after the address changes.
      await expect.poll(() => readMark(page, AZERBAIJAN).isVisible()).toBe(true);
      await page.goto(new URL('/', page.url()).href);
      await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
      await moveInTheList(page);
      await expect.poll(() => readMark(page, AZERBAIJAN).isVisible()).toBe(true);
      expect(await readMark(page, BULGARIA).count()).toBe(0);
    });

    it('Mark unread pressed as a dispatch opened by its address loads is not undone by the page catching up', async () => {
      // On a slow line what follows the article (which marks it read) arrives after the tools do.
      const page = await open('/', WITHOUT_WORKER, [WORKER_BLOCKED]);
      await page.route(/\/assets\/ArticleExtras-[^/]*\.js$/, async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 1_000));
        await route.continue();
      });
      await page.goto(new URL(GERMANY, page.url()).href);
      await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
      const arrived = page.waitForResponse(/\/assets\/ArticleExtras-/);
      await page.getByRole('button', { name: 'Mark unread' }).click();
      // The status line is the delayed part's own: it speaks once that part has arrived.
      await arrived;
      await expect.poll(() => page.locator('.article-footer [role=status]').textContent(), { timeout: 5_000 }).toBe('Marked as unread.');
      await page.waitForTimeout(300);
      await page.keyboard.press('j');
      await waitForAddress(page, BULGARIA);
      await expect.poll(() => readMark(page, BULGARIA).isVisible()).toBe(true);
      expect(await readMark(page, GERMANY).count()).toBe(0);
    });
  });

  describe('Export', () => {
    async function exported(page: Page, format: RegExp): Promise<string> {
      const dialog = page.getByRole('dialog', { name: 'Export the dispatches in view' });
      if (!(await dialog.isVisible())) {
        await page.getByRole('button', { name: 'Export' }).click();
        await dialog.waitFor();
      }
      await dialog.getByRole('radio', { name: format }).click();
      const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download' }).click()]);
      return readFile(await download.path(), 'utf8');
    }

    it('writes exactly the dispatches in view as CSV, JSON and Markdown', async () => {
      const page = await open('/');
      await toggleChoice(page, 'Agency', /VNA\/VNS/);
      await waitForAddress(page, '/?agency=vna-vns');
      await expect.poll(() => page.locator('#dispatch-list').textContent()).toBe('3 of 5 dispatches');
      const listed = await listedPaths(page);
      expect(listed).toHaveLength(3);
      const titles = await page.getByRole('list', { name: 'Dispatches' }).getByRole('link').allTextContents();
      const origin = new URL(page.url()).origin;

      const csv = parseCsv(await exported(page, /CSV/));
      expect(csv[0]).toEqual(['id', 'title', 'date', 'dateline', 'agency', 'countries', 'url']);
      const rows = csv.slice(1);
      expect(rows.map((row) => `/article/${row[0]}`)).toEqual(listed);
      expect(rows.map((row) => row[1])).toEqual(titles);
      expect(rows.map((row) => row[6])).toEqual(listed.map((path) => origin + path));
      expect(new Set(rows.map((row) => row[4]))).toEqual(new Set(['VNA/VNS']));
      const dialog = page.getByRole('dialog', { name: 'Export the dispatches in view' });
      expect(await dialog.getByRole('status').textContent()).toMatch(/^3 dispatches exported/);

      const json = JSON.parse(await exported(page, /JSON/)) as Array<{ id: string; title: string; url: string }>;
      expect(json.map((item) => [item.title, item.url])).toEqual(listed.map((path, i) => [titles[i], origin + path]));

      const markdown = (await exported(page, /Markdown/)).trimEnd().split('\n');
      expect(markdown).toHaveLength(3);
      markdown.forEach((line, i) => {
        expect(line.startsWith('- VNA/VNS, “')).toBe(true);
        expect(line).toContain(`<${origin}${listed[i]}>`);
      });
    });

    it('of a view just chosen holds that view, not the one before it', async () => {
      const page = await open('/', WITHOUT_WORKER, [WORKER_BLOCKED]);
      await toggleChoice(page, 'Country', /Germany/);
      await waitForAddress(page, '/?country=DE');
      await expect.poll(() => listedPaths(page)).toEqual([GERMANY]);
      // Export pressed straight after choosing another country, before the list has caught up: on a
      // slow line the new country's part of the archive takes a moment to arrive.
      await page.route(/\/facets\/country\/BG\.json$/i, async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 1_500));
        await route.continue();
      });
      await toggleChoice(page, 'Country', /Germany/);
      await toggleChoice(page, 'Country', /Bulgaria/);
      const csv = parseCsv(await exported(page, /CSV/));
      expect(csv.slice(1).map((row) => `/article/${row[0]}`)).toEqual([BULGARIA]);
      expect(await page.getByRole('dialog').getByRole('status').textContent()).toBe('1 dispatch exported as dispatches.csv.');
      await page.keyboard.press('Escape');
      await expect.poll(() => listedPaths(page)).toEqual([BULGARIA]);
    });
    it('of a link with filters, pressed while the page works the view out, holds that view', async () => {
      const page = await open('/', WITHOUT_WORKER, [WORKER_BLOCKED]);
      await page.route(/\/facets\/agency\/vna-vns\.json$/, async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 1_500));
        await route.continue();
      });
      await page.goto(new URL('/?agency=vna-vns', page.url()).href);
      const csv = parseCsv(await exported(page, /CSV/));
      expect(csv.slice(1).map((row) => row[4])).toEqual(['VNA/VNS', 'VNA/VNS', 'VNA/VNS']);
      await page.keyboard.press('Escape');
      await expect.poll(() => listedPaths(page)).toEqual(csv.slice(1).map((row) => `/article/${row[0]}`));
    });
  });

  describe('have no accessibility violations (axe-core)', () => {
    it('with the Cite dialog open', async () => {
      const page = await open(GERMANY);
      await page.getByRole('button', { name: 'Cite' }).click();
      await page.getByRole('dialog').waitFor();
      expect(await axeViolations(page)).toEqual([]);
    });

    it('with the Export dialog open', async () => {
      const page = await open('/?country=VN');
      await page.getByRole('button', { name: 'Export' }).click();
      await page.getByRole('dialog').waitFor();
      expect(await axeViolations(page)).toEqual([]);
    });

    for (const colorScheme of ['light', 'dark'] as const) {
      it(`on the list with a dispatch marked read, in ${colorScheme} mode`, async () => {
        const page = await open(BULGARIA, { ...DESKTOP, colorScheme });
        await page.getByRole('list', { name: 'Dispatches' }).hover();
        await page.mouse.wheel(0, 40);
        await page.keyboard.press('j');
        await waitForAddress(page, NORTH_KOREA);
        const row = page.getByRole('list', { name: 'Dispatches' }).getByRole('listitem').filter({ has: page.locator(`a[href^="${BULGARIA}"]`) });
        await row.getByText('Read', { exact: true }).waitFor();
        expect(await axeViolations(page)).toEqual([]);
      });
    }

    it('on an article with its tools taken over and a dispatch saved', async () => {
      const page = await open(NORTH_KOREA);
      await page.getByRole('button', { name: 'Save' }).click();
      await expect.poll(() => page.getByRole('button', { name: 'Save' }).getAttribute('aria-pressed')).toBe('true');
      expect(await axeViolations(page)).toEqual([]);
    });
  });
});

/** RFC 4180, as a spreadsheet reads it: quoted cells may hold commas, quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text.charAt(i);
    const next = text.charAt(i + 1);
    if (quoted && char === '"' && next === '"') {
      cell += '"';
      i += 1;
    } else if (char === '"') {
      quoted = !quoted;
    } else if (!quoted && char === ',') {
      row.push(cell);
      cell = '';
    } else if (!quoted && char === '\r' && next === '\n') {
      rows.push([...row, cell]);
      row = [];
      cell = '';
      i += 1;
    } else {
      cell += char;
    }
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}
