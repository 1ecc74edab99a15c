/**
 * The whole site in memory, made by the same code as the build: for the development server, which
 * renders pages on request, and for tests. Fine for archives a developer works with; the build
 * (build-site.ts) streams instead, for archives of any size.
 */
import { createHash } from 'node:crypto';
import { parseRoute } from '../core/routes.ts';
import type { Dispatch } from '../core/schema.ts';
import { ARCHIVE_SUMMARY_URL } from '../core/site-data.ts';
import { countryName } from '../ingest/countries.ts';
import { archiveSummary, buildArchiveIndex } from './archive-index.ts';
import { listDataFiles } from './data-files.ts';
import { toListEntry } from './entries.ts';
import { articlePage, homePage, notFoundPage, placementOf, type Page, type PageContext } from './pages.ts';
import { documentTerms, SearchIndexBuilder } from './search-index.ts';
import { searchTags } from './search-tags.ts';

export interface SiteModel {
  context: PageContext;
  /** Data files by URL path, `/data/archive.json` included. */
  files: Map<string, string>;
  /** The page a static host serves for a pathname: its own, or the not-found page. */
  pageFor(pathname: string): { page: Page; found: boolean };
}

export function buildSiteModel(dispatches: readonly Dispatch[]): SiteModel {
  const byId = new Map(dispatches.map((dispatch) => [dispatch.id, dispatch]));
  const index = buildArchiveIndex(dispatches.map((dispatch) => ({ entry: toListEntry(dispatch), counterpart: dispatch.counterpart, key: dispatch.id })));
  const context: PageContext = { index, countryName };
  const search = new SearchIndexBuilder();
  index.records.forEach(({ entry }, position) => {
    const dispatch = byId.get(entry.id);
    if (dispatch === undefined) return;
    const body = [dispatch.body, ...dispatch.images.map((image) => image.caption)].join('\n');
    search.add(position, documentTerms({ title: dispatch.title, summary: dispatch.summary, tags: searchTags(entry), body }));
  });
  const data = [...listDataFiles(index), ...search.files()];
  const hash = createHash('sha256');
  for (const [path, content] of data) hash.update(path).update('\0').update(content).update('\0');
  const version = hash.digest('hex').slice(0, 12);
  const files = new Map(data.map(([path, content]) => [`/data/${version}/${path}`, content]));
  files.set(ARCHIVE_SUMMARY_URL, JSON.stringify(archiveSummary(index, version, countryName)));

  return {
    context,
    files,
    pageFor(pathname) {
      const route = parseRoute(pathname);
      if (route?.kind === 'list') return { page: homePage(context), found: true };
      const dispatch = route?.kind === 'article' ? byId.get(route.id) : undefined;
      if (dispatch !== undefined) return { page: articlePage(dispatch, placementOf(context, dispatch.id, [])), found: true };
      return { page: notFoundPage(context), found: false };
    },
  };
}
