/**
 * Which countries a dispatch names. Names come from two data packages (i18n-iso-countries: names in
 * many languages; world-countries: alternative spellings and English demonyms) plus a small table of
 * forms both lack. Matching works on folded token sequences, longest name first, and only on words
 * written with a capital letter, so "china" the crockery or "man" the pronoun never count.
 */
import { createRequire } from 'node:module';
import type * as IsoCountries from 'i18n-iso-countries';
import type { Country } from 'world-countries';
import { fold } from '../core/fold.ts';

// Both packages are CommonJS with JSON inside; require keeps them out of ESM's JSON-import rules and
// loads only the locales a dispatch needs.
const require = createRequire(import.meta.url);
const isoCountries = require('i18n-iso-countries/index.js') as typeof IsoCountries;
const worldCountries = require('world-countries') as Country[];

/** Forms the packages lack: full official names in our languages, common short forms, acronyms. */
const EXTRA_NAMES: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  en: {
    VN: ['Việt Nam', 'Socialist Republic of Việt Nam'],
    KP: ['D.P.R.K.'],
    KR: ['ROK', 'South Korean'],
    CN: ['PRC'],
    GB: ['Britain', 'U.K.'],
    US: ['U.S.', 'U.S.A.'],
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
};

// Folded keys that must never name a country: bare "Korea" could be either Korea, organisations are not
// countries, and a few names are everyday words in the languages we read.
const NEVER_COUNTRIES = new Set(
  [
    'Korea', 'Koreas', 'Corée', 'Corea', 'ASEAN', 'UN', 'FN', 'EU', 'United Nations', 'European Union',
    'Forente nasjoner', 'Förenta nationerna', 'Nations unies', 'Vereinte Nationen', 'Naciones Unidas',
    'Man', 'Mann',
  ].map(foldKey),
);

// Place names that contain a country's name but are not that country: matching them whole (longest
// first) keeps "New Jersey" from counting as Jersey.
const NOT_A_COUNTRY = ['New Jersey', 'New Mexico', 'New Guinea', 'South China Sea', 'East China Sea'];

// world-countries' alternative spellings include native names that are ordinary English words.
const ENGLISH_WORD_SPELLINGS = new Set(['Island', 'Mann']);

interface NameEntry {
  /** "" for a place that is not a country. */
  code: string;
  /** Acronyms ("DPRK", "UAE") only count in exactly this case. */
  exactForm: string | null;
}

interface Dictionary {
  names: Map<string, NameEntry>;
  /** Longest name, in tokens, that starts with a given folded token. */
  longestFrom: Map<string, number>;
}

export interface Token {
  original: string;
  folded: string;
}

// A dotted acronym ("U.S."), or a word with an optional genitive "'s" kept on it.
const TOKEN = /(?:\p{Lu}\.){2,}|[\p{L}\p{M}\p{N}]+(?:['’][sS](?![\p{L}\p{M}\p{N}]))?/gu;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(TOKEN)) {
    tokens.push({ original: match[0], folded: foldKey(match[0]) });
  }
  return tokens;
}

function foldKey(text: string): string {
  return fold(text).replace(/’/g, "'");
}

