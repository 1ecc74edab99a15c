/**
 * Words as search sees them, the same at build time (indexing) and in the browser (queries and
 * highlights): folded (no case, no diacritics), split at anything that is not a letter or digit,
 * lightly stemmed, and one word per character in scripts written without spaces.
 */
import { fold } from './fold.ts';
import { hash32 } from './hash.ts';

export interface Word {
  /** The folded, stemmed form that index and query compare. */
  term: string;
  /** Where the word is in the original text, for highlighting. */
  start: number;
  end: number;
  /**
   * Part of one name with the word before it, which may also be written joined: capitalised short
   * syllables with only a space between ("Hà Nội", also "Hanoi"), or a hyphen ("Jong-un").
   */
  joinsPrevious: boolean;
}

// Letters with their combining marks, digits; an apostrophe inside a word splits it ("d'Asie").
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu;
// Scripts written without spaces between words: each character is a word, and a run of them a phrase.
const SCRIPTS = '\\p{sc=Han}\\p{sc=Hiragana}\\p{sc=Katakana}\\p{sc=Thai}\\p{sc=Lao}\\p{sc=Khmer}\\p{sc=Myanmar}';
const UNSPACED = new RegExp(`[${SCRIPTS}]`, 'u');
// A character of those scripts with its marks, or a run of anything else (digits inside Chinese text).
const UNSPACED_PARTS = new RegExp(`[${SCRIPTS}]\\p{M}*|[^${SCRIPTS}]+`, 'gu');
const CAPITAL = /^\p{Lu}/u;
/** Syllables short enough to be parts of a name written either way ("Viet Nam", "Vietnam"). */
const SYLLABLE_MAX = 5;

/** Every word of `text`, in order. */
export function wordsOf(text: string): Word[] {
  const words: Word[] = [];
  let previous: { end: number; name: boolean } = { end: -2, name: false };
  for (const match of text.matchAll(WORD)) {
    const written = match[0];
    const start = match.index;
    const folded = foldWord(written);
    // An English possessive adds nothing: "Nam’s" is "Nam".
    if (folded === 's' && /['’]/u.test(text[start - 1] ?? '')) continue;
    if (UNSPACED.test(written)) {
      pushUnspaced(words, written, start);
      previous = { end: -2, name: false };
      continue;
    }
    const gap = text.slice(previous.end, start);
    const name = CAPITAL.test(written) && folded.length <= SYLLABLE_MAX;
    const joinsPrevious = previous.end >= 0 && (gap === '-' || (gap === ' ' && previous.name && name));
    words.push({ term: stemWord(folded), start, end: start + written.length, joinsPrevious });
    previous = { end: start + written.length, name };
  }
  return words;
}

// Texts repeat their words: folding and stemming each written form once makes indexing several
// times faster. Cleared when large, so memory stays bounded on any archive.
const folds = new Map<string, string>();
const stems = new Map<string, string>();
const CACHE_LIMIT = 100_000;

function foldWord(written: string): string {
  let folded = folds.get(written);
  if (folded === undefined) {
    if (folds.size > CACHE_LIMIT) folds.clear();
    folded = /^[a-z0-9]+$/.test(written) ? written : fold(written);
    folds.set(written, folded);
  }
  return folded;
}

function stemWord(folded: string): string {
  let stemmed = stems.get(folded);
  if (stemmed === undefined) {
    if (stems.size > CACHE_LIMIT) stems.clear();
    stemmed = stem(folded);
    stems.set(folded, stemmed);
  }
  return stemmed;
}

/** One word per character of an unspaced script; letters of other scripts inside stay together. */
function pushUnspaced(words: Word[], written: string, start: number): void {
  let offset = 0;
  for (const part of written.match(UNSPACED_PARTS) ?? []) {
    const term = fold(part);
    if (term !== '') words.push({ term: stem(term), start: start + offset, end: start + offset + part.length, joinsPrevious: false });
    offset += part.length;
  }
}

/**
 * Light English stemming, applied to every word alike so index and query agree: plural and
 * third-person endings only ("congresses" → "congress", "parties" → "party", "talks" → "talk").
 * Words in other languages pass through mostly untouched, and when not, both sides change the same.
 */
export function stem(word: string): string {
  if (word.length <= 3 || !/^[a-z]+$/.test(word)) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(?:ss|x|z|ch|sh)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !/(?:ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

/**
 * The joined forms of a name starting at `index`, up to three syllables: "Hà Nội" is also "hanoi",
 * "Hồ Chí Minh" also "hochiminh", "Jong-un" also "jongun". Ordinary word pairs add nothing.
 */
export function joinedForms(words: readonly Word[], index: number): string[] {
  const forms: string[] = [];
  let joined = words[index]?.term ?? '';
  for (let next = index + 1; next <= index + 2; next += 1) {
    const word = words[next];
    if (word === undefined || !word.joinsPrevious) break;
    joined += word.term;
    forms.push(joined);
  }
  return forms;
}

/** The key of two adjacent words in the phrase index. */
export function pairKey(first: string, second: string): number {
  return hash32(`${first} ${second}`);
}
