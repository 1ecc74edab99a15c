/**
 * Titles. A dispatch either carries a headline line, or gets a title made from its own first words:
 * never a word that is not in the text, never a summary "in other words".
 */
import { isCountryWord } from './countries.ts';
import { headlineFromSentence } from './headline.ts';
import { titleWords, type TitleWords } from './stopwords.ts';
import { collapseSpaces, isUnspaced } from './text.ts';

/** Longest derived title, in characters, before the ellipsis. Fits one or two lines in a list. */
export const TITLE_MAX = 100;
// Characters of Chinese, Japanese or Thai say more each: a headline there is a few dozen of them.
const UNSPACED_TITLE_MAX = 40;
const MIN_TITLE_WORDS = 4;
// A lede's first sentence is found within this many characters; a longer "sentence" gets cut anyway.
const SENTENCE_SEARCH_LIMIT = 2000;

export interface TitleReading {
  title: string;
  how: string;
}

/** A line a human would read as a headline: short, capitalised, not ending like a sentence. */
export function looksLikeHeadline(line: string): boolean {
  if (line.length > 400) return false;
  const text = collapseSpaces(line);
  if (/[.,;:。，：；]$/u.test(text)) return false;
  if (isUnspaced(text)) return Array.from(text).length >= 6 && Array.from(text).length <= 80;
  if (text.length < 8 || text.length > 200) return false;
  if (!/^[\p{Lu}\p{Lo}\p{N}"“«‘'(]/u.test(text)) return false;
  const words = text.split(' ');
  if (words.length < 3) return false;
  // A few words, every one capitalised, name something ("Nhan Dan Online", "Russian Politics & Diplomacy").
  return !(words.length <= 4 && words.every((word) => /^[\p{Lu}\p{N}&+]/u.test(word)));
}

const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'lt', 'col', 'maj', 'capt', 'sgt', 'st', 'no', 'nos', 'vs', 'etc',
  'jr', 'sr', 'mt', 'co', 'corp', 'inc', 'ltd', 'e.g', 'i.e', 'approx', 'dept', 'gov', 'sen', 'rep', 'pres',
  'hr', 'nr', 'bl', 'ca', 'dvs', 'mfl', 'z.b', 'bzw', 'mme', 'mlle', 'sra', 'sr', 'dña', 'art', 'fig', 'vol',
]);
const SENTENCE_END = new Set(['.', '!', '?', '…']);
const CLOSERS = new Set(['"', '”', '’', '»', ')', ']', "'"]);

/** The first sentence of a paragraph: up to a full stop that is followed by a new capitalised sentence. */
export function firstSentence(paragraph: string): string {
  const text = paragraph.slice(0, SENTENCE_SEARCH_LIMIT);
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index] ?? '';
    // Chinese and Japanese end a sentence with a full-width mark and no space after it.
    if (char === '。' || char === '！' || char === '？') return text.slice(0, index + 1).trim();
    if (!SENTENCE_END.has(char)) continue;
    let end = index + 1;
    while (end < text.length && CLOSERS.has(text[end] ?? '')) end += 1;
    if (end >= text.length) return text.trim();
    if (text[end] !== ' ') continue;
    const next = text[end + 1] ?? '';
    if (!/[\p{Lu}\p{N}"“«‘'(]/u.test(next)) continue;
    if (char === '.' && isAbbreviation(text, index)) continue;
    return text.slice(0, end).trim();
  }
  return text.trim();
}

