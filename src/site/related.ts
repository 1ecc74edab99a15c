/**
 * Up to five related dispatches for every dispatch, each with its reason in words: "also about North
 * Korea · 3 days later", "also names Kim Jong-un". Build time only; pure and deterministic.
 *
 * What relates two dispatches is what they share: a counterpart country (Việt Nam, in nearly every
 * dispatch, never counts), a country both mention, a person or organisation both name (namesIn).
 * Closeness in time ranks and is worded but is never a reason alone: no shared thing, no relation.
 *
 * Near-linear in the archive: inverted indexes from country and name to dispatches, each list ordered
 * by date, and for every dispatch only its nearest neighbours in time on each list are candidates.
 * A name found in more than a few percent of the archive says little and is not used; rarer keys
 * weigh more (inverse document frequency).
 */
import { nameKey } from './names.ts';

export { namesIn, nameKey } from './names.ts';

/** What the related-dispatch finder needs of one dispatch; small, so 100,000 fit in memory. */
export interface RelatedRecord {
  id: string;
  /** "YYYY-MM-DD", "YYYY-MM", "YYYY" or null. */
  date: string | null;
  countries: readonly string[];
  counterpart: string | null;
  /** People and organisations as written, from namesIn. */
  names: readonly string[];
}

export interface RelatedDispatch {
  id: string;
  /** "also about North Korea · also names Kim Jong-un · 3 days later". */
  reason: string;
}

export const RELATED_LIMIT = 5;

/** The archive's own country: in nearly every dispatch, so sharing it says nothing. */
const HOME_COUNTRY = 'VN';
/** A name in more than this share of the archive is not a reason (never below NAME_FLOOR dispatches). */
const COMMON_NAME_SHARE = 0.03;
const NAME_FLOOR = 20;
/** Neighbours in time taken from each key's list, on each side. */
const WINDOW = 12;
/** Candidates scored exactly, from the best of the quick estimate. */
const SHORTLIST = 24;

interface Index {
  records: readonly RelatedRecord[];
  /** Record index per rank; ranks follow date, undated last, then id. */
  order: Int32Array;
  day: Float64Array;
  fullDate: Uint8Array;
  /** Per rank: its keys (ascending ids) and its position on each key's list. */
  keyStart: Int32Array;
  keys: Int32Array;
  positions: Int32Array;
  /** Per key: its list of ranks, in rank order. */
  postingStart: Int32Array;
  postings: Int32Array;
  weight: Float64Array;
  /** Country code for a country key, "" for a name key. */
  country: string[];
  /** Per key: the name key, "" for a country key. */
  name: string[];
  counterpart: Array<string | null>;
  /** Written form → name key, filled while indexing. */
  nameKeys: Map<string, string>;
}

/** Related dispatches for every record, keyed by dispatch id. */
export function relatedDispatches(
  records: readonly RelatedRecord[],
  countryNames: Readonly<Record<string, string>>,
): Map<string, RelatedDispatch[]> {
  const index = buildIndex(records);
  const scores = new Float64Array(records.length);
  const result = new Map<string, RelatedDispatch[]>();
  for (let rank = 0; rank < records.length; rank += 1) {
    const record = records[index.order[rank] ?? 0];
    if (record === undefined) continue;
    const shortlist = estimateCandidates(index, rank, scores);
    const ranked = shortlist
      .map((other) => scorePair(index, rank, other))
      .filter((pair): pair is ScoredPair => pair !== null)
      .sort(comparePairs)
      .slice(0, RELATED_LIMIT);
    const forms = writtenForms(index, record);
    result.set(record.id, ranked.map((pair) => ({ id: pair.id, reason: reasonFor(index, rank, pair, forms, countryNames) })));
  }
  return result;
}

// --- The index -----------------------------------------------------------------------------------------

