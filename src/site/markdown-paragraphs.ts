/**
 * Markdown → paragraphs the app renders as React elements, at build time.
 *
 * The browser never parses Markdown and never receives markup: raw HTML in a body becomes literal
 * text, images become their alt text, and a link survives only when it points to http(s).
 *
 * The ingest writes bodies as escaped plain paragraphs, so paragraphs of text (and links) are all a
 * body holds today. Any richer Markdown (headings, lists, emphasis) is kept as its words, a paragraph
 * per block, rather than shipping a renderer for structure no dispatch has.
 */
import { decodeHTML } from 'entities';
import { marked, type Token, type Tokens } from 'marked';
import type { Inline, Paragraph } from '../core/site-data.ts';

export function markdownToParagraphs(markdown: string): Paragraph[] {
  return marked.lexer(markdown).flatMap(paragraphsOf).filter((paragraph) => paragraph.length > 0);
}

function paragraphsOf(token: Token): Paragraph[] {
  switch (token.type) {
    case 'space':
    case 'def':
    case 'hr':
      return [];
    case 'list':
      return (token as Tokens.List).items.flatMap((item) => item.tokens.flatMap(paragraphsOf));
    case 'blockquote':
      return (token as Tokens.Blockquote).tokens.flatMap(paragraphsOf);
    case 'table': {
      const table = token as Tokens.Table;
      return [table.header, ...table.rows].map((cells) => [cells.map((cell) => cell.text).join(' | ')]);
    }
    case 'code':
      return [[(token as Tokens.Code).text]];
    case 'html':
      return [[(token as Tokens.HTML).raw.trim()]];
    default: {
      // Paragraphs, headings and the "text" blocks of tight list items: their inline tokens.
      const tokens = 'tokens' in token && Array.isArray(token.tokens) ? (token.tokens as Token[]) : null;
      if (tokens) return [inlinesOf(tokens)];
      return 'raw' in token && typeof token.raw === 'string' && token.raw.trim() !== '' ? [[token.raw.trim()]] : [];
    }
  }
}

function inlinesOf(tokens: Token[]): Inline[] {
  const out: Inline[] = [];
  for (const token of tokens) {
    const inline = inlineOf(token);
    // Neighbouring strings merge, so the app renders few, long text nodes.
    const last = out[out.length - 1];
    if (typeof inline === 'string' && typeof last === 'string') out[out.length - 1] = last + inline;
    else out.push(inline);
  }
  return out;
}

function inlineOf(token: Token): Inline {
  switch (token.type) {
    case 'escape':
      return (token as Tokens.Escape).text;
    case 'text':
      return 'tokens' in token && token.tokens ? textOf(token.tokens) : decodeHTML((token as Tokens.Text).text);
    case 'link': {
      const link = token as Tokens.Link;
      const text = textOf(link.tokens);
      return isWebLink(link.href) ? { href: link.href, text } : text;
    }
    case 'image':
      return decodeHTML((token as Tokens.Image).text);
    case 'br':
      return ' ';
    case 'codespan':
      return decodeHTML((token as Tokens.Codespan).text);
    case 'html':
      return (token as Tokens.Tag).raw;
    default:
      // Emphasis, strong, strikethrough: their words.
      return 'tokens' in token && Array.isArray(token.tokens) ? textOf(token.tokens as Token[]) : 'raw' in token ? String(token.raw) : '';
  }
}

function textOf(tokens: Token[]): string {
  return inlinesOf(tokens)
    .map((inline) => (typeof inline === 'string' ? inline : inline.text))
    .join('');
}

function isWebLink(href: string): boolean {
  try {
    const url = new URL(href);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/** The words of the paragraphs, one per line: what search reads. */
export function paragraphsToText(paragraphs: Paragraph[]): string {
  return paragraphs.map((paragraph) => paragraph.map((inline) => (typeof inline === 'string' ? inline : inline.text)).join('')).join('\n');
}
