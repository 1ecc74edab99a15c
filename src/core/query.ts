/**
 * What a search means, and which dispatches it finds. A query is words (all must match; the last may
 * be the start of a word), "exact phrases" and -exclusions. Names match however they are spaced:
 * "ha noi" finds "Hanoi" and "hanoi" finds "Hà Nội", because the index also holds the joined form of
 * names and the query tries joining neighbouring words. Pure apart from the index reader it is given.
 */
import type { Postings } from './search-index-format.ts';
import { wordsOf, type Word } from './words.ts';

export interface ParsedQuery {
  /** Runs of plain words; names may join across the words of one run. */
  runs: string[][];
  /** Words that must appear next to each other, in order. */
  phrases: string[][];
  /** Words or phrases no result may contain. */
  excluded: string[][];
  /** The last plain word may be the start of a longer word: the reader is still typing it. */
  prefixLast: boolean;
}

export const EMPTY_QUERY: ParsedQuery = { runs: [], phrases: [], excluded: [], prefixLast: false };

// A quoted phrase (closed or still being typed), or a run of anything else; either may start with "-".
const PART = /(-?)"([^"]*)"?|(-?)([^"\s]+)/g;

export function parseQuery(q: string): ParsedQuery {
  const parsed: ParsedQuery = { runs: [], phrases: [], excluded: [], prefixLast: false };
  let run: string[] = [];
  let lastWasPlain = false;
  const endRun = () => {
    if (run.length > 0) parsed.runs.push(run);
    run = [];
  };
  for (const match of q.matchAll(PART)) {
    const quoted = match[2];
    if (quoted !== undefined) {
      endRun();
      const terms = termsOf(wordsOf(quoted));
      if (terms.length > 0) (match[1] === '-' ? parsed.excluded : parsed.phrases).push(terms);
      lastWasPlain = false;
      continue;
    }
    const words = wordsOf(match[4] ?? '');
    if (words.length === 0) continue;
    if (match[3] === '-') {
      endRun();
      parsed.excluded.push(termsOf(words));
      lastWasPlain = false;
      continue;
    }
    // Characters of scripts written without spaces, and words joined without a gap, are a phrase.
    for (const group of adjacentGroups(words)) {
      if (group.length > 1 && group.every((word, i) => i === 0 || word.start === group[i - 1]?.end)) {
        endRun();
        parsed.phrases.push(termsOf(group));
        lastWasPlain = false;
      } else {
        run.push(...termsOf(group));
        lastWasPlain = true;
      }
    }
  }
  endRun();
  parsed.prefixLast = lastWasPlain && !/\s$/.test(q);
  return parsed;
}

function termsOf(words: readonly Word[]): string[] {
  return words.map((word) => word.term);
}

/** Splits words where one ends exactly where the next starts (no space between) from the rest. */
function adjacentGroups(words: readonly Word[]): Word[][] {
  const groups: Word[][] = [];
  for (const word of words) {
    const group = groups[groups.length - 1];
    const last = group?.[group.length - 1];
    if (group !== undefined && last !== undefined && last.end === word.start && !word.joinsPrevious) group.push(word);
    else groups.push([word]);
  }
  return groups;
}

export function isEmptyQuery(query: ParsedQuery): boolean {
  return query.runs.length === 0 && query.phrases.length === 0;
}

/** Reads the index: each call fetches only the shards it needs. */
export interface IndexReader {
  /** The postings of a term; empty when no dispatch has it. */
  term(term: string): Promise<Postings>;
  /** The postings of every term that starts with `prefix`, up to a bounded number of shards. */
  prefix(prefix: string): Promise<Postings[]>;
  /** Positions where two words stand next to each other. */
  pair(first: string, second: string): Promise<number[]>;
}

/** Matching positions with their scores; null stands for "every dispatch", before any word narrows it. */
type Scored = Map<number, number> | null;

/** Longest name a query may join from neighbouring words, as the index does ("ho chi minh"). */
const MAX_JOINED = 3;

/**
 * Positions matching the query, each with a score (higher is a better match: a title match counts
 * more than a body match). Null for a query with nothing to match, such as only exclusions.
 */
export async function findPositions(query: ParsedQuery, reader: IndexReader): Promise<Map<number, number> | null> {
  let result: Scored = null;
  const lastRun = query.runs.length - 1;
  for (const [index, run] of query.runs.entries()) {
    result = intersect(result, await matchRun(run, reader, query.prefixLast && index === lastRun));
  }
  for (const phrase of query.phrases) result = intersect(result, await matchPhrase(phrase, reader));
  if (result === null) return null;
  for (const excluded of query.excluded) {
    const found = excluded.length === 1 ? toScored(await reader.term(excluded[0] ?? '')) : await matchPhrase(excluded, reader);
    for (const position of found?.keys() ?? []) result.delete(position);
  }
  return result;
}

/**
 * Every word of a run must match, but neighbouring words may match as one joined name: R[i] holds
 * what matches the first i words, built from R[i-k] and the k words that follow as one.
 */
async function matchRun(run: readonly string[], reader: IndexReader, prefixLast: boolean): Promise<Scored> {
  const reached: Scored[] = [null];
  for (let end = 1; end <= run.length; end += 1) {
    let best: Map<number, number> | undefined;
    for (let size = 1; size <= Math.min(MAX_JOINED, end); size += 1) {
      const before = reached[end - size];
      if (before === undefined) continue;
      const term = run.slice(end - size, end).join('');
      const isPrefix = prefixLast && end === run.length;
      const postings = isPrefix ? mergePostings(await reader.prefix(term)) : toScored(await reader.term(term));
      const matched = intersect(before, postings) ?? new Map();
      best = best === undefined ? matched : union(best, matched);
    }
    reached.push(best ?? new Map());
  }
  return reached[run.length] ?? new Map();
}

async function matchPhrase(phrase: readonly string[], reader: IndexReader): Promise<Map<number, number>> {
  let result: Scored = null;
  for (const term of phrase) result = intersect(result, toScored(await reader.term(term)));
  for (let i = 1; i < phrase.length; i += 1) {
    const adjacent = await reader.pair(phrase[i - 1] ?? '', phrase[i] ?? '');
    result = intersect(result, new Map(adjacent.map((position) => [position, 0])));
  }
  return result ?? new Map();
}

function toScored(postings: Postings): Map<number, number> {
  return new Map(postings.positions.map((position, i) => [position, postings.weights[i] ?? 1]));
}

/** A prefix stands for several terms: a position matches if any does, with its best weight. */
function mergePostings(list: readonly Postings[]): Map<number, number> {
  const merged = new Map<number, number>();
  for (const postings of list) {
    postings.positions.forEach((position, i) => {
      const weight = postings.weights[i] ?? 1;
      if ((merged.get(position) ?? 0) < weight) merged.set(position, weight);
    });
  }
  return merged;
}

function intersect(a: Scored, b: Map<number, number>): Map<number, number>;
function intersect(a: Scored, b: Scored): Scored;
function intersect(a: Scored, b: Scored): Scored {
  if (a === null) return b === null ? null : new Map(b);
  if (b === null) return new Map(a);
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  const result = new Map<number, number>();
  for (const [position, score] of small) {
    const other = large.get(position);
    if (other !== undefined) result.set(position, score + other);
  }
  return result;
}

function union(a: Map<number, number>, b: Map<number, number>): Map<number, number> {
  const result = new Map(a);
  for (const [position, score] of b) if ((result.get(position) ?? -1) < score) result.set(position, score);
  return result;
}
