/**
 * Where a build's data files are: the list in chunks, the id lookup, the facets, the dates and the
 * search index (decision 0007). The build writes them; the app's on-demand modules read them.
 */

/** Paths relative to a build's data folder, `/data/<version>/` (see `Archive.file` in the app). */
export const dataFiles = {
  listChunk: (index: number) => `list/${index}.json`,
  idShard: (index: number) => `where/${index}.json`,
  facet: (kind: FacetKind, key: string) => `facets/${kind}/${key}.json`,
  dates: 'dates.json',
  searchDirectory: 'search/directory.json',
  searchTerms: (index: number) => `search/t${index}.json`,
  searchPairs: (index: number) => `search/p${index}.json`,
};

/** The facets a list can be filtered by, besides dates and search. */
export type FacetKind = 'country' | 'agency' | 'language';
