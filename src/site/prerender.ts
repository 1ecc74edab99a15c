/**
 * Writes the static site: a page per route, with the list and the article already in the markup,
 * and the data files the app fetches later. Any static file server can host the result.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { articleDataUrl, LIST_PATH, NOT_FOUND_PATH, parseRoute, routePath, searchTextsUrl } from '../core/routes.ts';
import type { PageData } from '../core/site-data.ts';
import { NOT_FOUND_TITLE, pageTitle, shortenText } from '../core/text.ts';
import { headTags, renderDocument, type PageMeta } from './page-html.ts';
import type { SiteData } from './site-data.ts';

export interface RenderModule {
  renderPage(data: PageData): string;
}

export interface Page {
  /** Where the page is written, relative to the output folder. */
  files: string[];
  data: PageData;
  meta: PageMeta;
}


export function sitePages(site: SiteData): Page[] {
  const { list } = site;
  const home: Page = {
    files: ['index.html'],
    data: { list, pathname: LIST_PATH, article: null },
    meta: {
      title: pageTitle(),
      description: `${list.entries.length} press dispatches on Việt Nam's foreign relations: search, filter by date and country, read in full.`,
      path: LIST_PATH,
      type: 'website',
    },
  };
  const articles = list.entries.map((entry): Page => {
    return {
      // "<id>.html" for hosts with clean URLs (and Vite's preview); "<id>/index.html" for plain servers.
      files: [`article/${entry.id}.html`, `article/${entry.id}/index.html`],
      data: { list, pathname: entry.path, article: site.articles.get(entry.id) ?? null },
      meta: {
        title: pageTitle(entry.title),
        description: shortenText(entry.summary || entry.title, 160),
        path: entry.path,
        type: 'article',
        published: entry.date !== null && entry.date.length === 10 ? entry.date : null,
      },
    };
  });
  const notFound: Page = {
    files: ['404.html'],
    data: { list, pathname: NOT_FOUND_PATH, article: null },
    meta: { title: NOT_FOUND_TITLE, description: 'No page has this address.', path: null, type: 'website' },
  };
  return [home, ...articles, notFound];
}

/** The page a static host serves for a pathname: its own, or the 404 page. */
export function pageForPath(pages: Page[], pathname: string): Page {
  const route = parseRoute(pathname);
  const wanted = route === null ? NOT_FOUND_PATH : routePath(route);
  const page = pages.find((candidate) => candidate.data.pathname === wanted) ?? pages.find((candidate) => candidate.data.pathname === NOT_FOUND_PATH);
  if (page === undefined) throw new Error('the site has no 404 page');
  return page;
}

export interface WriteSiteOptions {
  outDir: string;
  site: SiteData;
  render: RenderModule;
  template: string;
  css: string;
  origin: string | undefined;
}

/** Writes every page and data file; returns the paths written, relative to `outDir`. */
export async function writeSite({ outDir, site, render, template, css, origin }: WriteSiteOptions): Promise<string[]> {
  const outputs = new Map<string, string>();
  for (const page of sitePages(site)) {
    const html = renderDocument(template, {
      head: headTags(page.meta, origin),
      markup: render.renderPage(page.data),
      data: page.data,
      css,
    });
    for (const file of page.files) outputs.set(file, html);
  }
  for (const [id, article] of site.articles) outputs.set(articleDataUrl(site.list.version, id).slice(1), JSON.stringify(article));
  outputs.set(searchTextsUrl(site.list.version).slice(1), JSON.stringify(site.searchTexts));

  for (const [file, content] of outputs) {
    const path = join(outDir, file);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, content);
  }
  return [...outputs.keys()];
}
