/**
 * Which countries a dispatch names. Names come from two data packages (i18n-iso-countries: names in
 * many languages; world-countries: alternative spellings, English demonyms and translations) plus a
 * small table of forms both lack. They are matched in English and in the dispatch's own language:
 *
 * - in scripts with capitals (Latin, Cyrillic), on folded words, longest name first, starting at a
 *   capitalised word only, so "china" the crockery or "man" the pronoun never count; Russian names
 *   match in any case ending ("Вьетнама", "России");
 * - in Chinese, Japanese, Korean and Thai, as character runs, Korean with its particles ("한국과").
 *
 * A country word that is part of a person's or place's name is not a mention: a word written with
 * Vietnamese marks only matches a name written with the same marks ("Thái Bình" is not "Thai"), and a
 * country word next to a Vietnamese name syllable ("Thai Binh", "Nguyen Van Thai", "Lào Cai", "Minh
 * Đức") is part of that name. Organisations and groupings (ASEAN, EU, UN, BRICS) are never countries,
 * and neither is a currency ("U.S. dollars").
 */
import { createRequire } from 'node:module';
import type * as IsoCountries from 'i18n-iso-countries';
import type { Country } from 'world-countries';
import { fold } from '../core/fold.ts';
import { TITLE_WORDS } from './title-words.ts';

// Both packages are CommonJS with JSON inside; require keeps them out of ESM's JSON-import rules and
// loads only the locales a dispatch needs.
const require = createRequire(import.meta.url);
const isoCountries = require('i18n-iso-countries/index.js') as typeof IsoCountries;
const worldCountries = require('world-countries') as Country[];

const CYRILLIC = /\p{Script=Cyrillic}/u;
// Folding is most of the matching's cost; the same words come back in every dispatch.
const foldCache = new Map<string, string>();
const FOLD_CACHE_LIMIT = 50_000;

function foldKey(text: string): string {
  const cached = foldCache.get(text);
  if (cached !== undefined) return cached;
  let folded = fold(text).replace(/’/g, "'");
  if (CYRILLIC.test(folded) && !/^\p{Lu}+$/u.test(text)) folded = withoutRussianVowelEnding(folded);
  if (foldCache.size >= FOLD_CACHE_LIMIT) foldCache.clear();
  foldCache.set(text, folded);
  return folded;
}

// Russian names change their ending with their case ("Россия", "России", "Россией"; "Вьетнам",
// "Вьетнама", "Вьетнамом"): names and words are compared without their final vowels, and a word that
// still does not match is tried once more without a final "м" or "х" ("Вьетнамом" → "Вьетнамо").
function withoutRussianVowelEnding(word: string): string {
  const stem = word.replace(/[аеёиоуыэюяйь]+$/u, '');
  return stem.length >= 3 ? stem : word;
}

function russianCaseForm(word: string): string | null {
  return /[аеёиоуыэюя][мх]$/u.test(word) ? foldKey(word.slice(0, -1)) : null;
}

/** Forms the packages lack: full official names in our languages, common short forms, acronyms. */
const EXTRA_NAMES: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  en: {
    VN: ['Việt Nam', 'Socialist Republic of Việt Nam'],
    KP: ['D.P.R.K.'],
    KR: ['ROK', 'South Korean'],
    CN: ['PRC'],
    GB: ['Britain', 'U.K.'],
    US: ['U.S.', 'U.S.A.', 'US', 'USA'],
    NL: ['Holland'],
    LA: ['Lao PDR'],
    TL: ['East Timor'],
  },
  nb: {
    KP: ['Den demokratiske folkerepublikken Korea', 'Den demokratiske folkerepublikk Korea', 'Nord-Korea'],
    KR: ['Republikken Korea', 'Sør-Korea'],
  },
  sv: {
    KP: ['Demokratiska folkrepubliken Korea', 'Nordkorea'],
    KR: ['Republiken Korea', 'Sydkorea'],
  },
  de: {
    KP: ['Demokratische Volksrepublik Korea', 'Nordkorea'],
    KR: ['Republik Korea', 'Südkorea'],
  },
  fr: {
    KP: ['République populaire démocratique de Corée', 'Corée du Nord'],
    KR: ['République de Corée', 'Corée du Sud'],
    VN: ['Viêt Nam'],
  },
  es: {
    KP: ['República Popular Democrática de Corea', 'Corea del Norte'],
    KR: ['República de Corea', 'Corea del Sur'],
  },
  vi: {
    JP: ['Nhật Bản', 'Nhật'], KR: ['Hàn Quốc'], KP: ['Triều Tiên'], US: ['Hoa Kỳ', 'Mỹ'], CN: ['Trung Quốc'],
    LA: ['Lào'], KH: ['Campuchia'], TH: ['Thái Lan'], GB: ['Anh Quốc', 'Vương quốc Anh'], AU: ['Úc', 'Australia'],
    NL: ['Hà Lan'], ES: ['Tây Ban Nha'], PT: ['Bồ Đào Nha'], SE: ['Thụy Điển'], NO: ['Na Uy'], DK: ['Đan Mạch'],
    FI: ['Phần Lan'], CH: ['Thụy Sĩ'], PL: ['Ba Lan'], CZ: ['Séc'], TR: ['Thổ Nhĩ Kỳ'], IN: ['Ấn Độ'], EG: ['Ai Cập'],
    VN: ['Việt Nam'], SG: ['Singapore'], RU: ['Nga', 'Liên bang Nga'],
  },
  zh: { CF: ['中非共和国'], KR: ['韩国', '南韩'], US: ['美国'], CN: ['中国'], VN: ['越南'] },
  ja: {
    KR: ['韓国'], KP: ['北朝鮮'], US: ['米国', 'アメリカ'], CN: ['中国'], RU: ['ロシア'], LA: ['ラオス'],
    GB: ['英国', 'イギリス'], VN: ['ベトナム'], JP: ['日本'],
  },
  ko: { KR: ['한국', '대한민국'], KP: ['북한'], VN: ['베트남'], RU: ['러시아'], CN: ['중국'], LA: ['라오스'] },
  ru: {
    CN: ['Китай'], KP: ['КНДР', 'Северная Корея'], KR: ['Южная Корея', 'Республика Корея'], US: ['США'],
    LA: ['Лаос'], VN: ['Вьетнам', 'Социалистическая Республика Вьетнам'], RU: ['Россия'], GB: ['Великобритания'],
  },
};