/** Days since 1970 of a date's middle: partial dates place a dispatch roughly, for ranking only. */
function dayNumber(date: string | null): number {
  if (date === null) return Number.NaN;
  const [year = '', month, day] = date.split('-');
  if (day !== undefined && month !== undefined) return Date.UTC(Number(year), Number(month) - 1, Number(day)) / 86_400_000;
  if (month !== undefined) return Date.UTC(Number(year), Number(month) - 1, 15) / 86_400_000;
  return Date.UTC(Number(year), 6, 1) / 86_400_000;
}

/** Names repeat across an archive: fold each written form once. */
function cachedNameKey(cache: Map<string, string>, name: string): string {
  let key = cache.get(name);
  if (key === undefined) {
    key = nameKey(name);
    cache.set(name, key);
  }
  return key;
}

function recordKeys(record: RelatedRecord, cache: Map<string, string>): string[] {
  const keys = new Set<string>();
  for (const code of [...record.countries, ...(record.counterpart === null ? [] : [record.counterpart])]) {
    if (code !== HOME_COUNTRY) keys.add(`c:${code}`);
  }
  for (const name of record.names) {
    const key = cachedNameKey(cache, name);
    if (key !== '') keys.add(`n:${key}`);
  }
  return [...keys];
}

function buildIndex(records: readonly RelatedRecord[]): Index {
  const count = records.length;
  const days = records.map((record) => dayNumber(record.date));
  // Ranks depend on the records alone, never on the order they came in: the result is the same.
  const order = Int32Array.from(records.keys()).sort((a, b) => compareByTime(records, days, a, b));
  const day = new Float64Array(count);
  const fullDate = new Uint8Array(count);
  const keyIds = new Map<string, number>();
  const keyNames: string[] = [];
  const frequency: number[] = [];
  const keysByRank: Int32Array[] = [];
  const nameKeys = new Map<string, string>();
  order.forEach((recordIndex, rank) => {
    const record = records[recordIndex];
    day[rank] = days[recordIndex] ?? Number.NaN;
    fullDate[rank] = record?.date?.length === 10 ? 1 : 0;
    const ids = (record === undefined ? [] : recordKeys(record, nameKeys)).map((key) => {
      let id = keyIds.get(key);
      if (id === undefined) {
        id = keyNames.length;
        keyIds.set(key, id);
        keyNames.push(key);
        frequency.push(0);
      }
      frequency[id] = (frequency[id] ?? 0) + 1;
      return id;
    });
    keysByRank.push(Int32Array.from(ids));
  });

  const commonName = Math.max(NAME_FLOOR, Math.floor(count * COMMON_NAME_SHARE));
  const usable = keyNames.map((key, id) => {
    const df = frequency[id] ?? 0;
    return df >= 2 && (key.startsWith('c:') || df <= commonName);
  });
  const weight = Float64Array.from(frequency, (df) => Math.log(1 + count / Math.max(1, df)));

  const keyStart = new Int32Array(count + 1);
  const kept = keysByRank.map((ids) => ids.filter((id) => usable[id] === true).sort());
  kept.forEach((ids, rank) => {
    keyStart[rank + 1] = (keyStart[rank] ?? 0) + ids.length;
  });
  const total = keyStart[count] ?? 0;
  const keys = new Int32Array(total);
  const positions = new Int32Array(total);
  const postingStart = new Int32Array(keyNames.length + 1);
  for (const ids of kept) for (const id of ids) postingStart[id + 1] = (postingStart[id + 1] ?? 0) + 1;
  for (let id = 0; id < keyNames.length; id += 1) postingStart[id + 1] = (postingStart[id + 1] ?? 0) + (postingStart[id] ?? 0);
  const filled = new Int32Array(keyNames.length);
  const postings = new Int32Array(total);
  kept.forEach((ids, rank) => {
    let slot = keyStart[rank] ?? 0;
    for (const id of ids) {
      const position = filled[id] ?? 0;
      postings[(postingStart[id] ?? 0) + position] = rank;
      filled[id] = position + 1;
      keys[slot] = id;
      positions[slot] = position;
      slot += 1;
    }
  });
  return {
    records, order, day, fullDate, keyStart, keys, positions, postingStart, postings, weight,
    country: keyNames.map((key) => (key.startsWith('c:') ? key.slice(2) : '')),
    name: keyNames.map((key) => (key.startsWith('n:') ? key.slice(2) : '')),
    counterpart: Array.from(order, (recordIndex) => records[recordIndex]?.counterpart ?? null),
    nameKeys,
  };
}

