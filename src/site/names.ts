/**
 * The people and organisations a dispatch names, read from runs of capitalised words: "Kim Jong-un",
 * "Tô Lâm", "Communist Party of Vietnam". Build time only; pure.
 *
 * A run is judged by what it is: where it stands (sentence start, a dateline, a headline set in title
 * case), what it is made of (titles such as "President" before a person, words such as "Party" that
 * make an organisation, countries and demonyms, which are places and never names), and whether the
 * text uses its words elsewhere. Scripts without capital letters (CJK, Thai) yield nothing.
 */
import { fold } from '../core/fold.ts';
import { countryNameSpans, isCapitalCity } from '../ingest/countries.ts';
import { titleWords } from '../ingest/stopwords.ts';

/** The most names kept per dispatch, most mentioned first: enough to relate it, bounded in size. */
export const MAX_NAMES = 40;

/** "Tô Lâm", "To Lam" and "TO LAM" share a key; so do "Kim Jong-un" and "Kim Jong Un". */
export function nameKey(name: string): string {
  return fold(name).replace(/[-‐‑'’.]+/g, ' ').replace(/\s+/g, ' ').trim();
}

// Small lowercase words that join the parts of a name: "Ministry of Foreign Affairs", "Ursula von der
// Leyen", "Charles de Gaulle". Only ever inside a run, between two capitalised words.
const CONNECTORS = new Set(['of', 'the', 'for', 'de', 'du', 'des', 'la', 'le', 'del', 'da', 'do', 'dos', 'di', 'van', 'von', 'der', 'den', 'ten', 'ter', 'bin', 'al', 'el', 'af', 'av']);

// Titles before a person: dropped, the person after them kept ("President Vladimir Putin"). Written in
// lower case with their marks, compared unfolded so that "trưởng" (a title) never matches "Trương"
// (a family name).
const TITLES = new Set(
  [
    // English
    'president', 'premier', 'minister', 'secretary', 'chairman', 'chairwoman', 'chairperson', 'chair',
    'co-chair', 'ambassador', 'chancellor', 'king', 'queen', 'prince', 'princess', 'emperor', 'sultan',
    'sheikh', 'emir', 'pope', 'leader', 'speaker', 'governor', 'mayor', 'senator', 'commander', 'marshal',
    'colonel', 'lieutenant', 'admiral', 'comrade', 'mr', 'mrs', 'ms', 'miss', 'dr', 'madam', 'sir', 'lord',
    'lady', 'professor', 'prof', 'director', 'head', 'chief', 'envoy', 'consul', 'representative',
    'spokesman', 'spokeswoman', 'spokesperson', 'member', 'excellency', 'majesty', 'highness',
    // French, Spanish, German, Nordic
    'président', 'présidente', 'ministre', 'secrétaire', 'ambassadeur', 'presidente', 'ministro',
    'secretario', 'embajador', 'präsident', 'präsidentin', 'bundeskanzler', 'kanzler', 'ministerpräsident',
    'außenminister', 'generalsekretär', 'botschafter', 'vorsitzende', 'vorsitzender', 'generalsekretær',
    'generalsekreterare', 'statsminister', 'utenriksminister', 'utrikesminister', 'statspresident',
    'ambassadør', 'ambassadör', 'leder', 'ledare',
    // Russian
    'президент', 'премьер-министр', 'министр', 'генсек', 'секретарь', 'председатель', 'посол', 'глава',
    'лидер', 'товарищ',
    // Vietnamese, syllable by syllable as written: "Tổng Bí thư", "Chủ tịch", "Thủ tướng"
    'tổng', 'bí', 'thư', 'chủ', 'tịch', 'thủ', 'tướng', 'bộ', 'trưởng', 'phó', 'sứ', 'ông', 'bà', 'ngài',
  ],
);

// Words that qualify a title ("Vice", "Foreign", "General") and are dropped with it, but end nothing:
// "Ministry of Foreign Affairs" stays one name, "General Nguyễn Văn A" is a person.
const TITLE_QUALIFIERS = new Set(
  [
    'vice', 'deputy', 'prime', 'foreign', 'defence', 'defense', 'first', 'senior', 'former', 'acting',
    'state', 'standing', 'permanent', 'general', 'crown', 'his', 'her', 'général', 'генеральный', 'đại',
    'đồng', 'chí', 'thượng',
  ],
);

// Words that make a run an organisation: its title words stay part of the name ("Vietnam News Agency",
// "Communist Party of Vietnam"), and a person after them is read on its own ("Central Committee Tô Lâm").
const INSTITUTIONS = new Set(
  [
    'party', 'committee', 'commission', 'council', 'assembly', 'congress', 'parliament', 'ministry',
    'department', 'office', 'agency', 'news', 'bank', 'fund', 'union', 'organisation', 'organization',
    'association', 'federation', 'alliance', 'league', 'movement', 'front', 'army', 'navy', 'forces',
    'academy', 'university', 'institute', 'college', 'embassy', 'consulate', 'government', 'court',
    'chamber', 'corporation', 'company', 'group', 'airlines', 'forum', 'summit', 'conference', 'treaty',
    'secretariat', 'politburo', 'cabinet', 'senate', 'bureau', 'centre', 'center', 'foundation', 'society',
    'partnership', 'charter', 'nations', 'times', 'post', 'daily', 'radio', 'television',
    'partei', 'parti', 'partido', 'partiet', 'parti', 'партия', 'партии', 'đảng', 'ban', 'quốc', 'hội',
  ],
);

// Sentence openers that are never part of a name, beyond each language's function words.
const OPENERS = new Set(
  'he she it we they i you his her its our their this that these those there here then when while after before as at in on by for from with but and or if so yet also both each every all some many most such what which who whom whose how why where during since until meanwhile however later earlier today yesterday tomorrow according'.split(' '),
);

const WORD = /[\p{L}\p{M}\p{N}]+(?:[-‐‑'’][\p{L}\p{M}\p{N}]+)*/gu;
const LOWERCASE_WORD = /(?<![\p{L}\p{M}\p{N}])\p{Ll}[\p{L}\p{M}\p{N}]*/gu;
const SENTENCE_END = /[.!?…:;]["'”’»)\]]*\s*["'“‘«([]*$/u;

interface Word {
  text: string;
  /** Lower case, marks kept: what the title and institution lists compare. */
  lower: string;
  start: number;
  end: number;
  capitalised: boolean;
  /** Written in capitals throughout and at least two letters: "CPV", "ASEAN", "HÀ NỘI". */
  allCaps: boolean;
  sentenceStart: boolean;
  /** "Chile's": the name ends here, the "'s" is not part of it. */
  genitive: boolean;
  /** Joined to the next word by nothing but spaces. */
  joinedToNext: boolean;
  country: boolean;
  monthOrDay: boolean;
}

interface Candidate {
  form: string;
  key: string;
  fromHeadline: boolean;
}

/** The people and organisations named in `text` (title, summary and body joined), in written form. */
export function namesIn(text: string, language: string): string[] {
  const context = readingContext(text, language);
  const candidates: Candidate[] = [];
  const loneWords: string[] = [];
  for (const line of text.split(/\n+/)) {
    const headline = isTitleCased(line);
    for (const run of runsIn(lineWords(line, context))) {
      const name = nameFromRun(run, context);
      const [first] = name ?? [];
      if (name === null || first === undefined) continue;
      if (name.length === 1 && !isAcronym(first)) {
        if (!headline) loneWords.push(nameKey(first.text));
        continue;
      }
      const form = line.slice(first.start, name[name.length - 1]?.end ?? first.end);
      candidates.push({ form, key: nameKey(form), fromHeadline: headline });
    }
  }
  return rankNames(candidates, loneWords);
}

interface ReadingContext {
  language: string;
  lowercaseWords: ReadonlySet<string>;
  openers: ReadonlySet<string>;
  monthsAndDays: ReadonlySet<string>;
}

function readingContext(text: string, language: string): ReadingContext {
  const primary = language.split('-')[0] ?? language;
  const lowercaseWords = new Set<string>();
  for (const match of text.matchAll(LOWERCASE_WORD)) lowercaseWords.add(match[0]);
  return {
    language: primary,
    lowercaseWords,
    openers: new Set([...OPENERS, ...titleWords(primary).dangling, ...titleWords('en').dangling]),
    monthsAndDays: monthAndDayNames(primary),
  };
}

const calendarNames = new Map<string, ReadonlySet<string>>();

/** Month and weekday names in English and the dispatch's language, long and short, from Intl. */
function monthAndDayNames(language: string): ReadonlySet<string> {
  const cached = calendarNames.get(language);
  if (cached !== undefined) return cached;
  const names = new Set<string>();
  for (const locale of new Set(['en', language])) {
    let supported: string[];
    try {
      supported = Intl.DateTimeFormat.supportedLocalesOf([locale]);
    } catch {
      continue;
    }
    if (supported.length === 0) continue;
    for (const style of ['long', 'short'] as const) {
      const months = new Intl.DateTimeFormat(locale, { month: style, timeZone: 'UTC' });
      const days = new Intl.DateTimeFormat(locale, { weekday: style, timeZone: 'UTC' });
      for (let month = 0; month < 12; month += 1) names.add(fold(months.format(Date.UTC(2001, month, 15))).replace(/\.$/, ''));
      for (let day = 0; day < 7; day += 1) names.add(fold(days.format(Date.UTC(2001, 0, 1 + day))).replace(/\.$/, ''));
    }
  }
  calendarNames.set(language, names);
  return names;
}

/**
 * A line set in title case ("Vietnam, North Korea Discuss Closer Ties") capitalises ordinary words,
 * so its runs count only when the rest of the text names them too. A headline has no full stop at
 * its end; a sentence crowded with names does.
 */
function isTitleCased(line: string): boolean {
  if (/[.!?…]["'”’»)]*\s*$/u.test(line)) return false;
  const long = [...line.matchAll(WORD)].map((match) => match[0]).filter((word) => word.length >= 4);
  if (long.length < 4) return false;
  const capitalised = long.filter((word) => /^\p{Lu}/u.test(word)).length;
  return capitalised / long.length >= 0.7;
}

/**
 * A dateline ("HÀ NỘI —", "MOSCOW, Jan 10 (Reuters) -", "(VOVWORLD) -") opens a line with capitals and
 * ends at the first dash: it names a place and an agency, not the story's people.
 */
function datelineEnd(line: string): number {
  const head = /^\s*(?:date\s+\S+\s+)?\(?\p{Lu}{2,}(?![\p{Ll}])/u.exec(line);
  if (head === null) return 0;
  const dash = /\s[—–_-]\s/u.exec(line.slice(0, 100));
  return dash === null ? 0 : dash.index + dash[0].length;
}

function lineWords(line: string, context: ReadingContext): Word[] {
  const skip = datelineEnd(line);
  const spans = countryNameSpans(line, context.language);
  const words: Word[] = [];
  let previousEnd = skip;
  let span = 0;
  for (const match of line.slice(skip).matchAll(WORD)) {
    const start = match.index + skip;
    const text = match[0];
    const end = start + text.length;
    const gap = line.slice(previousEnd, start);
    const previous = words[words.length - 1];
    if (previous !== undefined) previous.joinedToNext = /^[ \t\u00a0]+$/.test(gap) || isInitial(previous, gap);
    const genitive = /['’][sS]$/.test(text);
    const bare = genitive ? text.slice(0, -2) : text;
    const capitalised = /^[\p{Lu}\p{Lt}]/u.test(text);
    // Spans come in text order, like the words: walk them alongside.
    while ((spans[span]?.end ?? Infinity) <= start) span += 1;
    const inSpan = spans[span];
    words.push({
      text: bare,
      lower: bare.toLowerCase(),
      start,
      end: genitive ? end - 2 : end,
      capitalised,
      allCaps: /^[\p{Lu}\p{N}\p{M}-]+$/u.test(bare) && (bare.match(/\p{Lu}/gu) ?? []).length >= 2,
      sentenceStart: previous === undefined || SENTENCE_END.test(gap) || /[—–]\s*$/.test(gap),
      genitive,
      joinedToNext: false,
      country: inSpan !== undefined && inSpan.start <= start && end <= inSpan.end,
      // Only a capitalised word could start a run, so only those need the fold.
      monthOrDay: capitalised && context.monthsAndDays.has(fold(bare)),
    });
    previousEnd = end;
  }
  return words;
}

/** "John F. Kennedy": a capital initial and its full stop stay inside the name. */
function isInitial(word: Word, gap: string): boolean {
  return word.text.length === 1 && word.capitalised && /^\.\s$/.test(gap);
}

/** Runs of capitalised words, with connectors inside; a month, a day or a genitive ends a run. */
function runsIn(words: readonly Word[]): Word[][] {
  const runs: Word[][] = [];
  let run: Word[] = [];
  const close = (): void => {
    while (run.length > 0 && !(run[run.length - 1]?.capitalised ?? false)) run.pop();
    if (run.length > 0) runs.push(run);
    run = [];
  };
  words.forEach((word, index) => {
    const usable = word.capitalised && !word.monthOrDay;
    // An acronym stands alone: "YAP Chairman Ilham Aliyev" is the party, then its chairman.
    const previous = run[run.length - 1];
    if (usable && previous !== undefined && previous.allCaps !== word.allCaps) close();
    const connector = !word.capitalised && run.length > 0 && CONNECTORS.has(word.lower);
    if (!usable && !connector) return close();
    if (!usable && connector && !(words[index + 1]?.capitalised ?? false) && !CONNECTORS.has(words[index + 1]?.lower ?? '')) return close();
    run.push(word);
    if (word.genitive || !word.joinedToNext) close();
  });
  close();
  return runs;
}

function isTitle(word: Word): boolean {
  return TITLES.has(word.lower) || TITLE_QUALIFIERS.has(word.lower);
}

/** A title that ends a title ("Secretary" in "Party General Secretary"): a person may follow it. */
function isHeadTitle(word: Word): boolean {
  return TITLES.has(word.lower);
}

function isInstitution(word: Word): boolean {
  return INSTITUTIONS.has(word.lower);
}

function isConnector(word: Word): boolean {
  return !word.capitalised && CONNECTORS.has(word.lower);
}

/**
 * The name a run holds, or null. A person follows the last title or institution word ("Party General
 * Secretary Nguyen Phu Trong"); an organisation ends on one or continues with "of" ("Communist Party
 * of Vietnam"); a run of titles and countries alone ("Russian President") names nobody.
 */
function nameFromRun(run: readonly Word[], context: ReadingContext): Word[] | null {
  let words = withoutOrdinaryOpener(run, context);
  // Words in capitals side by side are a dateline or a headline ("HÀ NỘI"), not acronyms.
  if (words.length > 1 && words.every((word) => word.allCaps)) return null;
  const lastCommon = findLastIndex(words, (word) => isHeadTitle(word) || isInstitution(word));
  const after = words[lastCommon + 1];
  if (lastCommon >= 0 && after !== undefined && !isConnector(after)) {
    words = personPart(words.slice(lastCommon + 1));
  } else if (words.some(isInstitution)) {
    words = dropWhile(words, (word) => isTitle(word) || isConnector(word));
  } else {
    words = personPart(words);
  }
  if (words.every((word) => word.country || isConnector(word) || isTitle(word))) return null;
  if (isCapitalCity(words.map((word) => word.text).join(' '))) return null;
  return words;
}

/** A person's part of a run: countries before it and "of <country>" after it are places. */
function personPart(words: readonly Word[]): Word[] {
  let part = dropWhile(words, (word) => word.country || isConnector(word) || isTitle(word));
  const firstPlace = part.findIndex((word, index) => isConnector(word) && (part[index + 1]?.country ?? false));
  if (firstPlace > 0) part = part.slice(0, firstPlace);
  return part.filter((word, index) => !(word.country && index === part.length - 1));
}

/**
 * A sentence's first word is capitalised by position, not because it names anything: dropped when
 * it is a function word or the text writes it in lower case elsewhere.
 */
function withoutOrdinaryOpener(run: readonly Word[], context: ReadingContext): Word[] {
  const [first, ...rest] = run;
  if (first === undefined || !first.sentenceStart) return [...run];
  const ordinary = context.openers.has(first.lower) || (rest.length === 0 && context.lowercaseWords.has(first.lower));
  return ordinary ? dropWhile(rest, isConnector) : [...run];
}

/**
 * One word alone is a name only as an acronym ("CPV", "ASEAN"): a lone capitalised word is as often a
 * German noun or a sentence's first word as a surname. A surname alone ("Putin") still counts as a
 * mention of the full name the text gives elsewhere (see rankNames).
 */
function isAcronym(word: Word): boolean {
  return word.allCaps && word.text.length >= 3 && !word.country;
}

function findLastIndex<T>(items: readonly T[], test: (item: T) => boolean): number {
  for (let index = items.length - 1; index >= 0; index -= 1) {
    const item = items[index];
    if (item !== undefined && test(item)) return index;
  }
  return -1;
}

function dropWhile<T>(items: readonly T[], test: (item: T) => boolean): T[] {
  const index = items.findIndex((item) => !test(item));
  return index < 0 ? [] : items.slice(index);
}

/**
 * One written form per key, most mentioned first. A form with more marks wins ("Tô Lâm" over "To
 * Lam"). A shorter mention counts for the one longer name that starts or ends with it ("Lâm" and
 * "Van Klaveren" for "Tô Lâm" and "Alberto van Klaveren").
 * A name from a title-cased headline counts only when the text names it too.
 */
function rankNames(candidates: readonly Candidate[], loneWords: readonly string[]): string[] {
  const byKey = new Map<string, { form: string; count: number; first: number; inText: boolean }>();
  candidates.forEach((candidate, position) => {
    const known = byKey.get(candidate.key);
    if (known === undefined) {
      byKey.set(candidate.key, { form: candidate.form, count: 1, first: position, inText: !candidate.fromHeadline });
      return;
    }
    known.count += 1;
    known.inText ||= !candidate.fromHeadline;
    if (marks(candidate.form) > marks(known.form)) known.form = candidate.form;
  });
  // A shorter mention of a longer name ("Lâm", "Van Klaveren") counts for it when only one fits.
  const keys = [...byKey.keys()];
  const longerFor = (short: string): string | undefined => {
    const fits = keys.filter((key) => key.length > short.length && (key.endsWith(` ${short}`) || key.startsWith(`${short} `)));
    return fits.length === 1 ? fits[0] : undefined;
  };
  for (const word of loneWords) {
    const longer = longerFor(word);
    const known = longer === undefined ? undefined : byKey.get(longer);
    if (known !== undefined) known.count += 1;
  }
  for (const key of keys) {
    const longer = longerFor(key);
    const short = byKey.get(key);
    const known = longer === undefined ? undefined : byKey.get(longer);
    if (short === undefined || known === undefined || !key.includes(' ')) continue;
    known.count += short.count;
    known.inText ||= short.inText;
    byKey.delete(key);
  }
  return [...byKey.values()]
    .filter((name) => name.inText)
    .sort((a, b) => b.count - a.count || a.first - b.first)
    .slice(0, MAX_NAMES)
    .map((name) => name.form);
}

function marks(form: string): number {
  return form.normalize('NFD').length - form.length;
}
