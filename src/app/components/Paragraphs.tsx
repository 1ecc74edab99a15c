/**
 * An article's paragraphs as React elements. Every string is rendered as text, so nothing in a
 * dispatch can become markup; links were limited to http(s) when the paragraphs were built.
 */
import type { Paragraph } from '../../core/site-data.ts';
import { Highlight } from './Highlight.tsx';

export function Paragraphs({ paragraphs }: { paragraphs: Paragraph[] }) {
  return paragraphs.map((paragraph, i) => (
    <p key={i}>
      {paragraph.map((inline, j) =>
        typeof inline === 'string' ? (
          <Highlight key={j} text={inline} />
        ) : (
          <a key={j} href={inline.href} rel="noopener noreferrer">
            <Highlight text={inline.text} />
          </a>
        ),
      )}
    </p>
  ));
}
