/**
 * Atom (RFC 4287) and JSON Feed 1.1 files for the newest dispatches of the whole archive, of each
 * country and of each agency. Build time only; pure: the caller writes the files.
 *
 * The writer is our own rather than the `feed` package: feed 6.0.0 cannot put a language on an entry,
 * writes JSON Feed 1.0, marks plain-text titles as HTML and breaks well-formedness on a second "]]>"
 * or a control character (docs/decisions/0011-feeds-written-by-us.md).
 */
import { createHash } from 'node:crypto';
import { formatDate } from '../core/date-format.ts';
import { isRealDay } from '../core/dates.ts';
import { feedPath, feedViewPath, type FeedView } from '../core/feed-paths.ts';
import { articlePath } from '../core/routes.ts';
import { agencySlugs } from './agency-slugs.ts';
import { PRODUCT_NAME } from '../core/text.ts';

/** One dispatch as a feed needs it: a list entry plus when the build first saw it. */
export interface FeedEntry {
  id: string;
  title: string;
  /** "YYYY-MM-DD", "YYYY-MM", "YYYY" or null, as the bundle stores it. */
  date: string | null;
  agency: string | null;
  /** BCP-47; "und" when unknown. */
  language: string;
  countries: readonly string[];
  summary: string;
  /** ISO 8601 time with a zone: stands in for the date a dispatch lacks, and the entry says so. */
  firstSeen: string;
}

export interface FeedSite {
  /** "https://dispatches.example"; undefined leaves every link site-relative (see `siteUrl`). */
  origin: string | undefined;
  countryNames: Readonly<Record<string, string>>;
}

/** A feed's view with the entries it shows, newest first as the list shows them. */
export interface FeedPlan {
  view: FeedView;
  title: string;
  entries: readonly FeedEntry[];
}

export interface FeedFile {
  /** Site-relative, e.g. "/feeds/country/kp.xml". */
  path: string;
  mediaType: 'application/atom+xml' | 'application/feed+json';
  text: string;
}

/** The newest dispatches of the whole archive: what most readers subscribe to. */
export const FEED_SIZE = 50;
/**
 * A country's or an agency's feed: a feed reader polls it as often as the main one and keeps what it
 * has seen, so ten entries (a common size for a feed) lose nothing between two polls. There are
 * dozens of such feeds: at 1,000 dispatches, fifty entries each came to a tenth of dist/.
 */
export const FACET_FEED_SIZE = 10;

/**
 * The feeds an archive has, from its list entries newest first: one pass, each group keeping only its
 * first entries (FEED_SIZE, FACET_FEED_SIZE), so the cost is the archive's size times its countries per dispatch and
 * never a sort. A feed mirrors its filtered view, so its entries are the view's first ones.
 */
export function planFeeds(newestFirst: readonly FeedEntry[], site: FeedSite): FeedPlan[] {
  const newest: FeedEntry[] = [];
  const byCountry = new Map<string, FeedEntry[]>();
  const byAgency = new Map<string, FeedEntry[]>();
  for (const entry of newestFirst) {
    if (newest.length < FEED_SIZE) newest.push(entry);
    for (const code of new Set(entry.countries)) keepNewest(byCountry, code, entry);
    if (entry.agency !== null) keepNewest(byAgency, entry.agency, entry);
  }
  const plans: FeedPlan[] = [];
  if (newest.length > 0) plans.push(plan({ kind: 'newest' }, newest, site));
  for (const code of [...byCountry.keys()].sort()) {
    plans.push(plan({ kind: 'country', code }, byCountry.get(code) ?? [], site));
  }
  const slugs = agencySlugs(byAgency.keys());
  for (const [name, slug] of [...slugs].sort((a, b) => (a[1] < b[1] ? -1 : 1))) {
    plans.push(plan({ kind: 'agency', name, slug }, byAgency.get(name) ?? [], site));
  }
  return plans;
}

function keepNewest(groups: Map<string, FeedEntry[]>, key: string, entry: FeedEntry): void {
  const group = groups.get(key);
  if (group === undefined) groups.set(key, [entry]);
  else if (group.length < FACET_FEED_SIZE) group.push(entry);
}

function plan(view: FeedView, entries: FeedEntry[], site: FeedSite): FeedPlan {
  return { view, title: feedTitle(view, site.countryNames), entries };
}

/** What the view shows, in words: "Newest dispatches", "North Korea", "Vietnam News Agency". */
export function feedViewName(view: FeedView, countryNames: Readonly<Record<string, string>>): string {
  if (view.kind === 'newest') return 'Newest dispatches';
  if (view.kind === 'country') return countryNames[view.code] ?? view.code;
  return view.name;
}

/** "Dispatch Reader · North Korea": the product, then the view, as the page titles read. */
export function feedTitle(view: FeedView, countryNames: Readonly<Record<string, string>>): string {
  return `${PRODUCT_NAME} · ${feedViewName(view, countryNames)}`;
}

