/**
 * What the page's tools (tools.ts) and keys (keys.ts), both loaded on demand, need to know about the
 * screen: the archive, the list as it is filtered and ordered, the page's first screen of it, the
 * view shown and the dispatch being read. The app keeps it current, and calls `rendered` after each
 * of its renders.
 */
import type { Filters } from '../core/filters.ts';
import type { Route } from '../core/routes.ts';
import type { ListEntry } from '../core/site-data.ts';
import type { Archive } from './archive.ts';
import type { ListView } from './list/view.ts';

export const onScreen: {
  archive: Archive | null;
  view: ListView | null;
  filters: Filters | null;
  entry: ListEntry | undefined;
  firstScreen: readonly ListEntry[];
  route: Route | null;
  rendered?: () => void;
} = { archive: null, view: null, filters: null, entry: undefined, firstScreen: [], route: null };
