/**
 * An article's paragraphs as React elements. Every string is rendered as text, so nothing in a
 * dispatch can become markup; links were limited to http(s) when the paragraphs were built.
 */
import type { Paragraph } from '../../core/site-data.ts';
import { Highlight } from './Highlight.tsx';

/**
 * Each paragraph has its own address, `#p<n>`, and a small link to it (shown on hover and focus),
 * whose click also copies the address (see tools.ts).
 */
export function Paragraphs({ paragraphs }: { paragraphs: Paragraph[] }) {
  return paragraphs.map((paragraph, i) => (
    <p key={i} id={`p${i + 1}`}>
      {/* Its role already says "link"; a page holds one per paragraph, so it says no more than that. */}
      <a className="pilcrow" href={`#p${i + 1}`} aria-label={`Paragraph ${i + 1}`}>¶</a>
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
