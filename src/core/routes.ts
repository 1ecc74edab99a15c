/**
 * Routes and link builders: every URL the product makes comes from here, in the ingest (a dispatch's
 * `path`), the prerender (one page per path) and the app (links, history entries).
 */

import { fold } from './fold.ts';

export const LIST_PATH = '/';
const ARTICLE_PREFIX = '/article/';

/** The pathname the 404 page is rendered for: no route has it, so the app shows "not found". */
export const NOT_FOUND_PATH = '/404';

export function articlePath(id: string): string {
  return ARTICLE_PREFIX + id;
}

export type Route = { kind: 'list' } | { kind: 'article'; id: string };

/**
 * Which view a pathname asks for. A trailing slash is accepted because plain static servers redirect
 * `/article/<id>` to `/article/<id>/` when the page is stored as `article/<id>/index.html`.
 */
export function parseRoute(pathname: string): Route | null {
  const path = pathname.length > 1 && pathname.endsWith('/') ? pathname.slice(0, -1) : pathname;
  if (path === '' || path === LIST_PATH || path === '/index.html') return { kind: 'list' };
  if (!path.startsWith(ARTICLE_PREFIX)) return null;
  const rawId = path.slice(ARTICLE_PREFIX.length).replace(/\.html$/, '');
  let id: string;
  try {
    id = decodeURIComponent(rawId);
  } catch {
    return null;
  }
  return id === '' || id.includes('/') ? null : { kind: 'article', id };
}

export function routePath(route: Route): string {
  return route.kind === 'list' ? LIST_PATH : articlePath(route.id);
}

/** Data files of one build live under its version, so a page never mixes two builds' files. */
export function articleDataUrl(version: string, id: string): string {
  return `/data/${version}/article/${id}.json`;
}

export function searchTextsUrl(version: string): string {
  return `/data/${version}/search.json`;
}

// Feeds and the filtered views they mirror. Paths are site-relative; the build prefixes the origin
// when it knows one.

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

/** The list filtered the way a feed is: "/", "/?country=KP", "/?agency=Vietnam+News+Agency". */
export function feedViewPath(view: FeedView): string {
  if (view.kind === 'newest') return LIST_PATH;
  if (view.kind === 'country') return `${LIST_PATH}?country=${encodeURIComponent(view.code.toUpperCase())}`;
  return `${LIST_PATH}?agency=${encodeURIComponent(view.name).replace(/%20/g, '+')}`;
}

/**
 * An agency's name as a URL segment: "Thông tấn xã Việt Nam" → "thong-tan-xa-viet-nam". Letters lose
 * case and marks; anything else becomes one "-". A name with no Latin letter or digit to keep (Cyrillic,
 * CJK) gets "agency-" and a hash of the name: stable, and safe in any URL or file name.
 */
export function agencySlugBase(name: string): string {
  const slug = fold(name).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return slug === '' ? `agency-${shortHash(name)}` : slug;
}

/**
 * A slug for every agency, never two alike. When names fold to the same slug ("Việt Nam News Agency",
 * "Viet Nam News Agency"), the first in code-point order keeps the plain slug and each other adds a
 * short hash of its own exact name, so its URL depends only on its name, not on what else collides.
 */
export function agencySlugs(names: Iterable<string>): Map<string, string> {
  const byBase = new Map<string, string[]>();
  for (const name of new Set(names)) {
    const base = agencySlugBase(name);
    byBase.set(base, [...(byBase.get(base) ?? []), name]);
  }
  const slugs = new Map<string, string>();
  const taken = new Set(byBase.keys());
  for (const [base, group] of byBase) {
    const [first, ...others] = [...group].sort(compareCodePoints);
    if (first !== undefined) slugs.set(first, base);
    for (const name of others) {
      let slug = `${base}-${shortHash(name)}`;
      // A base that itself looks like "x-1a2b3c" could equal a hashed slug; salt the hash until it is free.
      for (let salt = 1; taken.has(slug); salt += 1) slug = `${base}-${shortHash(`${name}#${salt}`)}`;
      taken.add(slug);
      slugs.set(name, slug);
    }
  }
  return slugs;
}

function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** FNV-1a, 32 bits, as six base-36 digits: short, stable across runs and platforms, no crypto needed. */
function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (const unit of new TextEncoder().encode(text)) {
    hash ^= unit;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36).padStart(7, '0').slice(-6);
}
