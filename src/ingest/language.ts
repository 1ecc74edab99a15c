/**
 * The language a dispatch is written in, as a BCP-47 tag. eld (an n-gram detector over 60 languages)
 * reads about 600 characters of the body in a tenth of a millisecond; it names scripts such as Chinese,
 * Japanese, Korean and Thai as surely as Latin ones. Its table is scored here (eld-parts.ts says why),
 * with the same answer as eld's own detector. Its "no" is split into Bokmål and Nynorsk by the words
 * only one of them writes.
 */
import { eld } from 'eld/small';
import { type EldParts, eldParts } from './eld-parts.ts';
import { textSize } from './text.ts';

// Below this many words a guess is noise (a headline-only page could be anything).
const MIN_WORDS_FOR_LANGUAGE = 12;
// A few hundred characters tell the archive's languages apart as surely as the whole body does, and
// eld's time grows with its sample.
export const LANGUAGE_SAMPLE_LENGTH = 200;

export interface LanguageReading {
  language: string;
  how: string;
  warning: string | null;
}

export function detectLanguage(text: string): LanguageReading {
  const sample = text.slice(0, LANGUAGE_SAMPLE_LENGTH);
  const words = textSize(sample);
  if (words < MIN_WORDS_FOR_LANGUAGE) {
    return {
      language: 'und',
      how: `not detected: ${words} word${words === 1 ? '' : 's'} of text`,
      warning: `too little text to tell the language (${words} word${words === 1 ? '' : 's'})`,
    };
  }
  const code = likeliestLanguage(sample);
  if (code === '') return { language: 'und', how: 'eld: no language', warning: 'could not tell the language of the text' };
  if (code === 'no') {
    const written = norwegianForm(sample);
    return { language: written, how: `eld: no; ${written === 'nn' ? 'Nynorsk' : 'Bokmål'} by its function words`, warning: null };
  }
  return { language: code, how: `eld: ${code}`, warning: null };
}

// Words Nynorsk writes where Bokmål writes "ikke", "jeg", "hva", "hvordan", "fra", "bare", "også"…
const NYNORSK = new Set(['ikkje', 'eg', 'kva', 'korleis', 'frå', 'berre', 'òg', 'dei', 'ein', 'eit', 'vere', 'mellom', 'ho', 'noko', 'sjølv', 'kvar']);
const BOKMAL = new Set(['ikke', 'jeg', 'hva', 'hvordan', 'fra', 'bare', 'også', 'de', 'en', 'et', 'være', 'hun', 'noe', 'selv', 'hver']);

function norwegianForm(text: string): 'nb' | 'nn' {
  let nynorsk = 0;
  let bokmal = 0;
  for (const word of text.toLowerCase().split(/[^\p{L}]+/u)) {
    if (NYNORSK.has(word)) nynorsk += 1;
    else if (BOKMAL.has(word)) bokmal += 1;
  }
  return nynorsk > bokmal ? 'nn' : 'nb';
}

// What eld reads of a text: at most this many characters, then words until about this many bytes.
const ELD_MAX_CHARACTERS = 1000;
const ELD_WORDS_UNTIL_BYTES = 350;
const ELD_CUT_AFTER_BYTES = 380;
// eld stores each n-gram's scores less this floor, which every known n-gram adds back.
const ELD_SCORE_FLOOR = 53;
// Its n-grams: 4 bytes every 3, over at most the first 70 bytes of a word, and the word's last 4.
const NGRAM_BYTES = 4;
const NGRAM_STRIDE = 3;
const WORD_BYTES_READ = 70;

/** eld's answer for a text: its language code, or '' when no n-gram of it is known. */
const likeliestLanguage: (text: string) => string = eldParts === null ? (text) => eld.detect(text).language : tableScorer(eldParts);

/**
 * Scores a text against eld's table as eld does (same words, same n-grams, same sums, the first of
 * equal bests), with each n-gram's scores turned once into flat pairs of language and score.
 */
