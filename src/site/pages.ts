/**
 * The site's pages: the landing page, one page per dispatch and the not-found page, each with its
 * head, the data it hydrates from and the files it is written to. Pure: the same archive always
 * gives the same pages. Build time and the development server.
 */
import { articlePath, LIST_PATH, NOT_FOUND_PATH } from '../core/routes.ts';
import type { Dispatch } from '../core/schema.ts';
import type { ListEntry, ListWindow, Names, PageData, RelatedLink } from '../core/site-data.ts';
import { NOT_FOUND_TITLE, pageTitle, shortenText } from '../core/text.ts';
import { listWindow, namesFor, overviewOf, type ArchiveIndex } from './archive-index.ts';
import { toArticleData } from './entries.ts';
import type { PageMeta } from './page-html.ts';

export interface Page {
  /** Where the page is written, relative to the output folder; the first is the file, the others link to it. */
  files: string[];
  data: PageData;
  meta: PageMeta;
}

export interface PageContext {
  index: ArchiveIndex;
  countryName: (code: string) => string;
}

export function homePage({ index, countryName }: PageContext): Page {
  const window = listWindow(index, null);
  const overview = overviewOf(index);
  const codes = overview.counterparts.map(([code]) => code);
  const names = namesFor(window.entries, countryName);
  for (const code of codes) names.countries[code] ??= countryName(code);
  return {
    files: ['index.html'],
    data: { pathname: LIST_PATH, window, article: null, overview, names },
    meta: {
      title: pageTitle(),
      description: `${index.records.length} press dispatches on Việt Nam's foreign relations: search, filter by date and country, read in full.`,
      path: LIST_PATH,
      type: 'website',
    },
  };
}

/** Where a dispatch sits in the archive: what its page shows besides the dispatch itself. */
export interface Placement {
  entry: ListEntry;
  window: ListWindow;
  names: Names;
  related: RelatedLink[];
}

export function placementOf({ index, countryName }: PageContext, id: string, related: RelatedLink[]): Placement {
  const position = index.positionOf.get(id);
  const entry = position === undefined ? undefined : index.records[position]?.entry;
  if (position === undefined || entry === undefined) throw new Error(`${id}: not in the archive index`);
  const window = listWindow(index, position);
  return { entry, window, related, names: namesFor([...window.entries, entry], countryName) };
}

/** The files a dispatch's page is written to: "<id>/index.html" for plain servers, "<id>.html" for hosts with clean URLs (decision 0005). */
export function articleFiles(id: string): string[] {
  return [`article/${id}/index.html`, `article/${id}.html`];
}

export function articlePage(dispatch: Dispatch, { entry, window, names, related }: Placement): Page {
  return {
    files: articleFiles(dispatch.id),
    data: { pathname: articlePath(dispatch.id), window, article: toArticleData(dispatch, entry, related), overview: null, names },
    meta: {
      title: pageTitle(entry.title),
      description: shortenText(dispatch.summary || entry.title, 160),
      path: articlePath(dispatch.id),
      type: 'article',
      published: entry.date !== null && entry.date.length === 10 ? entry.date : null,
    },
  };
}

export function notFoundPage({ index, countryName }: PageContext): Page {
  const window = listWindow(index, null);
  return {
    files: ['404.html'],
    data: { pathname: NOT_FOUND_PATH, window, article: null, overview: null, names: namesFor(window.entries, countryName) },
    meta: { title: NOT_FOUND_TITLE, description: 'No page has this address.', path: null, type: 'website' },
  };
}
