/**
 * What the built site hands the app. The build derives these from the bundle; the app only reads them.
 *
 * Nothing a page carries grows with the archive: a page holds its own article and the first screen of
 * the list around it. Everything else (the rest of the list, facet counts, search) lives in data files
 * of one build, `data/<version>/…`, fetched when the reader needs them; `data/archive.json` names the
 * current version. A position is a dispatch's place in the whole archive, newest first (0 = newest).
 */
import type { Dispatch, DispatchImage } from './schema.ts';

/** One row of the list: everything a row shows, and no body. */
export type ListEntry = Pick<Dispatch, 'id' | 'title' | 'date' | 'dateline' | 'agency' | 'language' | 'countries'> & {
  /** What the row shows under the title: the summary, without words a derived title already shows. */
  snippet: string;
  readingMinutes: number;
};

/** Text of a paragraph, parsed from Markdown at build time: plain strings (never markup) and http(s) links. */
export type Inline = string | { href: string; text: string };
export type Paragraph = Inline[];

/** Another dispatch worth reading next, and why, in words ("also about North Korea · 3 days later"). */
export interface RelatedLink {
  id: string;
  title: string;
  /** The title's language, so that it is read in its own voice. */
  language: ListEntry['language'];
  reason: string;
}

export interface ArticleData {
  entry: ListEntry;
  /** The standfirst, shown above the body; null when the summary is the body's own first paragraph. */
  standfirst: string | null;
  paragraphs: Paragraph[];
  images: DispatchImage[];
  sourceUrl: string | null;
  related: RelatedLink[];
}

/** The first screen of the list a page carries: consecutive entries of the whole archive, newest first. */
export interface ListWindow {
  entries: ListEntry[];
  /** Whether newer and older dispatches exist beyond the window. */
  newer: boolean;
  older: boolean;
}

/** Names the app shows for codes: countries in English, languages in English. */
export interface Names {
  countries: Record<string, string>;
  languages: Record<string, string>;
}

/** A month of the archive (or a year, or the undated), with how many dispatches it holds. */
export interface Period {
  /** "2026-01", "2025" for dispatches dated only by year, "" for undated ones. */
  key: string;
  count: number;
}

/** `data/archive.json`: the archive as a whole, fetched by every page once it is idle. */
export interface ArchiveSummary {
  /** Names this build's data folder, `data/<version>/`. */
  version: string;
  total: number;
  /** Entries per list chunk (`list/<n>.json` holds positions n·chunkSize …). */
  chunkSize: number;
  /** How many files the id → position lookup is spread over (`where/<n>.json`). */
  idShards: number;
  /** Newest first: the list's month headers and the overview's timeline. */
  periods: Period[];
  /** Most frequent first. */
  countries: Array<[code: string, count: number]>;
  agencies: Array<[slug: string, name: string, count: number]>;
  languages: Array<[code: string, count: number]>;
  names: Names;
}

/** What the landing page shows besides the list: the archive at a glance, computed at build time. */
export interface Overview {
  total: number;
  periods: Period[];
  /** The countries dispatches are most often about, besides Việt Nam. */
  counterparts: Array<[code: string, count: number]>;
}

/** Everything a page needs to hydrate, inlined into its HTML. */
export interface PageData {
  /** The pathname this page was rendered for; the app starts from it so hydration matches. */
  pathname: string;
  window: ListWindow;
  article: ArticleData | null;
  overview: Overview | null;
  /** Names for the codes this page shows. */
  names: Names;
}

export const PAGE_DATA_ELEMENT_ID = 'page-data';

/** The data file that names the current build's data folder; never cached without asking. */
export const ARCHIVE_SUMMARY_URL = '/data/archive.json';