function nameKey(name: string): string {
  return tokenize(name)
    .map((token) => token.folded)
    .join(' ');
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

/** Whether a form can be used at all: never a bare alpha-2 code, never a one- or two-letter word. */
function usableName(name: string): boolean {
  if (isAcronym(name)) return !ALPHA2_CODES.has(name);
  return Array.from(name).length >= 3;
}

/** ISO 639-1 (or BCP-47 primary) → i18n-iso-countries locales and world-countries translation key. */
function localeSources(language: string): { isoLocales: string[]; translationKey: string | null } {
  const primary = language.split('-')[0] ?? language;
  const supported = new Set(isoCountries.getSupportedLanguages());
  const isoLocales = [primary, ...(primary === 'nb' || primary === 'nn' ? ['no'] : [])].filter((l) => supported.has(l));
  const translationKeys: Readonly<Record<string, string>> = { de: 'deu', fr: 'fra', es: 'spa', sv: 'swe', it: 'ita', nl: 'nld', pt: 'por', ru: 'rus', pl: 'pol', fi: 'fin' };
  return { isoLocales, translationKey: translationKeys[primary] ?? null };
}

const registered = new Set<string>();

function isoNames(locale: string): Map<string, string[]> {
  if (!registered.has(locale)) {
    isoCountries.registerLocale(require(`i18n-iso-countries/langs/${locale}.json`) as IsoCountries.LocaleData);
    registered.add(locale);
  }
  const names = isoCountries.getNames(locale, { select: 'all' });
  return new Map(Object.entries(names));
}

/** Every (name, code) pair for English plus one other language. */
function namePairs(language: string): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  const languages = language === 'en' || language === 'und' ? ['en'] : ['en', language];
  for (const lang of languages) {
    const { isoLocales, translationKey } = localeSources(lang);
    for (const locale of isoLocales) {
      for (const [code, names] of isoNames(locale)) for (const name of names) pairs.push([name, code]);
    }
    for (const country of worldCountries) {
      if (lang === 'en') {
        pairs.push([country.name.common, country.cca2], [country.name.official, country.cca2]);
        for (const spelling of country.altSpellings) {
          if (!ENGLISH_WORD_SPELLINGS.has(spelling)) pairs.push([spelling, country.cca2]);
        }
        const demonyms = country.demonyms.eng;
        if (demonyms !== undefined) pairs.push([demonyms.m, country.cca2], [demonyms.f, country.cca2]);
      } else if (translationKey !== null) {
        const translation = country.translations[translationKey];
        if (translation !== undefined) pairs.push([translation.common, country.cca2], [translation.official, country.cca2]);
      }
    }
    for (const [code, names] of Object.entries(EXTRA_NAMES[lang] ?? {})) {
      for (const name of names) pairs.push([name, code]);
    }
  }
  return pairs;
}

/**
 * The dictionary for one language. A name that points at more than one country is dropped ("Congo"),
 * unless only one of them is a sovereign state ("Indian": India, not the British Indian Ocean Territory).
 */
