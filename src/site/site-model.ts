/**
 * The whole site in memory, made by the same code as the build: for the development server, which
 * renders pages on request, and for tests. Fine for archives a developer works with; the build
 * (build-site.ts) streams instead, for archives of any size.
 */
import { createHash } from 'node:crypto';
import { parseRoute } from '../core/routes.ts';
import type { Dispatch } from '../core/schema.ts';
import { ARCHIVE_SUMMARY_URL, type RelatedLink } from '../core/site-data.ts';
import { countryName } from '../ingest/countries.ts';
import { archiveSummary, buildArchiveIndex } from './archive-index.ts';
import { listDataFiles, storedForm } from './data-files.ts';
import { toListEntry } from './entries.ts';
import { feedFiles } from './feeds.ts';
import { articlePage, homePage, notFoundPage, placementOf, type Page, type PageContext } from './pages.ts';
import { relatedDispatches } from './related.ts';
import { featuresOf } from './render-task.ts';
import { SearchIndexBuilder } from './search-index.ts';
import { searchTags } from './search-tags.ts';

export interface SiteModel {
  context: PageContext;
  /** Data files (stored as the build stores them) and feeds by URL path, `/data/archive.json` included. */
  files: Map<string, string | Buffer>;
  /** The page a static host serves for a pathname: its own, or the not-found page. */
  pageFor(pathname: string): { page: Page; found: boolean };
}

export function buildSiteModel(dispatches: readonly Dispatch[], options: { origin?: string; firstSeen?: string } = {}): SiteModel {
  const byId = new Map(dispatches.map((dispatch) => [dispatch.id, dispatch]));
  const index = buildArchiveIndex(
    dispatches.map((dispatch) => ({ entry: toListEntry(dispatch), counterpart: dispatch.counterpart, summary: dispatch.summary, key: dispatch.id })),
  );
  const context: PageContext = { index, countryName };
  const search = new SearchIndexBuilder();
  const names = index.records.map(({ entry }, position) => {
    const dispatch = byId.get(entry.id);
    if (dispatch === undefined) return [];
    const features = featuresOf(dispatch, searchTags(entry));
    search.add(position, features.terms);
    return features.names;
  });
  const countryNames = Object.fromEntries([...index.facets.country.keys()].map((code) => [code, countryName(code)]));
  const found = relatedDispatches(
    index.records.map(({ entry, counterpart }, position) => ({ id: entry.id, date: entry.date, countries: entry.countries, counterpart, names: names[position] ?? [] })),
    countryNames,
  );
  const related = (id: string): RelatedLink[] =>
    (found.get(id) ?? []).flatMap(({ id: other, reason }) => {
      const dispatch = byId.get(other);
      return dispatch === undefined ? [] : [{ id: other, title: dispatch.title, language: dispatch.language, reason }];
    });

  const data = [...listDataFiles(index), ...search.files()];
  const hash = createHash('sha256');
  for (const [path, content] of data) hash.update(path).update('\0').update(content).update('\0');
  const version = hash.digest('hex').slice(0, 12);
  const files = new Map<string, string | Buffer>(data.map(([path, content]) => [`/data/${version}/${path}`, storedForm(content)]));
  files.set(ARCHIVE_SUMMARY_URL, JSON.stringify(archiveSummary(index, version, countryName)));
  const firstSeen = options.firstSeen ?? new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  const feedEntries = index.records.map(({ entry, summary }) => ({ ...entry, summary, firstSeen }));
  for (const feed of feedFiles(feedEntries, { origin: options.origin, countryNames })) files.set(feed.path, feed.text);

  return {
    context,
    files,
    pageFor(pathname) {
      const route = parseRoute(pathname);
      if (route?.kind === 'list') return { page: homePage(context), found: true };
      const dispatch = route?.kind === 'article' ? byId.get(route.id) : undefined;
      if (dispatch !== undefined) return { page: articlePage(dispatch, placementOf(context, dispatch.id, related(dispatch.id))), found: true };
      return { page: notFoundPage(context), found: false };
    },
  };
}
