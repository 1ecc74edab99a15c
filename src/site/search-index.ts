/**
 * The search index, written as static files so that a query fetches only the few it needs, whatever
 * the archive's size: terms sorted and cut into shards of about the same size, a small directory of
 * where each shard starts, and a second set of shards for adjacent word pairs, which exact phrases
 * need. A posting is a position in the archive (newest first) with the weightiest field the term is
 * in, so the app ranks without fetching any text. Build time only.
 */
import type { SearchDirectory } from '../core/search-index-format.ts';
import { joinedForms, pairKey, wordsOf } from '../core/words.ts';
import { dataFiles } from '../core/data-paths.ts';

/** The texts of one dispatch that search reads; tags are country names and aliases, dateline and agency. */
export interface SearchFields {
  title: string;
  summary: string;
  tags: string;
  body: string;
}

/** A dispatch's distinct terms with their weights, and its distinct word pairs: computed in a worker. */
export interface DocumentTerms {
  terms: string[];
  weights: number[];
  pairs: number[];
}

/** A match in the title counts most, then summary and tags, then the body; see core/search-index-format.ts. */
const FIELD_WEIGHTS: Array<[keyof SearchFields, number]> = [
  ['title', 3],
  ['summary', 2],
  ['tags', 2],
  ['body', 1],
];

export function documentTerms(fields: SearchFields): DocumentTerms {
  const best = new Map<string, number>();
  const pairs = new Set<number>();
  const note = (term: string, weight: number) => {
    if ((best.get(term) ?? 0) < weight) best.set(term, weight);
  };
  for (const [field, weight] of FIELD_WEIGHTS) {
    // Each line apart: a pair never spans two paragraphs or two tags.
    for (const line of fields[field].split('\n')) {
      const words = wordsOf(line);
      words.forEach((word, index) => {
        note(word.term, weight);
        for (const joined of joinedForms(words, index)) note(joined, weight);
        const previous = words[index - 1];
        if (previous !== undefined) pairs.add(pairKey(previous.term, word.term));
      });
    }
  }
  return { terms: [...best.keys()], weights: [...best.values()], pairs: [...pairs] };
}

/** Raw bytes per shard: one or two shards answer most words, and each stays a small download. */
const SHARD_TARGET_BYTES = 24_000;

export class SearchIndexBuilder {
  private readonly terms = new Map<string, number[]>();
  private readonly pairs = new Map<number, number[]>();

  /** Documents may arrive in any order; postings are sorted when the files are made. */
  add(position: number, document: DocumentTerms): void {
    document.terms.forEach((term, index) => {
      const code = position * 4 + (document.weights[index] ?? 1);
      const list = this.terms.get(term);
      if (list === undefined) this.terms.set(term, [code]);
      else list.push(code);
    });
    for (const key of document.pairs) {
      const list = this.pairs.get(key);
      if (list === undefined) this.pairs.set(key, [position]);
      else list.push(position);
    }
  }

  /** The index files, paths relative to the data folder. */
  *files(): Generator<[string, string]> {
    const directory: SearchDirectory = { terms: [], pairs: [] };
    const termShards = shardsOf(
      [...this.terms.keys()].sort(compareCodeUnits),
      (term) => JSON.stringify([term, deltas(sorted(this.terms.get(term)), 4)]),
    );
    for (const [index, shard] of termShards.entries()) {
      directory.terms.push(shard.first);
      yield [dataFiles.searchTerms(index), `[${shard.items.join(',')}]`];
    }
    const pairShards = shardsOf(
      [...this.pairs.keys()].sort((a, b) => a - b),
      (key) => JSON.stringify([key, deltas(sorted(this.pairs.get(key)), 1)]),
    );
    for (const [index, shard] of pairShards.entries()) {
      directory.pairs.push(shard.first);
      yield [dataFiles.searchPairs(index), `[${shard.items.join(',')}]`];
    }
    yield [dataFiles.searchDirectory, JSON.stringify(directory)];
  }
}

/** Postings arrive almost in order (a rebuild reads most from the last build's pack): sorted only when not. */
function sorted(list: number[] | undefined): number[] {
  if (list === undefined) return [];
  for (let i = 1; i < list.length; i += 1) {
    if ((list[i] ?? 0) < (list[i - 1] ?? 0)) return list.sort((a, b) => a - b);
  }
  return list;
}

/**
 * Postings as gaps: [5, 7, 12] → [5, 2, 5], which compress far better. With `scale` 4 a posting
 * carries its weight in its two low bits, and the gap is taken on the position alone.
 */
function deltas(codes: number[], scale: number): number[] {
  let previous = 0;
  return codes.map((code) => {
    const position = Math.floor(code / scale);
    const gap = (position - previous) * scale + (code % scale);
    previous = position;
    return gap;
  });
}

function shardsOf<K extends string | number>(keys: K[], encode: (key: K) => string): Array<{ first: K; items: string[] }> {
  const shards: Array<{ first: K; items: string[] }> = [];
  let current: { first: K; items: string[] } | null = null;
  let bytes = 0;
  for (const key of keys) {
    const item = encode(key);
    if (current === null || bytes + item.length > SHARD_TARGET_BYTES) {
      current = { first: key, items: [] };
      shards.push(current);
      bytes = 0;
    }
    current.items.push(item);
    bytes += item.length + 1;
  }
  return shards;
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