function buildDictionary(language: string): Dictionary {
  const codesByKey = new Map<string, Set<string>>();
  const exactForms = new Map<string, string>();
  for (const [name, code] of namePairs(language)) {
    if (!usableName(name)) continue;
    const key = nameKey(name);
    if (key === '' || NEVER_COUNTRIES.has(key)) continue;
    const codes = codesByKey.get(key) ?? new Set<string>();
    codes.add(code);
    codesByKey.set(key, codes);
    if (isAcronym(name)) exactForms.set(key, name);
  }
  const names = new Map<string, NameEntry>();
  for (const [key, codes] of codesByKey) {
    const code = pickCountry(codes);
    if (code !== null) names.set(key, { code, exactForm: exactForms.get(key) ?? null });
  }
  for (const place of NOT_A_COUNTRY) names.set(nameKey(place), { code: '', exactForm: null });
  const longestFrom = new Map<string, number>();
  for (const key of names.keys()) {
    const parts = key.split(' ');
    const first = parts[0] ?? '';
    longestFrom.set(first, Math.max(longestFrom.get(first) ?? 0, parts.length));
  }
  return { names, longestFrom };
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

/**
 * How often each country is named in the texts, keyed by alpha-2 code. Names are matched in English
 * and in the dispatch's own language.
 */
export function countCountryMentions(texts: readonly string[], language: string): Map<string, number> {
  const dictionary = dictionaryFor(language);
  const counts = new Map<string, number>();
  for (const text of texts) {
    const tokens = tokenize(text);
    let index = 0;
    while (index < tokens.length) {
      const match = longestMatchAt(tokens, index, dictionary);
      if (match === null) {
        index += 1;
        continue;
      }
      if (match.code !== '') counts.set(match.code, (counts.get(match.code) ?? 0) + 1);
      index += match.length;
    }
  }
  return counts;
}

function longestMatchAt(tokens: readonly Token[], start: number, dictionary: Dictionary): { code: string; length: number } | null {
  const first = tokens[start];
  if (first === undefined || !/^\p{Lu}/u.test(first.original)) return null;
  const longest = Math.max(
    dictionary.longestFrom.get(first.folded) ?? 0,
    dictionary.longestFrom.get(withoutGenitive(first.folded) ?? '') ?? 0,
  );
  for (let length = Math.min(longest, tokens.length - start); length >= 1; length -= 1) {
    const slice = tokens.slice(start, start + length);
    const last = slice[slice.length - 1];
    if (last === undefined) continue;
    const head = slice.slice(0, -1).map((token) => token.folded);
    for (const lastForm of [last.folded, withoutGenitive(last.folded)]) {
      if (lastForm === null) continue;
      const entry = dictionary.names.get([...head, lastForm].join(' '));
      if (entry !== undefined && matchesExactForm(entry, slice)) return { code: entry.code, length };
    }
  }
  return null;
}

function matchesExactForm(entry: NameEntry, slice: readonly Token[]): boolean {
  if (entry.exactForm === null) return true;
  const written = slice.map((token) => token.original).join(' ').replace(/['’]s$/, '');
  return written === entry.exactForm;
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

// Languages whose nouns change their endings with case ("России", "Вьетнама", "Polski"): there a
// single-word name also matches with up to two letters changed at its end.
const INFLECTING_LANGUAGES = new Set(['ru', 'uk', 'be', 'bg', 'sr', 'mk', 'pl', 'cs', 'sk', 'sl', 'hr', 'bs', 'lt', 'lv', 'fi', 'hu', 'et']);
const MIN_STEM = 4;

const stemsByLanguage = new Map<string, Map<string, string>>();

/** Single-word names without their last letter → code, for the inflecting languages. */
function nameStems(language: string): Map<string, string> {
  const cached = stemsByLanguage.get(language);
  if (cached !== undefined) return cached;
  const stems = new Map<string, string>();
  for (const [key, entry] of dictionaryFor(language).names) {
    if (key.includes(' ') || entry.exactForm !== null || entry.code === '') continue;
    const stem = key.slice(0, -1);
    if (stem.length >= MIN_STEM && !stems.has(stem)) stems.set(stem, entry.code);
  }
  stemsByLanguage.set(language, stems);
  return stems;
}

function inflectedCountry(token: Token, language: string): string | null {
  if (!/^\p{Lu}/u.test(token.original)) return null;
  const stems = nameStems(language);
  for (let cut = 0; cut <= 2; cut += 1) {
    const prefix = cut === 0 ? token.folded : token.folded.slice(0, -cut);
    if (prefix.length < MIN_STEM) break;
    const code = stems.get(prefix);
    if (code !== undefined) return code;
  }
  return null;
}

/**
 * Where a text names countries, demonyms included, as character ranges: for readers of the text that
 * must tell people and organisations from places. Same dictionary and rules as the country tags.
 */
export function countryNameSpans(text: string, language: string): CountryNameSpan[] {
  const primary = language.split('-')[0] ?? language;
  const dictionary = dictionaryFor(primary);
  const inflecting = INFLECTING_LANGUAGES.has(primary);
  const tokens: Array<Token & { index: number }> = [];
  for (const match of text.matchAll(TOKEN)) tokens.push({ original: match[0], folded: foldKey(match[0]), index: match.index });
  const spans: CountryNameSpan[] = [];
  let index = 0;
  while (index < tokens.length) {
    const token = tokens[index];
    if (token === undefined) break;
    const match = longestMatchAt(tokens, index, dictionary);
    const length = match?.length ?? 1;
    const code = match?.code ?? (inflecting ? inflectedCountry(token, primary) : null);
    const last = tokens[index + length - 1];
    if (code !== null && last !== undefined) {
      spans.push({ start: token.index, end: last.index + last.original.length, code });
    }
    index += length;
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
