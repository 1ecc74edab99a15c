/**
 * Markdown → blocks the app renders as React elements, at build time.
 *
 * The browser never parses Markdown and never receives markup: raw HTML in a body becomes literal
 * text, images become their alt text, and a link survives only when it points to http(s).
 */
import { decodeHTML } from 'entities';
import { marked, type Token, type Tokens } from 'marked';
import type { Block, Inline } from '../core/site-data.ts';

export function markdownToBlocks(markdown: string): Block[] {
  return marked.lexer(markdown).flatMap(toBlocks);
}

function toBlocks(token: Token): Block[] {
  switch (token.type) {
    case 'paragraph':
      return [{ t: 'p', c: toInlines((token as Tokens.Paragraph).tokens) }];
    case 'text': {
      // A tight list item holds "text" blocks whose children are inline tokens.
      const text = token as Tokens.Text;
      return [{ t: 'p', c: text.tokens ? toInlines(text.tokens) : [decodeHTML(text.text)] }];
    }
    case 'heading': {
      // The article's title is the page's only h1, so body headings start one level down.
      const heading = token as Tokens.Heading;
      const level = Math.min(6, Math.max(2, heading.depth + 1)) as 2 | 3 | 4 | 5 | 6;
      return [{ t: 'h', level, c: toInlines(heading.tokens) }];
    }
    case 'blockquote':
      return [{ t: 'quote', c: (token as Tokens.Blockquote).tokens.flatMap(toBlocks) }];
    case 'list': {
      const list = token as Tokens.List;
      return [{ t: 'list', ordered: list.ordered, items: list.items.map((item) => item.tokens.flatMap(toBlocks)) }];
    }
    case 'code':
      return [{ t: 'code', text: (token as Tokens.Code).text }];
    case 'hr':
      return [{ t: 'hr' }];
    case 'html':
      return [{ t: 'p', c: [(token as Tokens.HTML).raw.trim()] }];
    case 'table': {
      // Tables do not occur in dispatches; keep their text rather than drop it.
      const table = token as Tokens.Table;
      const rows = [table.header, ...table.rows].map((cells) => cells.map((cell) => cell.text).join(' | '));
      return rows.map((row) => ({ t: 'p', c: [row] }));
    }
    case 'space':
    case 'def':
      return [];
    default:
      return 'raw' in token && typeof token.raw === 'string' && token.raw.trim() !== '' ? [{ t: 'p', c: [token.raw.trim()] }] : [];
  }
}

function toInlines(tokens: Token[] | undefined): Inline[] {
  const out: Inline[] = [];
  for (const token of tokens ?? []) {
    for (const inline of toInline(token)) {
      // Merge neighbouring strings so the app renders fewer, longer text nodes.
      const last = out[out.length - 1];
      if (typeof inline === 'string' && typeof last === 'string') out[out.length - 1] = last + inline;
      else out.push(inline);
    }
  }
  return out;
}

function toInline(token: Token): Inline[] {
  switch (token.type) {
    case 'text':
    case 'escape': {
      const text = token as Tokens.Text | Tokens.Escape;
      if ('tokens' in text && text.tokens) return toInlines(text.tokens);
      return [token.type === 'escape' ? text.text : decodeHTML(text.text)];
    }
    case 'em':
    case 'strong':
    case 'del':
      return [{ t: token.type, c: toInlines((token as Tokens.Em | Tokens.Strong | Tokens.Del).tokens) }];
    case 'codespan':
      return [{ t: 'code', c: [decodeHTML((token as Tokens.Codespan).text)] }];
    case 'br':
      return [{ t: 'br' }];
    case 'link': {
      const link = token as Tokens.Link;
      const children = toInlines(link.tokens);
      return isWebLink(link.href) ? [{ t: 'a', href: link.href, c: children }] : children;
    }
    case 'image':
      return [decodeHTML((token as Tokens.Image).text)];
    case 'html':
      return [(token as Tokens.Tag).raw];
    default:
      return 'raw' in token && typeof token.raw === 'string' ? [token.raw] : [];
  }
}

export function isWebLink(href: string): boolean {
  try {
    const url = new URL(href);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/** The words of the blocks, one paragraph per line: what search reads. */
export function blocksToText(blocks: Block[]): string {
  return blocks.map(blockText).filter((text) => text !== '').join('\n');
}

function blockText(block: Block): string {
  switch (block.t) {
    case 'p':
    case 'h':
      return inlineText(block.c);
    case 'quote':
      return blocksToText(block.c);
    case 'list':
      return block.items.map(blocksToText).join('\n');
    case 'code':
      return block.text;
    case 'hr':
      return '';
  }
}

function inlineText(inlines: Inline[]): string {
  return inlines
    .map((inline) => {
      if (typeof inline === 'string') return inline;
      if (inline.t === 'br') return '\n';
      return inlineText(inline.c);
    })
    .join('');
}
