/**
 * What the built site hands the app. The build derives these from the bundle; the app only reads
 * them. The list is kept apart from article bodies so that a large archive can load bodies on demand:
 * every page carries the list, but only its own article.
 */
import type { Dispatch, DispatchImage } from './schema.ts';

/** One row of the list: everything the list, the filters and a title search need, and no body. */
export type ListEntry = Pick<
  Dispatch,
  'id' | 'path' | 'title' | 'date' | 'dateline' | 'agency' | 'language' | 'countries' | 'summary'
> & {
  /** What the list shows under the title: the summary, without words a derived title already shows. */
  snippet: string;
  readingMinutes: number;
  /** The language's English name ("Norwegian Bokmål"), named at build time so no table ships. */
  languageName: string;
  /** "10 January 2026", "July 2025" or "Undated", written at build time for the same reason. */
  dateLabel: string;
};

export interface ListData {
  /** Names the data files of one build, so a long-open page never mixes builds. */
  version: string;
  countryNames: Record<string, string>;
  /** Every country in the archive with how many dispatches name it, most frequent first. */
  countryCounts: Array<{ code: string; count: number }>;
  /** Newest first, undated last. */
  entries: ListEntry[];
}

/** Text of a paragraph, parsed from Markdown at build time: plain strings (never markup) and http(s) links. */
export type Inline = string | { href: string; text: string };
export type Paragraph = Inline[];

export interface ArticleData {
  id: string;
  /** False when the summary (in the list entry) is the body's own first paragraph: shown once, not twice. */
  showSummary: boolean;
  paragraphs: Paragraph[];
  images: DispatchImage[];
  sourceUrl: string | null;
}

/** Plain body text per dispatch id, fetched when the reader first searches. */
export type SearchTexts = Record<string, string>;

/** Everything a page needs to hydrate, inlined into its HTML. */
export interface PageData {
  list: ListData;
  /** The pathname this page was rendered for; the app starts from it so hydration matches. */
  pathname: string;
  article: ArticleData | null;
}

export const PAGE_DATA_ELEMENT_ID = 'page-data';
