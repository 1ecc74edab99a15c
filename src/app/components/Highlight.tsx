import { createContext, useContext } from 'react';
import { findMatches } from '../../core/search.ts';

/** The current search as patterns; empty when there is nothing to highlight. */
export const HighlightContext = createContext<RegExp[]>([]);

/** Text with the current search's matches marked. */
export function Highlight({ text }: { text: string }) {
  const patterns = useContext(HighlightContext);
  const ranges = findMatches(text, patterns);
  if (ranges.length === 0) return text;
  const parts = [];
  let at = 0;
  for (const [start, end] of ranges) {
    parts.push(text.slice(at, start), <mark key={start}>{text.slice(start, end)}</mark>);
    at = end;
  }
  parts.push(text.slice(at));
  return parts;
}
