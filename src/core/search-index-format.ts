/**
 * The search index's file format, shared by the build that writes it and the app that reads it.
 *
 * `search/directory.json` lists the first key of every shard. `search/t<n>.json` holds sorted terms
 * with their postings, `search/p<n>.json` word pairs (by `pairKey`) with theirs. Postings are gaps
 * between positions; in term shards each gap is multiplied by 4 and carries the weight of the best
 * field the term is in (3 title, 2 summary or tags, 1 body) in its two low bits.
 */

export interface SearchDirectory {
  terms: string[];
  pairs: number[];
}

export type TermShard = Array<[term: string, gaps: number[]]>;
export type PairShard = Array<[key: number, gaps: number[]]>;

/** The shard whose range holds `key`: the last one starting at or before it; -1 before the first. */
export function shardOf<K extends string | number>(firsts: readonly K[], key: K): number {
  let low = 0;
  let high = firsts.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if ((firsts[middle] as K) <= key) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}

/** Postings with their weights: positions ascending, and the weight of each. */
export interface Postings {
  positions: number[];
  weights: number[];
}

export function decodeTermPostings(gaps: readonly number[]): Postings {
  const positions: number[] = [];
  const weights: number[] = [];
  let position = 0;
  for (const gap of gaps) {
    position += gap >> 2;
    positions.push(position);
    weights.push(gap & 3);
  }
  return { positions, weights };
}

export function decodePositions(gaps: readonly number[]): number[] {
  let position = 0;
  return gaps.map((gap) => (position += gap));
}
