/**
 * What the page's tools (tools.ts, loaded on demand) need to know about the screen: the archive,
 * the list as it is filtered and ordered, and the dispatch being read. The app keeps it current.
 */
import type { Filters } from '../core/filters.ts';
import type { ListEntry } from '../core/site-data.ts';
import type { Archive } from './archive.ts';
import type { ListView } from './list/view.ts';

export const onScreen: {
  archive: Archive | null;
  view: ListView | null;
  filters: Filters | null;
  entry: ListEntry | undefined;
} = { archive: null, view: null, filters: null, entry: undefined };
