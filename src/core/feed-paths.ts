/**
 * Feeds and the filtered views they mirror, a contract like the app's own routes (routes.ts). Paths
 * are site-relative; the build prefixes the origin when it knows one.
 */
import { LIST_PATH } from './routes.ts';

/** What a feed follows: the whole archive, one country, or one agency (by its slug). */
export type FeedView = { kind: 'newest' } | { kind: 'country'; code: string } | { kind: 'agency'; name: string; slug: string };

export type FeedFormat = 'atom' | 'json';

const FEED_EXTENSIONS: Record<FeedFormat, string> = { atom: 'xml', json: 'json' };

/** "/feeds/newest.xml", "/feeds/country/kp.json", "/feeds/agency/vna.xml". */
export function feedPath(view: FeedView, format: FeedFormat): string {
  const extension = FEED_EXTENSIONS[format];
  if (view.kind === 'newest') return `/feeds/newest.${extension}`;
  if (view.kind === 'country') return `/feeds/country/${view.code.toLowerCase()}.${extension}`;
  return `/feeds/agency/${view.slug}.${extension}`;
}

/** The list filtered the way a feed is: "/", "/?country=KP", "/?agency=vietnam-news-agency". */
export function feedViewPath(view: FeedView): string {
  if (view.kind === 'newest') return LIST_PATH;
  if (view.kind === 'country') return `${LIST_PATH}?country=${encodeURIComponent(view.code.toUpperCase())}`;
  return `${LIST_PATH}?agency=${encodeURIComponent(view.slug)}`;
}
