/**
 * The bundle → what the built site serves: one list for every page, one data file per article and
 * the plain text search reads. Build time only.
 */
import { createHash } from 'node:crypto';
import { formatDate } from '../core/dates.ts';
import { readingMinutes, summaryAfterTitle } from '../core/text.ts';
import { compareNewestFirst } from '../core/filters.ts';
import { countCountries } from '../core/view.ts';
import type { Bundle, Dispatch } from '../core/schema.ts';
import type { ArticleData, ListData, ListEntry, SearchTexts } from '../core/site-data.ts';
import { markdownToParagraphs, paragraphsToText } from './markdown-paragraphs.ts';

export interface SiteData {
  list: ListData;
  articles: Map<string, ArticleData>;
  searchTexts: SearchTexts;
}

export function buildSiteData(bundle: Bundle): SiteData {
  const entries = bundle.dispatches.map(toListEntry).sort(compareNewestFirst);
  const articles = new Map<string, ArticleData>();
  const searchTexts: SearchTexts = {};
  for (const dispatch of bundle.dispatches) {
    const article = toArticleData(dispatch);
    articles.set(dispatch.id, article);
    const captions = dispatch.images.map((image) => image.caption);
    searchTexts[dispatch.id] = [paragraphsToText(article.paragraphs), ...captions].join('\n');
  }
  const usedCodes = new Set(entries.flatMap((entry) => entry.countries));
  const countryNames = Object.fromEntries(
    Object.entries(bundle.countryNames).filter(([code]) => usedCodes.has(code)),
  );
  const version = contentVersion([entries, countryNames, [...articles], searchTexts]);
  return {
    list: { version, countryNames, countryCounts: countCountries(entries, countryNames), entries },
    articles,
    searchTexts,
  };
}

const LANGUAGE_NAMES = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' });

function toListEntry(dispatch: Dispatch): ListEntry {
  const { id, path, title, titleOrigin, date, dateline, agency, language, countries, summary, wordCount } = dispatch;
  const snippet = titleOrigin === 'derived' ? summaryAfterTitle(title, summary) : summary;
  const languageName = language === 'und' ? 'Unknown language' : (LANGUAGE_NAMES.of(language) ?? language);
  const dateLabel = date === null ? 'Undated' : formatDate(date);
  return {
    id, path, title, date, dateLabel, dateline, agency, language, languageName, countries, summary, snippet,
    readingMinutes: readingMinutes(wordCount),
  };
}

function toArticleData(dispatch: Dispatch): ArticleData {
  const paragraphs = markdownToParagraphs(dispatch.body);
  const firstText = paragraphsToText(paragraphs.slice(0, 1));
  return {
    id: dispatch.id,
    showSummary: dispatch.summary.trim() !== '' && squash(firstText) !== squash(dispatch.summary),
    paragraphs,
    images: dispatch.images,
    sourceUrl: dispatch.sourceUrl,
  };
}

function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Same content, same version: a rebuild of unchanged dispatches keeps every URL. */
function contentVersion(parts: unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 10);
}
