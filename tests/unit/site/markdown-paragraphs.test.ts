import { describe, expect, it } from 'vitest';
import { markdownToParagraphs, paragraphsToText } from '../../../src/site/markdown-paragraphs.ts';

describe('markdownToParagraphs', () => {
  it('keeps raw HTML as literal text', () => {
    expect(markdownToParagraphs('<script>alert(1)</script>\n\nA <b>bold</b> claim &amp; more')).toEqual([
      ['<script>alert(1)</script>'],
      ['A <b>bold</b> claim & more'],
    ]);
  });

  it('keeps links only when they point to http(s)', () => {
    expect(markdownToParagraphs('[safe](https://example.com) and [unsafe](javascript:alert(1)) and [data](data:text/html,x)')).toEqual([
      [{ href: 'https://example.com', text: 'safe' }, ' and unsafe and data'],
    ]);
  });

  it('turns escaped Markdown back into the characters the text had', () => {
    expect(markdownToParagraphs('\\# not a heading \\*nor emphasis\\* \\<tag\\>')).toEqual([['# not a heading *nor emphasis* <tag>']]);
  });

  it('keeps the words of richer Markdown, a paragraph per block', () => {
    expect(markdownToParagraphs('# Top\n\nOne *two* **three**\n\n- four\n- five\n\n> six\n\n---')).toEqual([
      ['Top'],
      ['One two three'],
      ['four'],
      ['five'],
      ['six'],
    ]);
  });

  it('gives search the words of every paragraph, one per line', () => {
    expect(paragraphsToText(markdownToParagraphs('One [two](https://example.com)\n\nthree'))).toBe('One two\nthree');
  });
});