function isAbbreviation(text: string, periodIndex: number): boolean {
  const wordStart = text.lastIndexOf(' ', periodIndex - 1) + 1;
  const word = text.slice(wordStart, periodIndex).replace(/^[("“«'‘]+/, '').toLowerCase();
  if (ABBREVIATIONS.has(word)) return true;
  // Initials ("J. Smith") and dotted acronyms ("U.S. officials").
  return /^\p{L}$/u.test(word) || /^(?:\p{L}\.)+\p{L}$/u.test(word);
}

/**
 * A title made from the lede: its first sentence when short enough, otherwise cut at the last clause
 * boundary (punctuation, or before a conjunction or preposition) that leaves a meaningful title, else at
 * a word boundary; a cut title ends with "…". Null when the lede has no words.
 */
export function deriveTitle(lede: string, language: string): TitleReading | null {
  const sentence = firstSentence(collapseSpaces(lede.slice(0, SENTENCE_SEARCH_LIMIT * 2)));
  if (!/[\p{L}\p{N}]/u.test(sentence)) return null;
  const opening = language.split('-')[0] === 'vi' ? VIETNAMESE_OPENING.exec(sentence) : null;
  const rest = opening === null ? '' : sentence.slice(opening[0].length);
  if (opening === null || rest.split(' ').length < MIN_TITLE_WORDS) return titleOfSentence(sentence, language);
  const title = titleOfSentence(rest, language);
  return title === null ? null : { title: title.title, how: `${title.how}, without its opening time and place` };
}

// "Chiều 30-11, tại Hà Nội, …", "Ngày 30/11, …", "Sáng nay (30/11), …": when and where, before the actor
// Vietnamese ledes name first. A headline starts with the actor.
const VIETNAMESE_OPENING =
  /^(?:(?:Sáng|Chiều|Tối|Trưa|Đêm|Rạng sáng|Ngày|Hôm nay|Hôm qua)(?:\s+nay)?(?:\s*\(?\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?\)?)?|Tuần (?:này|qua|trước)),\s+(?:(?:tại|ở)\s+[^,]{1,40},\s+)?(?=\p{Lu})/u;

function titleOfSentence(sentence: string, language: string): TitleReading | null {
  if (language.split('-')[0] === 'en') {
    const headline = headlineFromSentence(sentence, isCountryWord);
    if (headline?.clauseEnds === true) return { title: headline.title, how: headline.how };
    // The clause is too long even without titles and time words: cut what is left of it.
    if (headline !== null) {
      const words = titleWords(language);
      const cut = clauseCut(headline.title, words) ?? wordCut(headline.title, words);
      if (cut !== null) return { title: cut.title, how: `${headline.how}, ${cut.how.replace(/^derived from the lede: first sentence /u, '')}` };
    }
  }
  if (isUnspaced(sentence)) return unspacedTitle(sentence);
  if (sentence.length <= TITLE_MAX) {
    return { title: sentence.replace(/(?<!\.)\.$/, ''), how: 'derived from the lede: its first sentence' };
  }
  const words = titleWords(language);
  return clauseCut(sentence, words) ?? wordCut(sentence, words) ?? hardCut(sentence);
}

/** A Chinese, Japanese or Thai title: the first clause (up to "，" or "、"), else the first characters. */
function unspacedTitle(sentence: string): TitleReading {
  const text = sentence.replace(/[。！？]$/u, '');
  const clause = /^[^，,；;：:]{6,}?(?=[，,；;：:])/u.exec(text)?.[0];
  if (clause !== undefined && Array.from(clause).length <= UNSPACED_TITLE_MAX) {
    return { title: clause, how: 'derived from the lede: its first clause' };
  }
  const characters = Array.from(text);
  if (characters.length <= UNSPACED_TITLE_MAX) return { title: text, how: 'derived from the lede: its first sentence' };
  return { title: `${characters.slice(0, UNSPACED_TITLE_MAX).join('')}…`, how: `derived from the lede: its first ${UNSPACED_TITLE_MAX} characters` };
}

// A phrase cut only a word or three after a comma leaves a stub ("…training, officials"): cut at the
// comma instead.
const MIN_WORDS_AFTER_PUNCTUATION = 4;

interface Cut {
  position: number;
  title: string;
  boundary: string;
}

function clauseCut(sentence: string, words: TitleWords): TitleReading | null {
  const punctuation = lastValidCut(sentence, words, punctuationBoundaryAt);
  const phrase = lastValidCut(sentence, words, phraseBoundaryAt);
  let chosen = phrase ?? punctuation;
  if (punctuation !== null && phrase !== null && phrase.position > punctuation.position) {
    const between = sentence.slice(punctuation.position + 1, phrase.position).trim();
    if (between.split(' ').length < MIN_WORDS_AFTER_PUNCTUATION) chosen = punctuation;
  }
  if (chosen === null) return null;
  return { title: `${chosen.title}…`, how: `derived from the lede: first sentence cut ${chosen.boundary}` };
}

/** Walking backwards, the last boundary of one kind that leaves a meaningful title. */
function lastValidCut(
  sentence: string,
  words: TitleWords,
  boundaryAt: (sentence: string, index: number, words: TitleWords) => string | null,
): Cut | null {
  const limit = Math.min(sentence.length, TITLE_MAX + 1);
  for (let index = limit - 1; index >= 1; index -= 1) {
    const boundary = boundaryAt(sentence, index, words);
    if (boundary === null) continue;
    const title = tidyCut(sentence.slice(0, index), words);
    if (title.length > TITLE_MAX || countWords(title) < MIN_TITLE_WORDS || !isBalanced(title)) continue;
    return { position: index, title, boundary };
  }
  return null;
}

/** A clause mark just at `index`: the title may end just before it. */
function punctuationBoundaryAt(sentence: string, index: number): string | null {
  const char = sentence[index] ?? '';
  const before = sentence[index - 1] ?? '';
  if (char === ',' || char === ';' || char === ':') return `at the “${char}”`;
  if ((char === '—' || char === '–') && before === ' ') return `at the “${char}”`;
  return null;
}

/** A conjunction or preposition starting at `index`: a new phrase begins there. */
function phraseBoundaryAt(sentence: string, index: number, words: TitleWords): string | null {
  if (sentence[index - 1] !== ' ') return null;
  const word = wordAt(sentence, index);
  return words.phraseStarts.has(word) ? `before “${word}”` : null;
}

function wordCut(sentence: string, words: TitleWords): TitleReading | null {
  const lastSpace = sentence.lastIndexOf(' ', TITLE_MAX);
  if (lastSpace <= 0) return null;
  const title = tidyCut(sentence.slice(0, lastSpace), words);
  if (title === '') return null;
  return { title: `${title}…`, how: 'derived from the lede: first sentence cut at a word boundary' };
}

function hardCut(sentence: string): TitleReading {
  const title = Array.from(sentence).slice(0, TITLE_MAX).join('').trim();
  return { title: `${title}…`, how: `derived from the lede: no space in its first ${TITLE_MAX} characters, cut there` };
}

function wordAt(text: string, start: number): string {
  const end = text.indexOf(' ', start);
  return text
    .slice(start, end === -1 ? undefined : end)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}'’-]+$/u, '');
}

/** Drops trailing punctuation and function words, so a cut never ends on "of the". */
function tidyCut(text: string, words: TitleWords): string {
  const parts = text.replace(/[\s,;:—–-]+$/u, '').split(' ');
  while (parts.length > 1) {
    const last = (parts[parts.length - 1] ?? '').toLowerCase().replace(/[^\p{L}\p{N}]+$/u, '');
    if (!words.dangling.has(last)) break;
    parts.pop();
  }
  return parts.join(' ').replace(/[\s,;:—–-]+$/u, '');
}

function countWords(text: string): number {
  return text === '' ? 0 : text.split(' ').length;
}

// A cut inside "(CPV" or «…» would leave a bracket or quote open: that is not a meaningful title.
function isBalanced(text: string): boolean {
  const count = (char: string): number => text.split(char).length - 1;
  return (
    count('(') === count(')') &&
    count('[') === count(']') &&
    count('«') === count('»') &&
    count('“') === count('”') &&
    count('"') % 2 === 0
  );
}
