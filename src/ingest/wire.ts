/**
 * The archive's own wire header: " date 2026-01-10 BERLIN — Lede … — VNA/VNS". The strongest evidence
 * there is for a date and a dateline, so it is read first; the sign-off (read with the article) gives
 * the agency.
 */
import { isRealPartialDate } from '../core/dates.ts';
import { cityAsWritten } from './dateline.ts';
import type { Field, SourceLine } from './reading.ts';
import { looksLikeHeadline } from './title.ts';

export interface WireHeader {
  date: Field<string | null>;
  dateline: Field<string | null>;
  /** What follows the header on its line: the start of the lede. */
  rest: string;
  warnings: string[];
}

// Only the start of a line is looked at, so a megabyte-long first line costs nothing extra.
const HEADER_WINDOW = 300;
// Lower-case "date" and a date-like token; what follows must be a dateline or a dash, so a sentence
// such as "Date 2026 marks fifty years of ties" is never taken for a header.
const HEADER_START = /^date\s+(\d\S*)\s*/;
const AFTER_HEADER_DATE = /^(?:[—–_-]|--|[\p{Lu}\p{M}'’.-]+(?:\s|[—–]|$))/u;
const SEPARATORS = new Set(['—', '–', '-', '_', '--']);
const MAX_CITY_WORDS = 5;

export function readWireHeader(line: string): WireHeader | null {
  const head = line.slice(0, HEADER_WINDOW);
  const start = HEADER_START.exec(head);
  const dateText = start?.[1];
  if (start === null || dateText === undefined) return null;
  const afterDate = line.slice(start[0].length);
  if (!AFTER_HEADER_DATE.test(afterDate.slice(0, 60))) return null;
  const { city, rest, separator } = splitDateline(afterDate);
  const warnings: string[] = [];
  const date = readHeaderDate(dateText, warnings);
  let dateline: Field<string | null>;
  if (city === null) {
    dateline = { value: null, how: 'wire header without a dateline' };
    warnings.push('the wire header names no dateline');
  } else {
    dateline = { value: cityAsWritten(city), how: `wire header "${city}"` };
    if (!separator) warnings.push(`no dash after the dateline "${city}"; the lede is taken to start after it`);
  }
  return { date, dateline, rest, warnings };
}

function readHeaderDate(dateText: string, warnings: string[]): Field<string | null> {
  if (!/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/.test(dateText)) {
    warnings.push(`the wire header's date "${dateText}" is not in a form I can read (YYYY-MM-DD, YYYY-MM or YYYY)`);
    return { value: null, how: `wire header "${dateText}" not readable` };
  }
  if (!isRealPartialDate(dateText)) {
    warnings.push(`the wire header's date "${dateText}" is not a real calendar date`);
    return { value: null, how: `wire header "${dateText}" is not a real date` };
  }
  return { value: dateText, how: 'wire header' };
}

interface WordAt {
  text: string;
  end: number;
}

function firstWords(text: string, count: number): WordAt[] {
  const words: WordAt[] = [];
  for (const match of text.slice(0, HEADER_WINDOW).matchAll(/\S+/g)) {
    words.push({ text: match[0], end: match.index + match[0].length });
    if (words.length === count) break;
  }
  return words;
}

/**
 * "BERLIN — Leaders …" → city "BERLIN". The city is the words before the first dash (all capitalised),
 * or, with no dash, the run of upper-case words the header starts with.
 */
function splitDateline(afterDate: string): { city: string | null; rest: string; separator: boolean } {
  const words = firstWords(afterDate, MAX_CITY_WORDS + 1);
  const cityWords: string[] = [];
  for (const word of words) {
    const glued = /^(.+?)([—–])$/u.exec(word.text);
    if (SEPARATORS.has(word.text) || glued !== null) {
      if (glued?.[1] !== undefined) cityWords.push(glued[1]);
      const city = cityWords.length > 0 && cityWords.every(startsUpper) ? cityWords.join(' ') : null;
      if (city !== null || cityWords.length === 0) {
        return { city, rest: afterDate.slice(word.end).trimStart(), separator: true };
      }
      break;
    }
    cityWords.push(word.text);
  }
  // No usable dash: take the leading upper-case words as the city.
  const shouted: WordAt[] = [];
  for (const word of words.slice(0, MAX_CITY_WORDS)) {
    if (!isUpperCaseWord(word.text)) break;
    shouted.push(word);
  }
  const last = shouted[shouted.length - 1];
  if (last === undefined) return { city: null, rest: afterDate.trimStart(), separator: false };
  return { city: shouted.map((word) => word.text).join(' '), rest: afterDate.slice(last.end).trimStart(), separator: false };
}

function startsUpper(word: string): boolean {
  return /^\p{Lu}/u.test(word);
}

function isUpperCaseWord(word: string): boolean {
  return /\p{Lu}/u.test(word) && !/\p{Ll}/u.test(word) && !/\d/.test(word);
}

export interface WireReading {
  header: WireHeader;
  /** The line the header is on; its text after the header is the lede. */
  headerLine: SourceLine;
  /** A headline line above the header, when there is one. */
  title: Field<string> | null;
}

/** A wire header on the first line, or on the second under a headline. */
export function readWire(lines: readonly SourceLine[]): WireReading | null {
  const [first, second] = lines;
  if (first === undefined) return null;
  const onFirst = readWireHeader(first.text);
  if (onFirst !== null) return { header: onFirst, headerLine: first, title: null };
  if (second === undefined || !looksLikeHeadline(first.text)) return null;
  const onSecond = readWireHeader(second.text);
  if (onSecond === null) return null;
  return { header: onSecond, headerLine: second, title: { value: first.text, how: 'headline line above the wire header' } };
}
