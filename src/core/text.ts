/** Small wording rules shared by the prerendered pages and the running app, so both say the same. */

export const PRODUCT_NAME = 'Dispatch Reader';

export const NOT_FOUND_TITLE = `Not found · ${PRODUCT_NAME}`;

/** The document title: the article's title first, because tabs and bookmarks cut the end. */
export function pageTitle(articleTitle?: string): string {
  return articleTitle === undefined ? `${PRODUCT_NAME} · Việt Nam's foreign relations` : `${articleTitle} · ${PRODUCT_NAME}`;
}

const WORDS_PER_MINUTE = 220;

export function readingMinutes(wordCount: number): number {
  return Math.max(1, Math.round(wordCount / WORDS_PER_MINUTE));
}

/** Cuts text at a word boundary near `limit` characters. */
export function shortenText(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const cut = text.lastIndexOf(' ', limit);
  return `${text.slice(0, cut > limit / 2 ? cut : limit).replace(/[\s,;:.–—-]+$/, '')}…`;
}

/**
 * The summary without the words a derived title already shows, so the list never shows them twice in
 * a row: after a title cut from the lede ("…"), the rest of that sentence; after a title that is the
 * lede's whole first sentence, the next sentence. A headline-like title made by leaving words out is
 * followed by the whole summary, as a headline is.
 */
export function summaryAfterTitle(title: string, summary: string): string {
  const cut = title.endsWith('…');
  const shown = cut ? title.slice(0, -1).trimEnd() : title;
  if (shown === '' || !summary.startsWith(shown)) return summary;
  const rest = summary.slice(shown.length);
  if (cut) return rest.trim() === '' ? summary : `…${rest.trimStart()}`;
  const nextSentence = /^[.!?]["”’)]*\s+(\S[\s\S]*)$/u.exec(rest)?.[1];
  return nextSentence ?? summary;
}

/** "1 dispatch", "10,000 dispatches". */
export function count(total: number, noun: string): string {
  return `${grouped(total)} ${noun}${total === 1 ? '' : /(?:s|sh|ch|x)$/.test(noun) ? 'es' : 's'}`;
}

/**
 * 10000 → "10,000", as English writes it. Not toLocaleString: its first call in a page loads the
 * browser's locale data, a task of 50 ms on a slow phone, in the middle of the list's first render.
 */
export function grouped(whole: number): string {
  return String(whole).replace(/\B(?=(\d{3})+$)/g, ',');
}