function feedSubtitle(view: FeedView, countryNames: Readonly<Record<string, string>>): string {
  if (view.kind === 'newest') return `The newest dispatches in ${PRODUCT_NAME}.`;
  if (view.kind === 'country') return `The newest dispatches tagged ${feedViewName(view, countryNames)}.`;
  return `The newest dispatches from ${view.name}.`;
}

/** Both files of every feed, one feed at a time, so the caller can write them as they come. */
export function* feedFiles(newestFirst: readonly FeedEntry[], site: FeedSite): Generator<FeedFile> {
  for (const feed of planFeeds(newestFirst, site)) {
    yield { path: feedPath(feed.view, 'atom'), mediaType: 'application/atom+xml', text: atomFeed(feed, site) };
    yield { path: feedPath(feed.view, 'json'), mediaType: 'application/feed+json', text: jsonFeed(feed, site) };
  }
}

/**
 * A site path as a feed writes it: absolute under the origin, else left site-relative. Atom allows a
 * relative IRI reference in `href` (readers resolve it against the feed's own address); ids never use
 * this, so a feed's ids are the same wherever the site is hosted.
 */
export function siteUrl(path: string, origin: string | undefined): string {
  return origin === undefined ? path : origin.replace(/\/+$/, '') + path;
}

// --- What an entry says -------------------------------------------------------------------------------

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** When an entry counts as updated, and whether that time is the dispatch's own or a stand-in. */
export function entryTime(entry: FeedEntry): { updated: string; published: string | null; note: string | null } {
  if (entry.date !== null && isRealDay(entry.date)) {
    const day = `${entry.date}T00:00:00Z`;
    return { updated: day, published: day, note: null };
  }
  const seen = new Date(entry.firstSeen);
  if (!ISO_TIME.test(entry.firstSeen) || Number.isNaN(seen.getTime())) {
    throw new Error(`${entry.id}: firstSeen "${entry.firstSeen}" is not an ISO 8601 time with a zone`);
  }
  const dated = entry.date === null ? 'carries no date' : `is dated ${formatDate(entry.date)} only`;
  return {
    updated: seen.toISOString(),
    published: null,
    note: `The dispatch ${dated}; the time given here is when this archive first saw it.`,
  };
}

/** The summary, then the note about a stand-in time when there is one. */
function entryText(entry: FeedEntry, note: string | null): string {
  return [entry.summary.trim(), note].filter((part): part is string => part !== null && part !== '').join('\n\n');
}

/** Newest `updated` of the feed's entries; RFC 3339 strings in UTC compare as text. */
function feedUpdated(entries: readonly FeedEntry[]): string {
  let newest = '';
  for (const entry of entries) {
    const { updated } = entryTime(entry);
    if (updated > newest) newest = updated;
  }
  return newest === '' ? '1970-01-01T00:00:00Z' : newest;
}

/** Atom needs an author for every entry; an agency the text never names is said plainly. */
export const UNKNOWN_AGENCY = 'Agency not stated';

// --- Ids ----------------------------------------------------------------------------------------------

// The product's own UUID namespace (random, fixed forever): name-based ids below hang off it.
const ID_NAMESPACE = '6f1d3c2e-8a4b-4f7e-9c61-2b5d0e9a7f13';

/**
 * A name-based UUID (RFC 9562 version 5) as a URN: valid wherever Atom wants an IRI, the same on
 * every build and host, and never reused for a different dispatch.
 */
export function stableUrn(name: string): string {
  const namespace = Buffer.from(ID_NAMESPACE.replace(/-/g, ''), 'hex');
  const bytes = createHash('sha1').update(namespace).update(name, 'utf8').digest().subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function entryId(dispatchId: string): string {
  return stableUrn(`dispatch:${dispatchId}`);
}

function feedId(view: FeedView): string {
  return stableUrn(`feed:${feedPath(view, 'atom')}`);
}

// --- Atom -----------------------------------------------------------------------------------------------

/** Whether XML 1.0 can carry a code point at all (its `Char` production); lone surrogates cannot. */
function isXmlCharacter(code: number): boolean {
  return (
    code === 0x9 || code === 0xa || code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff)
  );
}

/**
 * The text without what XML cannot carry (most C0 controls, U+FFFE, U+FFFF, lone surrogates), so the
 * document stays well-formed whatever the dispatch holds. JSON gets the same text, so both feeds agree.
 */
export function feedSafeText(text: string): string {
  let safe = '';
  for (const character of text) {
    if (isXmlCharacter(character.codePointAt(0) ?? 0)) safe += character;
  }
  return safe;
}

