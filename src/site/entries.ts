/**
 * A dispatch as the site shows it: a row of the list, and the article a page or a reader opens.
 * Build time only; everything a browser would otherwise compute is computed here once.
 */
import type { Dispatch } from '../core/schema.ts';
import type { ArticleData, ListEntry, RelatedLink } from '../core/site-data.ts';
import { readingMinutes, shortenText, summaryAfterTitle } from '../core/text.ts';
import { markdownToParagraphs, paragraphsToText } from './markdown-paragraphs.ts';

/** A row shows a line or two of snippet; more would only travel to be cut off by the CSS. */
const SNIPPET_LIMIT = 110;

export function toListEntry(dispatch: Dispatch): ListEntry {
  const { id, title, titleOrigin, date, dateline, agency, language, countries, summary, wordCount } = dispatch;
  const snippet = titleOrigin === 'derived' ? summaryAfterTitle(title, summary) : summary;
  return {
    id, title, date, dateline, agency, language, countries,
    snippet: shortenText(snippet, SNIPPET_LIMIT),
    readingMinutes: readingMinutes(wordCount),
  };
}

export function toArticleData(dispatch: Dispatch, entry: ListEntry, related: RelatedLink[]): ArticleData {
  const paragraphs = markdownToParagraphs(dispatch.body);
  const firstText = paragraphsToText(paragraphs.slice(0, 1));
  const summary = squash(dispatch.summary);
  return {
    entry,
    standfirst: summary !== '' && squash(firstText) !== summary ? dispatch.summary : null,
    paragraphs,
    images: dispatch.images,
    sourceUrl: dispatch.sourceUrl,
    related,
  };
}

function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
