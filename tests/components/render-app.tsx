/**
 * Renders the app the way a reader meets it: at a URL, with the data the built page for that URL
 * would carry, and with the site's data files and pages served from the same build.
 */
import { render } from '@testing-library/react';
import { vi } from 'vitest';
import { App } from '../../src/app/App.tsx';
import { completePageData } from '../../src/app/paragraphs.ts';
import { renderPage } from '../../src/app/server.tsx';
import { parseRoute } from '../../src/core/routes.ts';
import { compactPageData, renderDocument } from '../../src/site/page-html.ts';
import type { SiteModel } from '../../src/site/site-model.ts';

const TEMPLATE = '<!doctype html><html><head><!--page-head--></head><body><div id="root"><!--page-markup--></div><!--page-data--></body></html>';

/** What a static host answers for a path of the built site. */
export function serve(site: SiteModel, path: string): Response {
  const file = site.files.get(path);
  if (file !== undefined) return new Response(typeof file === 'string' ? file : new Uint8Array(file), { headers: { 'Content-Type': 'application/json' } });
  if (parseRoute(path)?.kind === 'article') {
    const { page, found } = site.pageFor(path);
    const html = renderDocument(TEMPLATE, { head: '', markup: renderPage(page.data), data: page.data, css: null });
    return new Response(html, { status: found ? 200 : 404, headers: { 'Content-Type': 'text/html' } });
  }
  return new Response('Not found', { status: 404 });
}

export function renderAt(url: string, site: SiteModel) {
  window.history.replaceState(null, '', url);
  const fetch = vi.fn(async (input: RequestInfo | URL) => serve(site, new URL(String(input), window.location.origin).pathname));
  vi.stubGlobal('fetch', fetch);
  // A static host serves the page built for this path, or the 404 page for an unknown one; the app
  // hydrates its prerendered markup, reading the article's paragraphs from it as the browser does.
  const { page } = site.pageFor(new URL(url, 'http://localhost').pathname);
  const container = document.body.appendChild(Object.assign(document.createElement('div'), { id: 'root' }));
  container.innerHTML = renderPage(page.data);
  const data = completePageData(compactPageData(page.data), container);
  return { ...render(<App data={data} />, { container, hydrate: true }), fetch };
}

export function currentUrl(): string {
  return window.location.pathname + window.location.search;
}
