/**
 * Dates as pages print them, in the languages the archive holds: "July 2, 2025", "Thursday, 12 June
 * 2025", "05/06/2025 16:20", "2024.08.09", "2 de septiembre de 2025", "23. September 2025", "2025年3月27日",
 * "19 июня 2025 года", "26/5/2025", "12 มิ.ย. 2568". A small rule set of our own: a general date parser
 * costs about 20 µs a line and language, and happily reads a date into "on Monday"; these patterns cost a
 * microsecond and only ever read a date that names its year.
 */
import { isRealPartialDate } from '../core/dates.ts';
import { fold } from '../core/fold.ts';

export interface DateInText {
  /** "YYYY-MM-DD", or "YYYY-MM" for a month and year. */
  value: string;
  /** The characters the date was read from. */
  text: string;
  index: number;
  /** How the numbers were read, for the provenance ("day/month/year"). */
  order: string;
}

// Month words, folded (no case, no accents), in every language the archive holds, with the common
// abbreviations. A word maps to its month number.
const MONTH_WORDS: ReadonlyArray<readonly [number, string]> = [
  [1, 'january jan janvier janv januar jän jaen enero ene januari janeiro gennaio январь января янв'],
  [2, 'february feb febr fevrier fev februar febrero febrari februari fevereiro febbraio февраль февраля фев'],
  [3, 'march mar mars marz maerz marzo maart mars marco март марта мар'],
  [4, 'april apr avril abril aprile апрель апреля апр'],
  [5, 'may mai mayo maj mei maio maggio май мая'],
  [6, 'june jun juin juni junio junho giugno июнь июня июн'],
  [7, 'july jul juillet juil juli julio julho luglio июль июля июл'],
  [8, 'august aug aout agosto augusti augustus август августа авг'],
  [9, 'september sep sept septembre septiembre setiembre settembre setembro сентябрь сентября сен сент'],
  [10, 'october oct octobre okt oktober octubre ottobre outubro октябрь октября'],
  [11, 'november nov novembre noviembre novembro ноябрь ноября ноя'],
  [12, 'december dec decembre dez dezember diciembre dic desember dicembre dezembro декабрь декабря дек'],
];
const MONTHS = new Map<string, number>(MONTH_WORDS.flatMap(([month, words]) => words.split(' ').map((word) => [word, month] as const)));

// Thai month names and their dotted abbreviations; Thai pages count years in the Buddhist era.
const THAI_MONTHS = [
  'มกราคม ม.ค.', 'กุมภาพันธ์ ก.พ.', 'มีนาคม มี.ค.', 'เมษายน เม.ย.', 'พฤษภาคม พ.ค.', 'มิถุนายน มิ.ย.',
  'กรกฎาคม ก.ค.', 'สิงหาคม ส.ค.', 'กันยายน ก.ย.', 'ตุลาคม ต.ค.', 'พฤศจิกายน พ.ย.', 'ธันวาคม ธ.ค.',
];
const THAI_MONTH_NUMBERS = new Map<string, number>(THAI_MONTHS.flatMap((words, index) => words.split(' ').map((word) => [word, index + 1] as const)));
const BUDDHIST_ERA_OFFSET = 543;

// A publication date before the agencies of the archive existed, or past this century, is a number
// that only looks like a year.
const FIRST_YEAR = 1945;
const LAST_YEAR = 2099;

const THAI_MONTH = THAI_MONTHS.flatMap((words) => words.split(' ')).map((word) => word.replace(/\./g, '\\.')).join('|');

