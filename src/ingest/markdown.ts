/**
 * Plain dispatch text to Markdown that renders back to exactly that text. The body is stored as
 * Markdown so the app can render paragraphs, but the sources are plain text: a "#", "<script>" or
 * "[x](javascript:…)" in a dispatch is something the writer typed, never markup to obey.
 */
import { collapseSpaces } from './text.ts';

// Characters that can open or close an inline construct anywhere in a line: emphasis, code, links,
// raw HTML and autolinks, tables, strikethrough. "!" only matters before "[" (an image) and "&" only
// before something that could read as an entity.
const INLINE_SIGNIFICANT = /[\\`*_[\]<>|~]|!(?=\[)|&(?=[#A-Za-z])/g;

// GFM turns bare web addresses and e-mail addresses into links. An escape inside the address keeps it
// text: the reader sees the same characters, and no link appears that the writer did not make.
const URL_SCHEME = /\b(https?|ftp):(?=\/\/)/gi;
const WWW_PREFIX = /(^|[^\p{L}\p{N}])(www)\./giu;
const EMAIL_AT = /(?<=[\p{L}\p{N}._%+-])@(?=[\p{L}\p{N}])/gu;

// At the start of a line these open a heading, quote, list, thematic break or setext underline.
const BLOCK_START = /^[#>+=-]/;
const ORDERED_LIST_START = /^(\d{1,9})([.)])/;

/** One line of plain text as one Markdown paragraph. Leading spaces go, so nothing becomes a code block. */
export function escapeMarkdownLine(text: string): string {
  // Each rewrite runs only when its character is there: most paragraphs need none of them.
  let line = collapseSpaces(text).replace(INLINE_SIGNIFICANT, '\\$&');
  if (line.includes(':')) line = line.replace(URL_SCHEME, '$1\\:');
  if (/www\./i.test(line)) line = line.replace(WWW_PREFIX, '$1$2\\.');
  if (line.includes('@')) line = line.replace(EMAIL_AT, '\\@');
  if (BLOCK_START.test(line)) return `\\${line}`;
  return line.replace(ORDERED_LIST_START, '$1\\$2');
}

/** Paragraphs joined by a blank line, the only block structure the bundle's bodies use. */
export function paragraphsToMarkdown(paragraphs: readonly string[]): string {
  return paragraphs
    .map(escapeMarkdownLine)
    .filter((paragraph) => paragraph !== '')
    .join('\n\n');
}