function compareByTime(records: readonly RelatedRecord[], days: readonly number[], a: number, b: number): number {
  const dayA = days[a] ?? Number.NaN;
  const dayB = days[b] ?? Number.NaN;
  if (Number.isNaN(dayA) !== Number.isNaN(dayB)) return Number.isNaN(dayA) ? 1 : -1;
  if (!Number.isNaN(dayA) && dayA !== dayB) return dayA - dayB;
  const idA = records[a]?.id ?? '';
  const idB = records[b]?.id ?? '';
  return idA < idB ? -1 : idA > idB ? 1 : 0;
}

// --- Candidates ----------------------------------------------------------------------------------------

/**
 * The best few candidates by a quick estimate: for each of the dispatch's keys, the WINDOW neighbours
 * in time on either side of it on that key's list add the key's weight. Bounded work per dispatch.
 */
function estimateCandidates(index: Index, rank: number, scores: Float64Array): number[] {
  const touched: number[] = [];
  for (let slot = index.keyStart[rank] ?? 0; slot < (index.keyStart[rank + 1] ?? 0); slot += 1) {
    const key = index.keys[slot] ?? 0;
    const start = index.postingStart[key] ?? 0;
    const end = index.postingStart[key + 1] ?? 0;
    const here = start + (index.positions[slot] ?? 0);
    const weight = index.weight[key] ?? 0;
    for (let at = Math.max(start, here - WINDOW); at < Math.min(end, here + WINDOW + 1); at += 1) {
      const other = index.postings[at] ?? rank;
      if (other === rank) continue;
      if (scores[other] === 0) touched.push(other);
      scores[other] = (scores[other] ?? 0) + weight;
    }
  }
  const best = bestBy(touched, (other) => scores[other] ?? 0, SHORTLIST);
  for (const other of touched) scores[other] = 0;
  return best;
}

/** The `size` items with the highest value, ties to the lower number: one pass, no full sort. */
function bestBy(items: readonly number[], value: (item: number) => number, size: number): number[] {
  const best: number[] = [];
  const beats = (a: number, b: number): boolean => value(a) > value(b) || (value(a) === value(b) && a < b);
  for (const item of items) {
    const last = best[best.length - 1];
    if (best.length === size && last !== undefined && !beats(item, last)) continue;
    let at = best.length;
    while (at > 0 && beats(item, best[at - 1] ?? item)) at -= 1;
    best.splice(at, 0, item);
    if (best.length > size) best.pop();
  }
  return best;
}

// --- Exact score and reason ----------------------------------------------------------------------------

interface ScoredPair {
  other: number;
  id: string;
  score: number;
  /** Days from this dispatch to the other; NaN when either is undated. */
  days: number;
  shared: number[];
}

/** Counterpart of both: "about"; counterpart of one or neither: a mention, worth less. */
function countryWeight(index: Index, key: number, rank: number, other: number): number {
  const code = index.country[key];
  const about = Number(index.counterpart[rank] === code) + Number(index.counterpart[other] === code);
  return (index.weight[key] ?? 0) * (about === 2 ? 1 : about === 1 ? 0.6 : 0.3);
}

function scorePair(index: Index, rank: number, other: number): ScoredPair | null {
  const shared = sharedKeys(index, rank, other);
  if (shared.length === 0) return null;
  let score = 0;
  for (const key of shared) {
    score += index.country[key] === '' ? (index.weight[key] ?? 0) : countryWeight(index, key, rank, other);
  }
  const days = (index.day[other] ?? Number.NaN) - (index.day[rank] ?? Number.NaN);
  // Closer in time ranks higher: up to twice the weight on the same day, half again a week apart.
  if (!Number.isNaN(days)) score *= 1 + 1 / (1 + Math.abs(days) / 7);
  const record = index.records[index.order[other] ?? 0];
  return { other, id: record?.id ?? '', score, days, shared };
}

