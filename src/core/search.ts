/**
 * Search that forgives accents and case: "to lam" finds "Tô Lâm", "ha noi" finds "Hà Nội".
 * Every word must match; the last one may be the start of a word, so results follow the typing.
 */
import { fold } from './fold.ts';
import type { ListEntry } from './site-data.ts';


/**
 * The folded text plus, for every folded position, where it came from in the original, so a match
 * found in folded text can be highlighted in the text as written.
 */
function foldWithOffsets(text: string): { folded: string; offsets: number[] } {
  let folded = '';
  const offsets: number[] = [];
  let index = 0;
  for (const char of text) {
    const piece = fold(char);
    for (let i = 0; i < piece.length; i++) offsets.push(index);
    folded += piece;
    index += char.length;
  }
  offsets.push(text.length);
  return { folded, offsets };
}

/** The query's words, folded; punctuation and hyphens separate words as they do in the text. */
export function queryWords(q: string): string[] {
  return fold(q).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** A pattern for each word: whole words, except the last, which may be a prefix. */
export function wordPatterns(words: string[]): RegExp[] {
  return words.map((word, i) => {
    const end = i === words.length - 1 ? '' : '(?![\\p{L}\\p{N}])';
    return new RegExp(`(?<![\\p{L}\\p{N}])${word}${end}`, 'gu');
  });
}

/** Character ranges [start, end) of every match in `text`, merged and in order. */
export function findMatches(text: string, patterns: RegExp[]): Array<[number, number]> {
  if (patterns.length === 0 || text === '') return [];
  const { folded, offsets } = foldWithOffsets(text);
  const ranges: Array<[number, number]> = [];
  for (const pattern of patterns) {
    for (const match of folded.matchAll(pattern)) {
      const start = offsets[match.index] ?? text.length;
      const end = offsets[match.index + match[0].length] ?? text.length;
      ranges.push([start, end]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}

/** A dispatch's searchable text, folded once and reused for every keystroke. */
export interface SearchDoc {
  entry: ListEntry;
  title: string;
  summary: string;
  /** Country names, dateline and agency. */
  tags: string;
  body: string;
}

export function toSearchDoc(entry: ListEntry, countryNames: Record<string, string>, body: string): SearchDoc {
  return {
    entry,
    title: fold(entry.title),
    summary: fold(entry.summary),
    // A country's English name finds its dispatches whatever their language; the dateline finds
    // wire stories whose place is only in the header ("ha noi").
    tags: fold([...entry.countries.map((code) => countryNames[code] ?? code), entry.dateline, entry.agency].join(' · ')),
    body: fold(body),
  };
}

/** Title matches weigh most, then the summary and tags, then the body. */
const FIELD_WEIGHTS = [
  ['title', 4],
  ['summary', 2],
  ['tags', 2],
  ['body', 1],
] as const;

/** 0 when some word is missing; otherwise higher for matches in weightier fields. */
function scoreDoc(doc: SearchDoc, patterns: RegExp[]): number {
  let score = 0;
  for (const pattern of patterns) {
    let best = 0;
    for (const [field, weight] of FIELD_WEIGHTS) {
      pattern.lastIndex = 0;
      if (weight > best && pattern.test(doc[field])) best = weight;
    }
    if (best === 0) return 0;
    score += best;
  }
  return score;
}

/**
 * The docs that match every word, best first. The sort is stable and `docs` come newest first, so
 * equals stay newest first.
 */
export function rankDocs(docs: SearchDoc[], patterns: RegExp[]): ListEntry[] {
  return docs
    .map((doc) => ({ entry: doc.entry, score: scoreDoc(doc, patterns) }))
    .filter((hit) => hit.score > 0)
    .sort((a, b) => b.score - a.score)
    .map((hit) => hit.entry);
}
