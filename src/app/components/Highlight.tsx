import { createContext, useContext } from 'react';

/** Finds what to mark in a text for the current search; null when nothing is searched. */
export type Highlighter = (text: string) => Array<[number, number]>;

export const HighlightContext = createContext<Highlighter | null>(null);

/** Text with the current search's matches marked. */
export function Highlight({ text }: { text: string }) {
  const highlighter = useContext(HighlightContext);
  const ranges = highlighter === null ? [] : highlighter(text);
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