// Each pattern names its groups; the order says which number is which.
const PATTERNS: ReadonlyArray<{ pattern: RegExp; order: string }> = [
  { pattern: /(?<!\d)(?<year>\d{4})\s*[年년]\s*(?<month>\d{1,2})\s*[月월]\s*(?<day>\d{1,2})\s*[日일]?/gu, order: 'year, month, day' },
  { pattern: /(?<!\d)(?<year>\d{4})[-./](?<month>\d{1,2})[-./](?<day>\d{1,2})(?!\d)/gu, order: 'year-month-day' },
  { pattern: /(?<!\d)(?<day>\d{1,2})\s+tháng\s+(?<month>\d{1,2}),?\s+năm\s+(?<year>\d{4})/giu, order: 'day, month, year (Vietnamese)' },
  { pattern: /(?<![\d.])(?<day>\d{1,2})[/.-](?<month>\d{1,2})[/.-](?<year>\d{4})(?!\d)/gu, order: 'day/month/year' },
  {
    pattern: /(?<!\d)(?<day>\d{1,2})(?:\.|er|st|nd|rd|th)?\s+(?:de\s+)?(?<monthWord>\p{L}{3,10})\.?,?\s+(?:de\s+|del\s+)?(?<year>\d{4})(?!\d)/gu,
    order: 'day, month name, year',
  },
  { pattern: /(?<monthWord>\p{L}{3,10})\.?\s+(?<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?<year>\d{4})(?!\d)/gu, order: 'month name, day, year' },
  { pattern: new RegExp(`(?<!\\d)(?<day>\\d{1,2})\\s*(?<thaiMonth>${THAI_MONTH})\\s*(?<year>\\d{4})(?!\\d)`, 'gu'), order: 'day, Thai month, year' },
];
const MONTH_YEAR = /(?<![\p{L}\d])(?<monthWord>\p{L}{3,10})\.?\s+(?<year>\d{4})(?!\d)/gu;

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

function monthOf(groups: Record<string, string | undefined>): number | null {
  if (groups.month !== undefined) return Number(groups.month);
  if (groups.monthWord !== undefined) return MONTHS.get(fold(groups.monthWord)) ?? null;
  if (groups.thaiMonth !== undefined) return THAI_MONTH_NUMBERS.get(groups.thaiMonth) ?? null;
  return null;
}

function yearOf(groups: Record<string, string | undefined>): number {
  const year = Number(groups.year);
  return groups.thaiMonth !== undefined && year > 2400 ? year - BUDDHIST_ERA_OFFSET : year;
}

function plausibleYear(year: number): boolean {
  return year >= FIRST_YEAR && year <= LAST_YEAR;
}

/**
 * The first full date a short text prints, or a month and year when that is all it says. Numeric dates
 * are read day first, as Vietnamese, most Asian and European pages print them; month first only when
 * day first is impossible ("09/23/2025").
 */
export function readDateIn(text: string): DateInText | null {
  // Every date read here names its year.
  if (!/\d{4}/.test(text)) return null;
  let best: DateInText | null = null;
  for (const { pattern, order } of PATTERNS) {
    pattern.lastIndex = 0;
    for (const match of text.matchAll(pattern)) {
      const groups = match.groups ?? {};
      const month = monthOf(groups);
      const year = yearOf(groups);
      const day = Number(groups.day);
      if (month === null || !plausibleYear(year)) continue;
      let value = `${year}-${pad(month)}-${pad(day)}`;
      let how = order;
      if (!isRealPartialDate(value) && order === 'day/month/year') {
        value = `${year}-${pad(day)}-${pad(month)}`;
        how = 'month/day/year (day first is impossible)';
      }
      if (!isRealPartialDate(value)) continue;
      if (best === null || match.index < best.index) best = { value, text: match[0], index: match.index, order: how };
      break;
    }
  }
  return best ?? readMonthYear(text);
}

function readMonthYear(text: string): DateInText | null {
  for (const match of text.matchAll(MONTH_YEAR)) {
    const groups = match.groups ?? {};
    const month = monthOf(groups);
    const year = Number(groups.year);
    if (month === null || !plausibleYear(year)) continue;
    return { value: `${year}-${pad(month)}`, text: match[0], index: match.index, order: 'month name, year' };
  }
  return null;
}

/** A month and day with no year ("May 5", "7 окт", "3月27日"), as a wire dateline prints them. */
export function readMonthDay(text: string): { month: number; day: number } | null {
  const cjk = /(?<month>\d{1,2})月(?<day>\d{1,2})日/u.exec(text);
  if (cjk?.groups !== undefined) return checkedMonthDay(Number(cjk.groups.month), Number(cjk.groups.day));
  const wordFirst = /(?<monthWord>\p{L}{3,10})\.?\s+(?<day>\d{1,2})(?!\d)/u.exec(text);
  const dayFirst = /(?<!\d)(?<day>\d{1,2})\.?\s+(?<monthWord>\p{L}{3,10})/u.exec(text);
  for (const match of [wordFirst, dayFirst]) {
    const groups = match?.groups;
    if (groups === undefined) continue;
    const month = monthOf(groups);
    if (month !== null) return checkedMonthDay(month, Number(groups.day));
  }
  return null;
}

