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
 * The summary without the words a derived title already shows: a title cut from the lede would
 * otherwise be read twice in a row in the list.
 */
export function summaryAfterTitle(title: string, summary: string): string {
  const shown = title.endsWith('…') ? title.slice(0, -1).trimEnd() : title;
  if (shown === '' || !summary.startsWith(shown)) return summary;
  const rest = summary.slice(shown.length).trimStart();
  return rest === '' ? summary : `…${rest}`;
}

/** "1 dispatch", "10,000 dispatches". */
export function count(total: number, noun: string): string {
  return `${total.toLocaleString('en')} ${noun}${total === 1 ? '' : /(?:s|sh|ch|x)$/.test(noun) ? 'es' : 's'}`;
}
