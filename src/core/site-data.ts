/**
 * What the built site hands the app. The build derives these from the bundle; the app only reads
 * them. The list is kept apart from article bodies so that a large archive can load bodies on demand:
 * every page carries the list, but only its own article.
 */
import type { Dispatch, DispatchImage } from './schema.ts';

/** One row of the list: everything the list, the filters and a title search need, and no body. */
export type ListEntry = Pick<
  Dispatch,
  'id' | 'path' | 'title' | 'titleOrigin' | 'date' | 'dateline' | 'agency' | 'language' | 'countries' | 'summary' | 'wordCount'
> & {
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

/** Inline Markdown, already parsed at build time. Strings are plain text, never markup. */
export type Inline =
  | string
  | { t: 'em' | 'strong' | 'del' | 'code'; c: Inline[] }
  | { t: 'a'; href: string; c: Inline[] }
  | { t: 'br' };

export type Block =
  | { t: 'p'; c: Inline[] }
  | { t: 'h'; level: 2 | 3 | 4 | 5 | 6; c: Inline[] }
  | { t: 'quote'; c: Block[] }
  | { t: 'list'; ordered: boolean; items: Block[][] }
  | { t: 'code'; text: string }
  | { t: 'hr' };

export interface ArticleData {
  id: string;
  /** False when the summary (in the list entry) is the body's own first paragraph: shown once, not twice. */
  showSummary: boolean;
  blocks: Block[];
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
