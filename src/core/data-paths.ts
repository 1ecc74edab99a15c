/**
 * Where a build's data files are: the list in chunks, the id lookup, the facets, the dates and the
 * search index (decision 0007). The build writes them; the app's on-demand modules read them.
 */

/**
 * Paths relative to a build's data folder, `/data/<version>/` (see `Archive.file` in the app). Each
 * is JSON stored gzipped (STORED_SUFFIX), and the app inflates it: stored as JSON a data file took
 * five times the space, and as JSON plus a compressed copy for the hosts that send one, six times:
 * most of dist/ at thousands of dispatches (decision 0018).
 */
export const dataFiles = {
  listChunk: (index: number) => `list/${index}.json.gz`,
  idShard: (index: number) => `where/${index}.json.gz`,
  facet: (kind: FacetKind, key: string) => `facets/${kind}/${key}.json.gz`,
  dates: 'dates.json.gz',
  searchDirectory: 'search/directory.json.gz',
  searchTerms: (index: number) => `search/t${index}.json.gz`,
  searchPairs: (index: number) => `search/p${index}.json.gz`,
};

export const STORED_SUFFIX = '.gz';

/** The facets a list can be filtered by, besides dates and search. */
export type FacetKind = 'country' | 'agency' | 'language';