// Folded keys that must never name a country: bare "Korea" could be either Korea, organisations and
// groupings are not countries, and a few names are everyday words in the languages we read.
const NEVER_COUNTRIES = new Set(
  [
    'Korea', 'Koreas', 'Corée', 'Corea', 'ASEAN', 'UN', 'FN', 'EU', 'United Nations', 'European Union',
    'Forente nasjoner', 'Förenta nationerna', 'Nations unies', 'Vereinte Nationen', 'Naciones Unidas',
    'BRICS', 'APEC', 'NATO', 'OPEC', 'WTO', 'G7', 'G20', 'Man', 'Mann',
    // "China–Africa" in Chinese; "means" and "arrogance" in Korean.
    '中非', '수단', '오만',
  ].map(foldKey),
);

// Place names that contain a country's name but are not that country: matching them whole (longest
// first) keeps "New Jersey" from counting as Jersey.
const NOT_A_COUNTRY = [
  'New Jersey', 'New Mexico', 'New Guinea', 'South China Sea', 'East China Sea', 'Korean Peninsula',
  // Regions of the Americas: "American" alone is of the United States, "Latin American markets" are not.
  'Latin America', 'Latin American', 'Latin Americans', 'North America', 'North American', 'North Americans',
  'South America', 'South American', 'South Americans', 'Central America', 'Central American', 'Central Americans',
  'Pan American', 'Mỹ Latinh',
  '朝鲜半岛', '印度洋', '中非合作', 'インド洋', '인도양', '인도적', '인도주의',
];

// world-countries' alternative spellings include native names that are ordinary English words.
const ENGLISH_WORD_SPELLINGS = new Set(['Island', 'Mann']);

// Languages that write common nouns in lower case, so a capitalised word is a name.
const CAPITALS_MARK_NAMES = new Set(['en', 'und', 'fr', 'es', 'pt', 'it', 'sv', 'nb', 'nn', 'da', 'nl', 'fi', 'pl']);

// Words of a currency: "U.S. dollars" names money, not the country.
const CURRENCY_WORDS = new Set(['dollar', 'dollars', 'yuan', 'yen', 'won', 'dong', 'baht', 'ringgit', 'rouble', 'roubles', 'ruble', 'rubles']);

interface NameEntry {
  /** "" for a place that is not a country. */
  code: string;
  /** Acronyms ("DPRK", "UAE") only count in exactly this case. */
  exactForm: string | null;
  /** The names as written, lower case: a word written with Vietnamese marks must match one of them. */
  spellings: Set<string>;
  /** True when the only names behind this key are demonyms ("Thai", "Lao"). */
  demonymOnly: boolean;
  /** The names as the text's own language writes them, lower case (English ones too for English text). */
  nativeSpellings: Set<string>;
  words: number;
}

interface Dictionary {
  names: Map<string, NameEntry>;
  /** Longest name, in words, that starts with a given folded word. */
  longestFrom: Map<string, number>;
  /** Every folded word of every name. */
  words: Set<string>;
  /** The first words of every name of two words or more ("the", "republic of"). */
  prefixes: Set<string>;
  /** Words as written → the longest name they can start (0: none), remembered as the text is read. */
  firstWords: Map<string, number>;
  /** Names in scripts without capitals or spaces, by their first character, longest first. */
  byFirstCharacter: Map<string, Array<{ name: string; code: string }>>;
}

