/**
 * Renders the app the way a reader meets it: at a URL, with the data the built page for that URL
 * would carry, and with the data files served from the same build.
 */
import { render } from '@testing-library/react';
import { vi } from 'vitest';
import { App } from '../../src/app/App.tsx';
import { articleDataUrl, searchTextsUrl } from '../../src/core/routes.ts';
import { pageForPath, sitePages } from '../../src/site/prerender.ts';
import type { SiteData } from '../../src/site/site-data.ts';

export function servedFiles(site: SiteData): Map<string, unknown> {
  const files = new Map<string, unknown>([[searchTextsUrl(site.list.version), site.searchTexts]]);
  for (const [id, article] of site.articles) files.set(articleDataUrl(site.list.version, id), article);
  return files;
}

export function renderAt(url: string, site: SiteData) {
  window.history.replaceState(null, '', url);
  const files = servedFiles(site);
  const fetch = vi.fn(async (input: RequestInfo | URL) => {
    const path = new URL(String(input), window.location.origin).pathname;
    const body = files.get(path);
    return body === undefined ? new Response('Not found', { status: 404 }) : Response.json(body);
  });
  vi.stubGlobal('fetch', fetch);
  // A static host serves the page built for this path, or the 404 page for an unknown one.
  const page = pageForPath(sitePages(site), new URL(url, 'http://localhost').pathname);
  return { ...render(<App data={page.data} />), fetch };
}

export function currentUrl(): string {
  return window.location.pathname + window.location.search;
}
