/** Plain text in, Markdown out, and rendering that Markdown gives back exactly the text. */
import { describe, expect, it } from 'vitest';
import { escapeMarkdownLine, paragraphsToMarkdown } from '../../../src/ingest/markdown.ts';
import { parseFixture, renderedParagraphs, tokenTypes } from './support.ts';

const TRICKY_LINES = [
  '# Not a heading',
  '## Nor this',
  '> not a quote',
  '- not a list',
  '+ not a list',
  '* not a list',
  '1. not a list',
  '2025) not a list either',
  '10. oktober 1945 opened the celebrations',
  '=== not an underline',
  '--- not a rule',
  '***',
  '___',
  '[x](javascript:alert(1))',
  '![image](https://example.com/x.png)',
  '<script>alert(1)</script>',
  '<b>bold</b> and <!-- a comment -->',
  'AT&T, &amp; and &#169; stay as typed',
  'a | table | row',
  '~~struck~~ and ~single~',
  '`code` and ``more code``',
  '*stars* and **strong** and _under_ and __score__',
  'a backslash \\ and a trailing one \\',
  'https://www.example.com and www.example.com and someone@example.com',
  '[^1] and [ref]: /not-a-definition',
  'Trong said: "Vietnam! [always]" — 100% <sure>',
];

describe('escapeMarkdownLine', () => {
  it.each(TRICKY_LINES)('renders %j back to exactly that text, as one plain paragraph', (line) => {
    const markdown = escapeMarkdownLine(line);
    expect(renderedParagraphs(markdown)).toEqual([line]);
    const { blocks, inlines } = tokenTypes(markdown);
    expect([...blocks]).toEqual(['paragraph']);
    for (const type of inlines) expect(['text', 'escape']).toContain(type);
  });

  it('trims leading spaces, so an indented line never becomes a code block', () => {
    const markdown = escapeMarkdownLine('        indented four or more');
    expect(tokenTypes(markdown).blocks).toEqual(new Set(['paragraph']));
    expect(renderedParagraphs(markdown)).toEqual(['indented four or more']);
  });

  it('collapses runs of spaces and no-break spaces into one space but keeps a single no-break space', () => {
    expect(escapeMarkdownLine('He said \u00a0developing   ties')).toBe('He said developing ties');
    expect(escapeMarkdownLine('10\u00a0000 people')).toBe('10\u00a0000 people');
  });

  it('leaves ordinary prose alone', () => {
    const line = 'Việt Nam and Russia issued a Joint Declaration on Thursday, officials said.';
    expect(escapeMarkdownLine(line)).toBe(line);
  });
});

describe('paragraphsToMarkdown', () => {
  it('joins paragraphs with one blank line and renders them back in order', () => {
    const paragraphs = ['First paragraph.', '# Second, not a heading', 'Third <i>one</i>.'];
    const markdown = paragraphsToMarkdown(paragraphs);
    expect(markdown.split('\n\n')).toHaveLength(3);
    expect(renderedParagraphs(markdown)).toEqual(paragraphs);
  });
});

describe('dispatch bodies', () => {
  it('keep HTML and a script tag in the text as literal text', () => {
    const dispatch = parseFixture('variants/html-and-script.txt');
    const paragraphs = renderedParagraphs(dispatch.body);
    expect(paragraphs[0]).toContain('such as <script>alert(1)</script> in ordinary web forms');
    expect(paragraphs[1]).toContain('<b>bold</b> & "quoted" words');
    expect(paragraphs[1]).toContain('&amp; stayed as typed');
    expect(tokenTypes(dispatch.body).inlines).not.toContain('html');
  });

  it('keep Markdown-looking lines as the text the writer typed', () => {
    const dispatch = parseFixture('variants/markdown-looking.txt');
    const { blocks, inlines } = tokenTypes(dispatch.body);
    expect([...blocks].filter((type) => type !== 'space')).toEqual(['paragraph']);
    for (const type of inlines) expect(['text', 'escape']).toContain(type);
    const paragraphs = renderedParagraphs(dispatch.body);
    expect(paragraphs).toContain('# Not a heading, just a hash the writer typed at the start of a chat message');
    expect(paragraphs).toContain('[x](javascript:alert(1)) was written in a chat message that the court quoted in full.');
    expect(paragraphs).toContain('indented text is not code');
    expect(paragraphs).toContain('| not | a table |');
    expect(paragraphs.at(-1)).toBe(
      'Words with *stars*, _underscores_, `backticks`, ~~tildes~~, ![an image](x.png) and a backslash \\ stay as typed.',
    );
  });
});