// A dotted acronym ("U.S."), or a word with an optional genitive "'s" kept on it.
const TOKEN = /(?:\p{Lu}\.){2,}|[\p{L}\p{M}\p{N}]+(?:['’][sS](?![\p{L}\p{M}\p{N}]))?/gu;
// The same scripts by their main code point ranges: a quick test of a whole dispatch for any of them.
const UNCASED_RANGES = /[\u0E00-\u0E7F\u3040-\u30FF\u3400-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF]/;
const UNCASED_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]/u;

function tokenize(text: string): string[] {
  return Array.from(text.matchAll(TOKEN), (match) => match[0]);
}

function nameKey(name: string): string {
  return tokenize(name).map(foldKey).join(' ');
}

/** "nord-koreas" → "nord-korea", "vietnam's" → "vietnam": the forms a name takes at the end of a phrase. */
function withoutGenitive(folded: string): string | null {
  if (folded.length > 3 && folded.endsWith("'s")) return folded.slice(0, -2);
  if (folded.length > 3 && folded.endsWith('s') && !folded.includes("'")) return folded.slice(0, -1);
  return null;
}

function isAcronym(name: string): boolean {
  return !/\s/.test(name) && !/\p{Ll}/u.test(name) && (name.match(/\p{Lu}/gu) ?? []).length >= 2;
}

const ALPHA2_CODES = new Set(worldCountries.map((country) => country.cca2));
const INDEPENDENT = new Set(worldCountries.filter((country) => country.independent === true).map((c) => c.cca2));

// The one alpha-2 code English writes as the country's name ("talks with the US"). The others are
// words or initials of something else ("VN officials", "IT", "ID card"), and "UK" is no code.
const CODES_WRITTEN_AS_NAMES = new Set(['US']);

/** Whether a form can be used at all: never a bare alpha-2 code but "US", never a one-letter word or a two-letter Latin one. */
function usableName(name: string): boolean {
  if (isAcronym(name)) return !ALPHA2_CODES.has(name) || CODES_WRITTEN_AS_NAMES.has(name);
  const length = Array.from(name).length;
  return length >= 3 || (length === 2 && !/^[A-Za-z]+$/.test(name));
}

const TRANSLATION_KEYS: Readonly<Record<string, string>> = {
  de: 'deu', fr: 'fra', es: 'spa', sv: 'swe', it: 'ita', nl: 'nld', pt: 'por', ru: 'rus', pl: 'pol', fi: 'fin',
  zh: 'zho', ja: 'jpn', ko: 'kor', tr: 'tur', cs: 'ces', hu: 'hun',
};

/** ISO 639-1 (or BCP-47 primary) → i18n-iso-countries locales and world-countries translation key. */
function localeSources(language: string): { isoLocales: string[]; translationKey: string | null } {
  const supported = new Set(isoCountries.getSupportedLanguages());
  const isoLocales = [language, ...(language === 'nb' || language === 'nn' ? ['no'] : [])].filter((l) => supported.has(l));
  return { isoLocales, translationKey: TRANSLATION_KEYS[language] ?? null };
}

const registered = new Set<string>();

function isoNames(locale: string): Map<string, string[]> {
  if (!registered.has(locale)) {
    isoCountries.registerLocale(require(`i18n-iso-countries/langs/${locale}.json`) as IsoCountries.LocaleData);
    registered.add(locale);
  }
  return new Map(Object.entries(isoCountries.getNames(locale, { select: 'all' })));
}

interface NamePair {
  name: string;
  code: string;
  demonym: boolean;
  native: boolean;
}

/**
 * Every (name, code) pair for English plus the text's language. English demonyms ("Thai", "Lao") only
 * for English text: in Vietnamese, "Lao động" is labour.
 */
function namePairs(language: string): NamePair[] {
  const pairs: NamePair[] = [];
  const english = language === 'en' || language === 'und';
  let native = english;
  const add = (name: string, code: string, demonym = false): void => {
    pairs.push({ name, code, demonym, native });
  };
  for (const lang of english ? ['en'] : ['en', language]) {
    native = english || lang !== 'en';
    const { isoLocales, translationKey } = localeSources(lang);
    for (const locale of isoLocales) {
      for (const [code, names] of isoNames(locale)) for (const name of names) add(name, code);
    }
    for (const country of worldCountries) {
      if (lang === 'en') {
        add(country.name.common, country.cca2);
        add(country.name.official, country.cca2);
        for (const spelling of country.altSpellings) {
          if (!ENGLISH_WORD_SPELLINGS.has(spelling)) add(spelling, country.cca2);
        }
        const demonyms = country.demonyms.eng;
        if (english && demonyms !== undefined) {
          add(demonyms.m, country.cca2, true);
          add(demonyms.f, country.cca2, true);
        }
      } else if (translationKey !== null) {
        const translation = country.translations[translationKey];
        if (translation !== undefined) {
          add(translation.common, country.cca2);
          add(translation.official, country.cca2);
        }
      }
    }
    for (const [code, names] of Object.entries(EXTRA_NAMES[lang] ?? {})) {
      for (const name of names) add(name, code, lang === 'en' && name === 'South Korean');
    }
  }
  return pairs;
}

/**
 * The dictionary for one language. A name that points at more than one country is dropped ("Congo"),
 * unless only one of them is a sovereign state ("Indian": India, not the British Indian Ocean Territory).
 */
function buildDictionary(language: string): Dictionary {
  const byKey = new Map<string, { codes: Set<string>; spellings: Set<string>; demonymOnly: boolean; nativeSpellings: Set<string>; exact: string | null; words: number }>();
  const uncased: NamePair[] = [];
  for (const pair of namePairs(language)) {
    if (!usableName(pair.name)) continue;
    if (UNCASED_SCRIPT.test(pair.name)) {
      if (!NEVER_COUNTRIES.has(pair.name)) uncased.push(pair);
      continue;
    }
    const key = nameKey(pair.name);
    if (key === '' || NEVER_COUNTRIES.has(key)) continue;
    const entry = byKey.get(key) ?? { codes: new Set<string>(), spellings: new Set<string>(), demonymOnly: true, nativeSpellings: new Set<string>(), exact: null, words: key.split(' ').length };
    entry.codes.add(pair.code);
    entry.spellings.add(pair.name.toLowerCase().normalize('NFC'));
    entry.demonymOnly &&= pair.demonym;
    if (pair.native) entry.nativeSpellings.add(pair.name.toLowerCase().normalize('NFC'));
    if (isAcronym(pair.name)) entry.exact = pair.name;
    byKey.set(key, entry);
  }
  const names = new Map<string, NameEntry>();
  for (const [key, entry] of byKey) {
    const code = pickCountry(entry.codes);
    if (code !== null) names.set(key, { code, exactForm: entry.exact, spellings: entry.spellings, demonymOnly: entry.demonymOnly, nativeSpellings: entry.nativeSpellings, words: entry.words });
  }
  const byFirstCharacter = new Map<string, Array<{ name: string; code: string }>>();
  const uncasedCodes = groupCodes(uncased);
  for (const place of NOT_A_COUNTRY) {
    if (UNCASED_SCRIPT.test(place)) {
      // Only where the language writes names in such a script; English text never needs the scan.
      if (uncasedCodes.size > 0) uncasedCodes.set(place, '');
    } else {
      // Spelled as written, so that a place written with Vietnamese marks ("Mỹ Latinh") matches too.
      const spellings = new Set([place.toLowerCase().normalize('NFC')]);
      names.set(nameKey(place), { code: '', exactForm: null, spellings, demonymOnly: false, nativeSpellings: spellings, words: nameKey(place).split(' ').length });
    }
  }
  for (const [name, code] of uncasedCodes) {
    const first = Array.from(name)[0] ?? '';
    const list = byFirstCharacter.get(first) ?? [];
    list.push({ name, code });
    byFirstCharacter.set(first, list);
  }
  for (const list of byFirstCharacter.values()) list.sort((a, b) => b.name.length - a.name.length);
  const longestFrom = new Map<string, number>();
  for (const key of names.keys()) {
    const parts = key.split(' ');
    const first = parts[0] ?? '';
    longestFrom.set(first, Math.max(longestFrom.get(first) ?? 0, parts.length));
  }
  const words = new Set([...names.keys()].flatMap((key) => key.split(' ')));
  const prefixes = new Set(
    [...names.keys()].flatMap((key) => {
      const parts = key.split(' ');
      return parts.slice(1).map((_, index) => parts.slice(0, index + 1).join(' '));
    }),
  );
  return { names, longestFrom, words, prefixes, firstWords: new Map(), byFirstCharacter };
}

function groupCodes(pairs: readonly NamePair[]): Map<string, string> {
  const codes = new Map<string, Set<string>>();
  for (const { name, code } of pairs) codes.set(name, (codes.get(name) ?? new Set<string>()).add(code));
  const picked = new Map<string, string>();
  for (const [name, set] of codes) {
    const code = pickCountry(set);
    if (code !== null) picked.set(name, code);
  }
  return picked;
}

function pickCountry(codes: ReadonlySet<string>): string | null {
  if (codes.size === 1) return [...codes][0] ?? null;
  const sovereign = [...codes].filter((code) => INDEPENDENT.has(code));
  return sovereign.length === 1 ? (sovereign[0] ?? null) : null;
}

const dictionaries = new Map<string, Dictionary>();

function dictionaryFor(language: string): Dictionary {
  const primary = language.split('-')[0] ?? language;
  const cached = dictionaries.get(primary);
  if (cached !== undefined) return cached;
  const built = buildDictionary(primary);
  dictionaries.set(primary, built);
  return built;
}

/** True for a word of an English country name or demonym ("Vietnamese", "Korea", "New"). */
export function isCountryWord(word: string): boolean {
  return englishWords().has(foldKey(word.replace(/['’]s$/u, '')));
}

let englishWordSet: Set<string> | null = null;
function englishWords(): Set<string> {
  if (englishWordSet === null) {
    englishWordSet = new Set([...dictionaryFor('en').names].filter(([, entry]) => entry.code !== '').flatMap(([key]) => key.split(' ')));
  }
  return englishWordSet;
}

/**
 * How often each country is named in the texts, keyed by alpha-2 code. Names are matched in English
 * and in the dispatch's own language.
 */
export function countCountryMentions(texts: readonly string[], language: string): Map<string, number> {
  const dictionary = dictionaryFor(language);
  const primary = language.split('-')[0] ?? language;
  const counts = new Map<string, number>();
  const count = (code: string): void => {
    if (code !== '') counts.set(code, (counts.get(code) ?? 0) + 1);
  };
  for (const text of texts) {
    countCasedNames(text, dictionary, primary, count);
    if (dictionary.byFirstCharacter.size > 0 && UNCASED_RANGES.test(text)) countUncasedNames(text, dictionary, count);
  }
  return counts;
}

function countCasedNames(text: string, dictionary: Dictionary, language: string, count: (code: string) => void): void {
  let index = 0;
  while (index < text.length) {
    const start = nextNameStart(text, index);
    if (start === -1) break;
    const firstEnd = wordEnd(text, start);
    const firstWord = text.slice(start, firstEnd);
    // Most capitalised words start no name: one look-up, remembered per word, says so.
    if (longestNameFrom(firstWord, dictionary) === 0) {
      index = firstEnd;
      continue;
    }
    const match = longestMatchAt(text, start, firstWord, dictionary);
    if (match === null) {
      index = firstEnd;
      continue;
    }
    if (match.entry.code !== '' && isMention(text, start, match, language, dictionary)) count(match.entry.code);
    index = match.end;
  }
}

interface Match {
  entry: NameEntry;
  end: number;
  words: string[];
}

// Words are scanned by hand: on a dispatch of several thousand characters, a Unicode pattern that
// looks at every position costs more than all the rest of the matching.
const NON_ASCII_WORD_CHARACTER = /[\p{L}\p{M}\p{N}]/u;
const NON_ASCII_UPPER = /\p{Lu}/u;

function isWordCharacter(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return NON_ASCII_WORD_CHARACTER.test(text.charAt(index));
}

function isUpperAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (code < 128) return code >= 65 && code <= 90;
  return NON_ASCII_UPPER.test(text.charAt(index));
}

// Plain code point ranges that hold every capital of the Latin and Cyrillic alphabets (and some small
// letters, checked afterwards): the engine skips the stretches between them natively.
const MAYBE_CAPITAL = /[A-ZÀ-ÖØ-ÞĀ-ɏḀ-ỿЀ-Я]/g;

/** The next position at or after `from` where a capitalised word starts. */
function nextNameStart(text: string, from: number): number {
  MAYBE_CAPITAL.lastIndex = from;
  for (let found = MAYBE_CAPITAL.exec(text); found !== null; found = MAYBE_CAPITAL.exec(text)) {
    const index = found.index;
    if (isUpperAt(text, index) && (index === 0 || !isWordCharacter(text, index - 1))) return index;
  }
  return -1;
}

/** Where the word starting at `start` ends: a dotted acronym ("U.S."), or letters with an optional "'s". */
function wordEnd(text: string, start: number): number {
  let end = start;
  while (end + 1 < text.length && isUpperAt(text, end) && text.charAt(end + 1) === '.' && (end + 2 >= text.length || isUpperAt(text, end + 2) || !isWordCharacter(text, end + 2))) end += 2;
  if (end - start >= 4) return end;
  end = start;
  while (end < text.length && isWordCharacter(text, end)) end += 1;
  const apostrophe = text.charAt(end);
  if ((apostrophe === "'" || apostrophe === '’') && /[sS]/.test(text.charAt(end + 1)) && !isWordCharacter(text, end + 2)) end += 2;
  return end;
}

function longestNameFrom(word: string, dictionary: Dictionary): number {
  const known = dictionary.firstWords.get(word);
  if (known !== undefined) return known;
  const first = keyOf(word, dictionary);
  const longest = Math.max(dictionary.longestFrom.get(first) ?? 0, dictionary.longestFrom.get(withoutGenitive(first) ?? '') ?? 0);
  if (dictionary.firstWords.size >= FOLD_CACHE_LIMIT) dictionary.firstWords.clear();
  dictionary.firstWords.set(word, longest);
  return longest;
}

function longestMatchAt(text: string, at: number, firstWord: string, dictionary: Dictionary): Match | null {
  const longest = longestNameFrom(firstWord, dictionary);
  if (longest === 0) return null;
  const written = [firstWord];
  let key = keyOf(firstWord, dictionary);
  let end = at + firstWord.length;
  let best: Match | null = null;
  // Words are read one at a time, and only while they continue some name: "The" starts "The Gambia",
  // but "The two sides" stops at "two".
  for (;;) {
    best = entryFor(key, written, dictionary, end) ?? best;
    if (written.length >= longest || !dictionary.prefixes.has(key)) break;
    let position = end;
    while (position < text.length && !isWordCharacter(text, position)) position += 1;
    if (position >= text.length) break;
    end = wordEnd(text, position);
    const word = text.slice(position, end);
    written.push(word);
    key = `${key} ${keyOf(word, dictionary)}`;
  }
  return best;
}

function entryFor(key: string, written: readonly string[], dictionary: Dictionary, end: number): Match | null {
  const lastSpace = key.lastIndexOf(' ');
  const genitive = withoutGenitive(key.slice(lastSpace + 1));
  for (const candidate of [key, genitive === null ? null : key.slice(0, lastSpace + 1) + genitive]) {
    if (candidate === null) continue;
    const entry = dictionary.names.get(candidate);
    if (entry !== undefined && matchesExactForm(entry, written) && matchesMarks(entry, written)) return { entry, end, words: [...written] };
  }
  return null;
}

/** A word's key for the dictionary: folded, and for Russian the case form that a name has. */
function keyOf(word: string, dictionary: Dictionary): string {
  const folded = foldKey(word);
  if (dictionary.longestFrom.has(folded) || dictionary.words.has(folded)) return folded;
  return russianCaseForm(word) ?? folded;
}

function matchesExactForm(entry: NameEntry, written: readonly string[]): boolean {
  return entry.exactForm === null || written.join(' ').replace(/['’]s$/, '') === entry.exactForm;
}

// Marks Vietnamese writes on its letters; a word that carries one is a Vietnamese word.
const VIETNAMESE_MARKS = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹàáèéìíòóùúýãõĩũ]/iu;

/** "Thái" is not "Thai": a name written with Vietnamese marks matches only a name written with them. */
function matchesMarks(entry: NameEntry, written: readonly string[]): boolean {
  if (!written.some((word) => VIETNAMESE_MARKS.test(word))) return true;
  const spelled = written.join(' ').replace(/['’]s$/u, '').toLowerCase();
  return entry.spellings.has(spelled) || [...entry.spellings].some((spelling) => spelled.startsWith(spelling));
}

// A Vietnamese syllable as English text writes it without marks ("Binh", "Nguyen", "Cai", "Van"):
// onset, vowels, ending, in the shapes Vietnamese allows ("King" and "Prime" are not among them).
const VIETNAMESE_SYLLABLE =
  /^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?(?:uye|uya|ieu|yeu|uoi|oai|oay|uay|ai|ao|au|ay|eo|eu|ia|ie|iu|oa|oe|oi|ua|ue|ui|uo|uu|uy|ye|a|e|i|o|u|y)(?:ch|nh|ng|[cmnpt])?$/;

const vietnameseNameWords = new Map<string, boolean>();

function isVietnameseNameWord(word: string): boolean {
  const known = vietnameseNameWords.get(word);
  if (known !== undefined) return known;
  const answer = judgeVietnameseNameWord(word);
  if (vietnameseNameWords.size >= FOLD_CACHE_LIMIT) vietnameseNameWords.clear();
  vietnameseNameWords.set(word, answer);
  return answer;
}

function judgeVietnameseNameWord(word: string): boolean {
  if (!STARTS_UPPER.test(word) || STARTS_TWO_UPPER.test(word)) return false;
  if (VIETNAMESE_MARKS.test(word)) return true;
  const folded = fold(word);
  return folded.length <= 7 && VIETNAMESE_SYLLABLE.test(folded) && !/(?:ing|eng)$/.test(folded);
}

/**
 * Whether a match is a mention of the country, judged by its neighbours: a Vietnamese name syllable
 * right before it or right after a one-word name makes it part of a person's or place's name, and a
 * currency word after it makes it money.
 */
function startsName(word: string, dictionary: Dictionary): boolean {
  return dictionary.longestFrom.has(foldKey(word));
}

function isMention(text: string, at: number, match: Match, language: string, dictionary: Dictionary): boolean {
  // "US$18 billion", "U.S.$5 million": a currency's sign.
  if (text.charAt(match.end) === '$') return false;
  const nextWord = wordAfter(text, match.end);
  if (nextWord !== undefined && CURRENCY_WORDS.has(nextWord.toLowerCase())) return false;
  // German capitalises every noun: neighbours say nothing about names there.
  if (language === 'de') return true;
  const before = wordBefore(text, at);
  const previous = before?.word;
  // In a line set in capitals ("LET US KNOW"), "US" is as likely the pronoun.
  if (match.words.length === 1 && match.words[0] === 'US' && (isShouted(previous) || isShouted(nextWord))) return false;
  // "châu Mỹ", "châu Úc", "Châu Phi": after the word for continent, Vietnamese names a continent; after
  // a form of address ("Chị Nga", "Ông Đức"), a person.
  if (language === 'vi' && previous !== undefined && VIETNAMESE_BEFORE_NON_COUNTRY.has(previous.toLowerCase())) return false;
  // "Pháp luật" (law), "Mỹ phẩm" (cosmetics), "Nhật ký" (diary): the first syllable of a common word.
  if (language === 'vi' && match.words.length === 1 && nextWord !== undefined && VIETNAMESE_COMPOUNDS.get(match.words[0] ?? '')?.has(nextWord.toLowerCase()) === true) return false;
  // "Atlanta, Georgia", "the state of Georgia": the American state.
  if (match.entry.code === 'GE' && (/\p{Lu}[\p{L}.]*,\s*$/u.test(text.slice(Math.max(0, at - 30), at)) || /\bstate of\s*$/iu.test(text.slice(Math.max(0, at - 12), at)))) return false;
  if (previous !== undefined && before !== null && !before.startsSentence && STARTS_UPPER.test(previous)) {
    const nameBefore = language === 'vi' ? !STARTS_TWO_UPPER.test(previous) : isVietnameseNameWord(previous);
    if (nameBefore) return false;
  }
  const oneWord = match.words.length === 1;
  // "Salvador Allende", "Jordan Henderson", "Vietnam Airlines": a one-word name with a capitalised word
  // after it that is neither a title nor a country names something else. Only where capitals mark
  // names: Vietnamese and Russian put a leader's name right after the country.
  if (oneWord && nextWord !== undefined && CAPITALS_MARK_NAMES.has(language) && STARTS_CAPITALISED.test(nextWord) && !TITLE_WORDS.has(nextWord) && !startsName(nextWord, dictionary)) return false;
  // In Vietnamese text an English-only spelling that is also a Vietnamese syllable is a Vietnamese
  // word: "Bộ Lao động" is the Ministry of Labour, not Laos.
  const word = match.words[0] ?? '';
  if (language === 'vi' && oneWord && !match.entry.nativeSpellings.has(word.toLowerCase()) && isVietnameseNameWord(word)) return false;
  if (nextWord !== undefined && (oneWord || match.entry.demonymOnly) && isVietnameseNameWord(nextWord)) return false;
  return true;
}

function isShouted(word: string | undefined): boolean {
  return word !== undefined && word.length >= 2 && !/\p{Ll}/u.test(word) && /\p{Lu}/u.test(word);
}

const VIETNAMESE_BEFORE_NON_COUNTRY = new Set(['châu', 'ông', 'bà', 'chị', 'anh', 'cô', 'chú', 'bác', 'em', 'cụ', 'cháu']);
const VIETNAMESE_COMPOUNDS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['Pháp', new Set(['luật', 'lý', 'chế', 'nhân', 'quyền', 'lệnh', 'y', 'điển', 'định'])],
  ['Mỹ', new Set(['phẩm', 'thuật', 'nghệ', 'quan', 'mãn', 'nhân', 'vị'])],
  ['Nhật', new Set(['ký', 'trình'])],
  ['Thái', new Set(['độ', 'quá', 'tử'])],
]);

const WORD_CHARACTER = /[\p{L}\p{M}]/u;
const STARTS_UPPER = /^\p{Lu}/u;
const STARTS_TWO_UPPER = /^\p{Lu}{2,}/u;
const STARTS_CAPITALISED = /^\p{Lu}\p{Ll}/u;
const SPACE = /\s/u;

// The neighbours of a match are read character by character: ASCII is judged by its code, and only
// other characters by the Unicode patterns, which give the same answers for ASCII.
function isLetterOrMarkAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (code < 128) return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return WORD_CHARACTER.test(text.charAt(index));
}

function isSpaceAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return SPACE.test(text.charAt(index));
}

function isAsciiDigitAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return code >= 48 && code <= 57;
}

/** The word right after position `end` when only spaces come between. */
function wordAfter(text: string, end: number): string | undefined {
  let start = end;
  while (start < text.length && text.charCodeAt(start) === 32) start += 1;
  if (start === end) return undefined;
  let stop = start;
  while (stop < text.length && stop - start < 40 && isWordCharacter(text, stop) && !isAsciiDigitAt(text, stop)) stop += 1;
  return stop === start ? undefined : text.slice(start, stop);
}

/**
 * The word right before position `at` when only spaces separate them, and whether that word starts a
 * sentence. Read backwards character by character: a pattern anchored at the end would try every start.
 */
function wordBefore(text: string, at: number): { word: string; startsSentence: boolean } | null {
  let end = at;
  while (end > 0 && isSpaceAt(text, end - 1)) end -= 1;
  if (end === at || end === 0 || !isLetterOrMarkAt(text, end - 1)) return null;
  let start = end;
  while (start > 0 && end - start < 40 && isLetterOrMarkAt(text, start - 1)) start -= 1;
  let mark = start;
  while (mark > 0 && isSpaceAt(text, mark - 1)) mark -= 1;
  const startsSentence = mark === 0 || /[.!?:;"“”(]/u.test(text.charAt(mark - 1));
  return { word: text.slice(start, end), startsSentence };
}

// After a Korean name come its particles ("한국과", "베트남은", "한국의"); any other syllable makes a
// longer word ("인도적" is "humanitarian", not India).
const KOREAN_PARTICLE_START = /^(?:$|[^\p{Script=Hangul}]|[은는이가을를의에와과도로으측간만까서])/u;

function countUncasedNames(text: string, dictionary: Dictionary, count: (code: string) => void): void {
  let index = 0;
  while (index < text.length) {
    const candidates = dictionary.byFirstCharacter.get(text.charAt(index));
    const found = candidates?.find(({ name }) => text.startsWith(name, index) && fitsBetween(text, index, name));
    if (found === undefined) {
      index += 1;
      continue;
    }
    count(found.code);
    index += found.name.length;
  }
}

function fitsBetween(text: string, at: number, name: string): boolean {
  const before = text.charAt(at - 1);
  const after = text.charAt(at + name.length);
  if (/\p{Script=Katakana}/u.test(name)) return !/[\p{Script=Katakana}ー]/u.test(before) && !/[\p{Script=Katakana}ー]/u.test(after);
  if (/\p{Script=Hangul}/u.test(name)) return !/\p{Script=Hangul}/u.test(before) && KOREAN_PARTICLE_START.test(text.slice(at + name.length, at + name.length + 1));
  return true;
}

/** The countries a dispatch names, sorted, and the one it is mostly about besides Việt Nam. */
export function findCountries(
  texts: readonly string[],
  language: string,
): { countries: string[]; counterpart: string | null } {
  const counts = countCountryMentions(texts, language);
  const countries = [...counts.keys()].sort();
  const others = [...counts].filter(([code]) => code !== 'VN').sort((a, b) => b[1] - a[1]);
  const [top, second] = others;
  const counterpart = top !== undefined && (second === undefined || second[1] < top[1]) ? top[0] : null;
  return { countries, counterpart };
}

/** The English common name of a country ("Vietnam", "North Korea", "Russia"), for the bundle. */
export function countryName(code: string): string {
  const country = worldCountries.find((candidate) => candidate.cca2 === code);
  if (country !== undefined) return country.name.common;
  return isoNames('en').get(code)?.[0] ?? code;
}

export interface CountryNameSpan {
  /** Character offsets in the text, end exclusive. */
  start: number;
  end: number;
  /** Alpha-2 code; "" for a place whose name holds a country's ("South China Sea"). */
  code: string;
}

// Languages whose nouns change their endings with case ("Polski", "Polsce"; "Suomen"): there a
// single-word name also matches with up to two letters changed at its end. Russian names are matched
// by their case forms already.
const INFLECTING_LANGUAGES = new Set(['uk', 'be', 'bg', 'sr', 'mk', 'pl', 'cs', 'sk', 'sl', 'hr', 'bs', 'lt', 'lv', 'fi', 'hu', 'et']);
const MIN_STEM = 4;

const stemsByLanguage = new Map<string, Map<string, string>>();

/** Single-word names without their last letter → code, for the inflecting languages. */
function nameStems(language: string, dictionary: Dictionary): Map<string, string> {
  const cached = stemsByLanguage.get(language);
  if (cached !== undefined) return cached;
  const stems = new Map<string, string>();
  for (const [key, entry] of dictionary.names) {
    if (key.includes(' ') || entry.exactForm !== null || entry.code === '') continue;
    const stem = key.slice(0, -1);
    if (stem.length >= MIN_STEM && !stems.has(stem)) stems.set(stem, entry.code);
  }
  stemsByLanguage.set(language, stems);
  return stems;
}

function inflectedCountry(word: string, stems: ReadonlyMap<string, string>): string | null {
  const folded = foldKey(word);
  for (let cut = 0; cut <= 2; cut += 1) {
    const prefix = cut === 0 ? folded : folded.slice(0, -cut);
    if (prefix.length < MIN_STEM) break;
    const code = stems.get(prefix);
    if (code !== undefined) return code;
  }
  return null;
}

/**
 * Where a text names countries, demonyms included, as character ranges: for readers of the text that
 * must tell people and organisations from places. The same dictionary as the country tags, but every
 * written country word counts, even inside a name ("Chile's Salvador Allende" marks "Chile's"): a reader
 * of names needs to know the word is a country's.
 */
export function countryNameSpans(text: string, language: string): CountryNameSpan[] {
  const primary = language.split('-')[0] ?? language;
  const dictionary = dictionaryFor(primary);
  const stems = INFLECTING_LANGUAGES.has(primary) ? nameStems(primary, dictionary) : null;
  const spans: CountryNameSpan[] = [];
  let index = 0;
  while (index < text.length) {
    const start = nextNameStart(text, index);
    if (start === -1) break;
    const firstEnd = wordEnd(text, start);
    const firstWord = text.slice(start, firstEnd);
    const match = longestNameFrom(firstWord, dictionary) === 0 ? null : longestMatchAt(text, start, firstWord, dictionary);
    if (match !== null) {
      spans.push({ start, end: match.end, code: match.entry.code });
      index = match.end;
      continue;
    }
    const inflected = stems === null ? null : inflectedCountry(firstWord, stems);
    if (inflected !== null) spans.push({ start, end: firstEnd, code: inflected });
    index = firstEnd;
  }
  return spans;
}

let capitalKeys: ReadonlySet<string> | null = null;

/** "Hà Nội", "Hanoi", "Phnom Penh": a capital city is a place, not a person or an organisation. */
export function isCapitalCity(phrase: string): boolean {
  const squeeze = (name: string): string => foldKey(name).replace(/[^\p{L}\p{N}]+/gu, '');
  capitalKeys ??= new Set(worldCountries.flatMap((country) => country.capital.map(squeeze)));
  return capitalKeys.has(squeeze(phrase));
}
