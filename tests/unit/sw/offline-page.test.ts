import { describe, expect, it } from 'vitest';
import { OFFLINE_PAGE_MARKERS } from '../../../src/core/offline.ts';
import type { ListEntry, PageData } from '../../../src/core/site-data.ts';
import { renderDocument } from '../../../src/site/page-html.ts';
import { offlinePage } from '../../../src/site/offline-files.ts';
import { dispatchOfPage, inReadingOrder, offlinePageHtml, type KeptDispatch } from '../../../src/sw/offline-page.ts';

function entry(id: string, overrides: Partial<ListEntry> = {}): ListEntry {
  return { id, title: `Dispatch ${id}`, date: '2026-01-10', dateline: 'HÀ NỘI', agency: 'VNA', language: 'en', countries: ['VN'], snippet: '', readingMinutes: 2, ...overrides };
}

function articlePageHtml(listEntry: ListEntry): string {
  const data: PageData = {
    pathname: `/article/${listEntry.id}`,
    window: { entries: [listEntry], newer: false, older: false },
    article: { entry: listEntry, standfirst: null, paragraphs: [['First paragraph.']], images: [], sourceUrl: null, related: [] },
    overview: null,
    names: { countries: {}, languages: {} },
  };
  const template = '<head><!--page-head--></head><body><div id="root"><!--page-markup--></div><!--page-data--></body>';
  return renderDocument(template, { head: '<title>t</title>', markup: '<h1>t</h1>', data, css: null });
}

describe('dispatchOfPage', () => {
  it('reads the dispatch a built page shows, even when its title holds markup and quotes', () => {
    const hostile = entry('000_a', { title: 'A </script><b>"bold"</b> & <!-- title' });
    expect(dispatchOfPage(articlePageHtml(hostile))).toEqual(hostile);
  });

  it('finds no dispatch in a page without one, or in one whose data cannot be read', () => {
    expect(dispatchOfPage('<html><body>The list</body></html>')).toBeNull();
    expect(dispatchOfPage('<script type="application/json" id="page-data">{"article":</script>')).toBeNull();
    expect(dispatchOfPage('<script type="application/json" id="page-data">{"article":null}</script>')).toBeNull();
  });
});

describe('inReadingOrder', () => {
  it('puts saved dispatches first, then the most recently kept, and lists each once', () => {
    const kept: KeptDispatch[] = [
      { path: '/article/a', entry: entry('a'), saved: false },
      { path: '/article/b', entry: entry('b'), saved: false },
      { path: '/article/c', entry: entry('c'), saved: false },
      { path: '/article/a', entry: entry('a'), saved: true },
    ];
    expect(inReadingOrder(kept).map(({ path, saved }) => `${path}${saved ? ' saved' : ''}`)).toEqual(['/article/a saved', '/article/c', '/article/b']);
  });
});

describe('offlinePageHtml', () => {
  const template = offlinePage('body{}');

  it('names the address that could not be opened and links every dispatch kept, with its date and agency', () => {
    const html = offlinePageHtml(template, '/article/zzz?q=kim', [{ path: '/article/a', entry: entry('a', { title: 'Talks in Hà Nội' }), saved: true }]);
    expect(html).toContain('<code>/article/zzz?q=kim</code>');
    expect(html).toContain('<a href="/article/a" lang="en" dir="auto">Talks in Hà Nội</a>');
    expect(html).toContain('10 January 2026 · VNA · Saved');
    for (const marker of Object.values(OFFLINE_PAGE_MARKERS)) expect(html).not.toContain(marker);
  });

  it('shows dispatch text and the address as text, never as markup', () => {
    const html = offlinePageHtml(template, '/article/<img src=x onerror=alert(1)>', [{ path: '/article/a', entry: entry('a', { title: '<script>alert(1)</script>', agency: '"A&B"' }), saved: false }]);
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
    expect(html).toContain('&#34;A&#38;B&#34;');
  });

  it('says so when nothing is kept yet, and still offers the way back to the list', () => {
    const html = offlinePageHtml(template, '/article/zzz', []);
    expect(html).toContain('Nothing is kept on this device yet');
    expect(html).toContain('<a href="/">Back to the list</a>');
  });
});