function checkedMonthDay(month: number, day: number): { month: number; day: number } | null {
  return isRealPartialDate(`2024-${pad(month)}-${pad(day)}`) ? { month, day } : null;
}

/** A date in a web address: "/20250505/", "/2025/05/05/", "/2025-05-05", "/2025/0327/", "AEN20250811…". */
export function readDateInUrl(url: string): DateInText | null {
  const path = url.replace(/^https?:\/\/[^/]+/i, '');
  const patterns: ReadonlyArray<readonly [RegExp, string]> = [
    [/(?<!\d)(?<year>(?:19|20)\d{2})[/-](?<month>\d{2})[/-](?<day>\d{2})(?!\d)/u, 'year/month/day'],
    [/\/(?<year>(?:19|20)\d{2})\/(?<month>\d{2})(?<day>\d{2})\//u, 'year/monthday'],
    [/(?<!\d)(?<year>(?:19|20)\d{2})(?<month>\d{2})(?<day>\d{2})(?!\d)/u, 'yearmonthday'],
  ];
  for (const [pattern, order] of patterns) {
    const groups = pattern.exec(path)?.groups;
    if (groups === undefined) continue;
    const value = `${groups.year}-${groups.month}-${groups.day}`;
    if (isRealPartialDate(value) && plausibleYear(Number(groups.year))) return { value, text: url, index: 0, order };
  }
  const month = /\/(?<year>(?:19|20)\d{2})\/(?<month>\d{2})\//u.exec(path)?.groups;
  if (month !== undefined && isRealPartialDate(`${month.year}-${month.month}`)) {
    return { value: `${month.year}-${month.month}`, text: url, index: 0, order: 'year/month' };
  }
  return null;
}

// Words a date line carries besides the date: labels, weekdays, times and zones, in our languages.
const DATE_LINE_WORDS = new Set(
  (
    'published updated posted update last modified first on at am pm gmt utc ict pt et est edt cet cest jst kst wib ' +
    'ago hour hours minute minutes min mins day days hrs ' +
    'monday tuesday wednesday thursday friday saturday sunday mon tue wed thu fri sat sun ' +
    'cap nhat luc ngay dang thu hai ba tu nam sau bay chu nhat ' +
    'publicerad uppdaterad publisert oppdatert kl klokka idag i dag ' +
    'veroffentlicht aktualisiert am um uhr stand montag dienstag mittwoch donnerstag freitag samstag sonntag ' +
    'publie le mis a jour lundi mardi mercredi jeudi vendredi samedi dimanche ' +
    'publicado actualizado el a las lunes martes miercoles jueves viernes sabado domingo ' +
    'опубликовано обновлено в года г понедельник вторник среда четверг пятница суббота воскресенье ' +
    'mandag tirsdag onsdag torsdag fredag lordag sondag mandag tisdag onsdag torsdag fredag lordag sondag'
  ).split(' '),
);

/**
 * True when a short line is mostly its date: what is left besides the date, times, labels and
 * weekdays is a name or two (an outlet, a byline), never a clause. "Vietnam marks National Day on
 * September 2, 2025" is a headline, not a date line.
 */
export function isMostlyDate(line: string, date: DateInText): boolean {
  if (line.length > 160) return false;
  const rest = (line.slice(0, date.index) + ' ' + line.slice(date.index + date.text.length))
    .replace(/\d{1,2}[:.h]\d{2}(?::\d{2})?/g, ' ')
    .replace(/[\d()[\]|,;:.+\-–—_/•·]+/g, ' ');
  const words = rest.split(/\s+/).filter((word) => /\p{L}/u.test(word));
  const clauseWords = words.filter((word) => /^\p{Ll}/u.test(word) && !DATE_LINE_WORDS.has(fold(word)));
  return clauseWords.length <= 1 && words.length <= 8 && !/\p{L}{2,}[.!?。]$/u.test(line.trim());
}

/** True for a weekday or a date label ("Thursday", "Thứ hai", "Publicerad"), which no outlet is named. */
export function isDateWord(text: string): boolean {
  const words = fold(text).split(/[\s,]+/).filter((word) => word !== '');
  return words.length > 0 && words.every((word) => DATE_LINE_WORDS.has(word));
}
