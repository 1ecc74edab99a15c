/**
 * Reads the search index's files (see search-index-format.ts) for a query: each lookup fetches the
 * one shard that can hold its term, once. `load` fetches a file of the index by its path.
 */
import type { IndexReader } from './query.ts';
import { dataFiles } from './data-paths.ts';
import { decodePositions, decodeTermPostings, shardOf, type PairShard, type Postings, type SearchDirectory, type TermShard } from './search-index-format.ts';
import { pairKey } from './words.ts';

/** Most shards the start of a word may span: a one- or two-letter start would otherwise fetch half the index. */
const PREFIX_SHARDS = 3;

const NOTHING: Postings = { positions: [], weights: [] };

export function indexReader(load: <T>(file: string) => Promise<T>): IndexReader {
  const directory = () => load<SearchDirectory>(dataFiles.searchDirectory);
  const termShard = (index: number) => load<TermShard>(dataFiles.searchTerms(index));
  return {
    async term(term) {
      const { terms } = await directory();
      const shard = shardOf(terms, term);
      if (shard === -1) return NOTHING;
      const found = (await termShard(shard)).find(([candidate]) => candidate === term);
      return found === undefined ? NOTHING : decodeTermPostings(found[1]);
    },
    async prefix(prefix) {
      const { terms } = await directory();
      const from = Math.max(0, shardOf(terms, prefix));
      const to = Math.min(shardOf(terms, `${prefix}\uffff`), from + PREFIX_SHARDS - 1);
      const found: Postings[] = [];
      for (let index = from; index <= to; index += 1) {
        for (const [term, gaps] of await termShard(index)) if (term.startsWith(prefix)) found.push(decodeTermPostings(gaps));
      }
      return found;
    },
    async pair(first, second) {
      const { pairs } = await directory();
      const key = pairKey(first, second);
      const shard = shardOf(pairs, key);
      if (shard === -1) return [];
      const found = (await load<PairShard>(dataFiles.searchPairs(shard))).find(([candidate]) => candidate === key);
      return found === undefined ? [] : decodePositions(found[1]);
    },
  };
}
