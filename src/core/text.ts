/** Small wording rules shared by the prerendered pages and the running app, so both say the same. */

export const PRODUCT_NAME = 'Dispatch Reader';

/** The document title: the article's title first, because tabs and bookmarks cut the end. */
export function pageTitle(articleTitle?: string): string {
  return articleTitle === undefined ? `${PRODUCT_NAME} · Việt Nam's foreign relations` : `${articleTitle} · ${PRODUCT_NAME}`;
}

const WORDS_PER_MINUTE = 220;

export function readingMinutes(wordCount: number): number {
  return Math.max(1, Math.round(wordCount / WORDS_PER_MINUTE));
}

/** English names of the languages a dispatch may be in; the tag itself for the rest. */
const LANGUAGE_NAMES: Record<string, string> = {
  en: 'English', nb: 'Norwegian', nn: 'Norwegian', no: 'Norwegian', sv: 'Swedish', da: 'Danish', de: 'German',
  fr: 'French', es: 'Spanish', vi: 'Vietnamese', ru: 'Russian', zh: 'Chinese', ja: 'Japanese', ko: 'Korean',
  it: 'Italian', pt: 'Portuguese', nl: 'Dutch', pl: 'Polish', fi: 'Finnish', und: 'Unknown language',
};

export function languageName(tag: string): string {
  return LANGUAGE_NAMES[tag.split('-')[0] ?? tag] ?? tag;
}

/** Cuts text at a word boundary near `limit` characters. */
export function shortenText(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const cut = text.lastIndexOf(' ', limit);
  return `${text.slice(0, cut > limit / 2 ? cut : limit).replace(/[\s,;:.–—-]+$/, '')}…`;
}
