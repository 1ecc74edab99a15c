import { describe, expect, it } from 'vitest';
import { blocksToText, markdownToBlocks } from '../../../src/site/markdown-blocks.ts';

describe('markdownToBlocks', () => {
  it('keeps raw HTML as literal text', () => {
    const blocks = markdownToBlocks('<script>alert(1)</script>\n\nA <b>bold</b> claim &amp; more');
    expect(blocks).toEqual([
      { t: 'p', c: ['<script>alert(1)</script>'] },
      { t: 'p', c: ['A <b>bold</b> claim & more'] },
    ]);
  });

  it('keeps links only when they point to http(s)', () => {
    const [block] = markdownToBlocks('[safe](https://example.com) and [unsafe](javascript:alert(1)) and [data](data:text/html,x)');
    expect(block).toEqual({
      t: 'p',
      c: [{ t: 'a', href: 'https://example.com', c: ['safe'] }, ' and unsafe and data'],
    });
  });

  it('turns escaped Markdown back into the characters the text had', () => {
    expect(markdownToBlocks('\\# not a heading \\*nor emphasis\\* \\<tag\\>')).toEqual([{ t: 'p', c: ['# not a heading *nor emphasis* <tag>'] }]);
  });

  it('moves headings below the page title, which is the only h1', () => {
    expect(markdownToBlocks('# Top\n\ntext')[0]).toEqual({ t: 'h', level: 2, c: ['Top'] });
  });

  it('gives search the words of every block', () => {
    expect(blocksToText(markdownToBlocks('One *two*\n\n- three\n- four'))).toBe('One two\nthree\nfour');
  });
});