function sharedKeys(index: Index, rank: number, other: number): number[] {
  const shared: number[] = [];
  let a = index.keyStart[rank] ?? 0;
  let b = index.keyStart[other] ?? 0;
  const endA = index.keyStart[rank + 1] ?? 0;
  const endB = index.keyStart[other + 1] ?? 0;
  while (a < endA && b < endB) {
    const keyA = index.keys[a] ?? 0;
    const keyB = index.keys[b] ?? 0;
    if (keyA === keyB) shared.push(keyA);
    if (keyA <= keyB) a += 1;
    if (keyB <= keyA) b += 1;
  }
  return shared;
}

function comparePairs(a: ScoredPair, b: ScoredPair): number {
  if (a.score !== b.score) return b.score - a.score;
  const distanceA = Number.isNaN(a.days) ? Infinity : Math.abs(a.days);
  const distanceB = Number.isNaN(b.days) ? Infinity : Math.abs(b.days);
  if (distanceA !== distanceB) return distanceA - distanceB;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function reasonFor(
  index: Index,
  rank: number,
  pair: ScoredPair,
  forms: ReadonlyMap<string, string>,
  countryNames: Readonly<Record<string, string>>,
): string {
  const countryKeys = pair.shared.filter((key) => index.country[key] !== '');
  const nameKeys = pair.shared.filter((key) => index.country[key] === '');
  const parts: string[] = [];
  const byWeight = (a: number, b: number): number =>
    countryWeight(index, b, rank, pair.other) - countryWeight(index, a, rank, pair.other) || a - b;
  const [country] = [...countryKeys].sort(byWeight);
  if (country !== undefined) {
    const code = index.country[country] ?? '';
    const about = index.counterpart[rank] === code && index.counterpart[pair.other] === code;
    parts.push(`also ${about ? 'about' : 'mentions'} ${countryNames[code] ?? code}`);
  }
  if (nameKeys.length > 0) {
    const rarest = [...nameKeys].sort((a, b) => (index.weight[b] ?? 0) - (index.weight[a] ?? 0) || a - b).slice(0, 2);
    parts.push(`also names ${rarest.map((key) => forms.get(index.name[key] ?? '') ?? index.name[key]).join(' and ')}`);
  }
  const when = timeApart(index, rank, pair);
  if (when !== null) parts.push(when);
  return parts.join(' · ');
}

/** The names as this dispatch writes them, so the reason reads like the article it sits under. */
function writtenForms(index: Index, record: RelatedRecord): Map<string, string> {
  const forms = new Map<string, string>();
  for (const name of record.names) {
    const key = cachedNameKey(index.nameKeys, name);
    if (!forms.has(key)) forms.set(key, name);
  }
  return forms;
}

/** Worded only when both dispatches carry a full date; a month or a year is too rough to count days. */
function timeApart(index: Index, rank: number, pair: ScoredPair): string | null {
  if (index.fullDate[rank] !== 1 || index.fullDate[pair.other] !== 1) return null;
  return describeDays(pair.days);
}

/** "same day", "3 days later", "2 weeks earlier", "a month later", "4 years earlier". */
export function describeDays(days: number): string {
  const distance = Math.abs(Math.round(days));
  if (distance === 0) return 'same day';
  const direction = days > 0 ? 'later' : 'earlier';
  const [amount, unit] =
    distance < 14 ? [distance, 'day'] :
    distance < 30 ? [Math.round(distance / 7), 'week'] :
    distance < 365 ? [Math.round(distance / 30.44), 'month'] :
    [Math.round(distance / 365.25), 'year'];
  return amount === 1 ? `a ${unit} ${direction}` : `${amount} ${unit}s ${direction}`;
}