// ">" is escaped too, so "]]>" can never appear in character data.
function xmlText(text: string): string {
  return feedSafeText(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#xD;');
}

// Attribute values also keep their whitespace: a parser would turn a raw tab or line break into a space.
function xmlAttribute(text: string): string {
  return xmlText(text).replace(/"/g, '&quot;').replace(/\t/g, '&#x9;').replace(/\n/g, '&#xA;');
}

/** xml:lang for an entry: "" says "no language known" and stops the feed's "en" from applying. */
function xmlLang(language: string): string {
  return language === 'und' ? '' : language;
}

function element(name: string, text: string, attributes = ''): string {
  return `<${name}${attributes}>${xmlText(text)}</${name}>`;
}

function link(rel: string, href: string, type: string): string {
  return `<link rel="${rel}" type="${type}" href="${xmlAttribute(href)}"/>`;
}

export function atomFeed(feed: FeedPlan, site: FeedSite): string {
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">',
    `  ${element('id', feedId(feed.view))}`,
    `  ${element('title', feed.title, ' type="text"')}`,
    `  ${element('subtitle', feedSubtitle(feed.view, site.countryNames), ' type="text"')}`,
    `  ${element('updated', feedUpdated(feed.entries))}`,
    `  ${link('self', siteUrl(feedPath(feed.view, 'atom'), site.origin), 'application/atom+xml')}`,
    `  ${link('alternate', siteUrl(feedViewPath(feed.view), site.origin), 'text/html')}`,
    `  ${link('alternate', siteUrl(feedPath(feed.view, 'json'), site.origin), 'application/feed+json')}`,
    `  ${element('generator', PRODUCT_NAME)}`,
    ...feed.entries.map((entry) => atomEntry(entry, site)),
    '</feed>',
    '',
  ];
  return lines.join('\n');
}

function atomEntry(entry: FeedEntry, site: FeedSite): string {
  const time = entryTime(entry);
  const text = entryText(entry, time.note);
  const parts = [
    element('id', entryId(entry.id)),
    element('title', entry.title, ' type="text"'),
    link('alternate', siteUrl(articlePath(entry.id), site.origin), 'text/html'),
    element('updated', time.updated),
    ...(time.published === null ? [] : [element('published', time.published)]),
    `<author>${element('name', entry.agency ?? UNKNOWN_AGENCY)}</author>`,
    ...entry.countries.map(
      (code) => `<category term="${xmlAttribute(code)}" label="${xmlAttribute(site.countryNames[code] ?? code)}"/>`,
    ),
    ...(text === '' ? [] : [element('summary', text, ' type="text"')]),
  ];
  return [`  <entry xml:lang="${xmlAttribute(xmlLang(entry.language))}">`, ...parts.map((part) => `    ${part}`), '  </entry>'].join('\n');
}

// --- JSON Feed 1.1 ----------------------------------------------------------------------------------------

export const JSON_FEED_VERSION = 'https://jsonfeed.org/version/1.1';

interface JsonFeedItem {
  id: string;
  url: string;
  title: string;
  content_text: string;
  summary?: string;
  date_published?: string;
  date_modified: string;
  authors?: Array<{ name: string }>;
  tags?: string[];
  language?: string;
}

export function jsonFeed(feed: FeedPlan, site: FeedSite): string {
  const languages = new Set(feed.entries.map((entry) => entry.language));
  const [onlyLanguage] = languages;
  const document = {
    version: JSON_FEED_VERSION,
    title: feedSafeText(feed.title),
    home_page_url: siteUrl(feedViewPath(feed.view), site.origin),
    feed_url: siteUrl(feedPath(feed.view, 'json'), site.origin),
    description: feedSafeText(feedSubtitle(feed.view, site.countryNames)),
    // Only a feed whose dispatches all share one known language has one of its own.
    ...(languages.size === 1 && onlyLanguage !== undefined && onlyLanguage !== 'und' ? { language: onlyLanguage } : {}),
    items: feed.entries.map((entry) => jsonItem(entry, site)),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

function jsonItem(entry: FeedEntry, site: FeedSite): JsonFeedItem {
  const time = entryTime(entry);
  const summary = feedSafeText(entry.summary.trim());
  const item: JsonFeedItem = {
    id: entryId(entry.id),
    url: siteUrl(articlePath(entry.id), site.origin),
    title: feedSafeText(entry.title),
    // JSON Feed wants content in every item: the summary, and the note about a stand-in time.
    content_text: feedSafeText(entryText(entry, time.note)),
    date_modified: time.updated,
  };
  // A summary only where it says less than the content (which adds the note about a stand-in time).
  if (summary !== '' && summary !== item.content_text) item.summary = summary;
  if (time.published !== null) item.date_published = time.published;
  if (entry.agency !== null) item.authors = [{ name: feedSafeText(entry.agency) }];
  if (entry.countries.length > 0) item.tags = entry.countries.map((code) => feedSafeText(site.countryNames[code] ?? code));
  if (entry.language !== 'und') item.language = entry.language;
  return item;
}