export function tableScorer({ ngramsData, separators, dictionary }: EldParts): (text: string) => string {
  const codes = Object.entries(ngramsData.languages).map(([index, code]) => [Number(index), code] as const);
  const languageCount = Math.max(...codes.map(([index]) => index)) + 1;
  const codeOf = new Array<string>(languageCount).fill('');
  for (const [index, code] of codes) codeOf[index] = code;
  // Only n-grams of the table are kept, so this grows to the table's size at most.
  const pairsOf = new Map<string, Int32Array>();
  const pairs = (ngram: string): Int32Array | undefined => {
    let found = pairsOf.get(ngram);
    if (found !== undefined || !Object.hasOwn(ngramsData.ngrams, ngram)) return found;
    const scores = Object.entries(ngramsData.ngrams[ngram] ?? {});
    found = new Int32Array(scores.length * 2);
    scores.forEach(([language, score], i) => {
      found?.set([Number(language), score + ELD_SCORE_FLOOR], i * 2);
    });
    pairsOf.set(ngram, found);
    return found;
  };
  return (text) => {
    const totals = new Float64Array(languageCount);
    for (const ngram of ngramsOf(byteWords(text.slice(0, ELD_MAX_CHARACTERS), separators, dictionary))) {
      const found = pairs(ngram);
      if (found === undefined) continue;
      for (let i = 0; i < found.length; i += 2) {
        const language = found[i] ?? 0;
        totals[language] = (totals[language] ?? 0) + (found[i + 1] ?? 0);
      }
    }
    let best = '';
    let bestTotal = 0;
    totals.forEach((total, index) => {
      if (total <= bestTotal) return;
      bestTotal = total;
      best = codeOf[index] ?? '';
    });
    return best;
  };
}

/**
 * The text's words as eld reads them: split at its separators, lower-cased, each character written
 * as its UTF-8 bytes (ASCII as itself, other bytes as eld's dictionary writes them), up to its cut.
 */
function byteWords(text: string, separators: RegExp, dictionary: readonly string[]): string[] {
  const normal = text.replace(separators, ' ').trim().toLowerCase();
  const words: string[] = [];
  let word = '';
  let bytes = 0;
  const byte = (value: number): string => dictionary[value] ?? '';
  for (let i = 0; i < normal.length; i += 1) {
    let code = normal.charCodeAt(i);
    if (code === 0x20) {
      if (word !== '') words.push(word);
      word = '';
      if (bytes > ELD_WORDS_UNTIL_BYTES) break;
      bytes += 1;
    } else if (code < 0x80) {
      word += normal[i];
      bytes += 1;
    } else if (code < 0x800) {
      word += byte(0xc0 | (code >> 6)) + byte(0x80 | (code & 0x3f));
      bytes += 2;
    } else if (code < 0xd800 || code >= 0xe000) {
      word += byte(0xe0 | (code >> 12)) + byte(0x80 | ((code >> 6) & 0x3f)) + byte(0x80 | (code & 0x3f));
      bytes += 3;
    } else {
      i += 1;
      code = 0x10000 + (((code & 0x3ff) << 10) | (normal.charCodeAt(i) & 0x3ff));
      word += byte(0xf0 | (code >> 18)) + byte(0x80 | ((code >> 12) & 0x3f)) + byte(0x80 | ((code >> 6) & 0x3f)) + byte(0x80 | (code & 0x3f));
      bytes += 4;
    }
    if (bytes > ELD_CUT_AFTER_BYTES) break;
  }
  if (word !== '') words.push(word);
  return words;
}

/** Each word's n-grams, once each: the first marked by a space before it, the last by one after. */
function ngramsOf(words: readonly string[]): Set<string> {
  const ngrams = new Set<string>();
  for (const word of words) {
    const read = Math.min(word.length, WORD_BYTES_READ);
    let at = 0;
    for (; at + NGRAM_BYTES < read; at += NGRAM_STRIDE) ngrams.add(`${at === 0 ? ' ' : ''}${word.substring(at, at + NGRAM_BYTES)}`);
    // The last n-gram runs to the word's end, however long the word.
    ngrams.add(`${at === 0 ? ' ' : ''}${word.substring(read === 3 ? 0 : read - NGRAM_BYTES)} `);
  }
  return ngrams;
}
