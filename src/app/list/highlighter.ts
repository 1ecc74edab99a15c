/** What the current search marks in a text; loaded with the first search. */
import { parseQuery, type ParsedQuery } from '../../core/query.ts';
import { joinedForms, wordsOf } from '../../core/words.ts';

/**
 * What to mark in a text for a search: every word whose form the query asks for (the last word also
 * as the start of a longer one), and both syllables of a name the query writes joined ("hanoi" marks
 * "Hà Nội"). Ranges are in the text as written.
 */
export function highlighterFor(q: string): (text: string) => Array<[number, number]> {
  const query: ParsedQuery = parseQuery(q);
  const wanted = new Set([...query.runs.flat(), ...query.phrases.flat()]);
  const lastRun = query.runs[query.runs.length - 1];
  const prefix = query.prefixLast ? (lastRun?.[lastRun.length - 1] ?? null) : null;
  const matches = (term: string) => wanted.has(term) || (prefix !== null && prefix.length > 1 && term.startsWith(prefix));
  return (text) => {
    const words = wordsOf(text);
    const ranges: Array<[number, number]> = [];
    words.forEach((word, index) => {
      if (matches(word.term)) ranges.push([word.start, word.end]);
      for (const [offset, joined] of joinedForms(words, index).entries()) {
        const end = words[index + offset + 1];
        if (end !== undefined && matches(joined)) ranges.push([word.start, end.end]);
      }
    });
    return mergeRanges(ranges);
  };
}

function mergeRanges(ranges: Array<[number, number]>): Array<[number, number]> {
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last !== undefined && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}
