/**
 * What a dispatch is tagged with, as text search can find: the common names of its countries in the
 * languages readers search in, their acronyms ("DPRK", "ROK"), its dateline and its agency. A reader
 * who types "north korea", "Triều Tiên", "Nord-Korea" or "DPRK" finds the same dispatches, whatever
 * language they are written in. Build time only: no table ships to the browser.
 */
import { createRequire } from 'node:module';
import type * as IsoCountries from 'i18n-iso-countries';
import type { Country } from 'world-countries';
import type { ListEntry } from '../core/site-data.ts';

const require = createRequire(import.meta.url);
const isoCountries = require('i18n-iso-countries/index.js') as typeof IsoCountries;
const worldCountries = require('world-countries') as Country[];

/** Languages readers are likely to search in: the archive's and the region's. */
const SEARCH_LANGUAGES = ['en', 'vi', 'fr', 'de', 'es', 'sv', 'nb', 'ru', 'zh', 'ja', 'ko', 'th', 'id', 'pt'];
for (const language of SEARCH_LANGUAGES) {
  isoCountries.registerLocale(require(`i18n-iso-countries/langs/${language}.json`) as IsoCountries.LocaleData);
}

/** Common forms the tables lack. Official long names are left out: "people" or "republic" would find half the archive. */
const EXTRA_ALIASES: Readonly<Record<string, readonly string[]>> = {
  KP: ['Bắc Triều Tiên', 'Nordkorea', 'Corée du Nord', 'Corea del Norte'],
  KR: ['Hàn Quốc', 'Nam Triều Tiên', 'Sydkorea', 'Südkorea', 'Corée du Sud', 'Corea del Sur'],
  VN: ['Viet Nam', 'Việt Nam'],
  US: ['Hoa Kỳ', 'Mỹ', 'USA', 'U.S.'],
  GB: ['Britain', 'UK'],
  CN: ['Trung Quốc', 'PRC'],
  LA: ['Lào', 'Lao PDR'],
};

const cache = new Map<string, string>();

/** The names a country is searched by, one per line. */
export function countryAliases(code: string): string {
  const known = cache.get(code);
  if (known !== undefined) return known;
  const names = new Set<string>(EXTRA_ALIASES[code] ?? []);
  for (const language of SEARCH_LANGUAGES) {
    for (const name of isoCountries.getName(code, language, { select: 'all' }) ?? []) {
      // "КНДР (Корейская Народно-Демократическая Республика)": the short form before the gloss.
      names.add(name.replace(/\s*\(.*\)$/u, ''));
    }
  }
  const country = worldCountries.find((candidate) => candidate.cca2 === code);
  if (country !== undefined) {
    names.add(country.name.common);
    // Acronyms only ("DPRK", "UAE"); the two-letter code itself is too often an ordinary word.
    for (const spelling of country.altSpellings) if (/^\p{Lu}{3,5}$/u.test(spelling)) names.add(spelling);
  }
  const text = [...names].join('\n');
  cache.set(code, text);
  return text;
}

/** The tags field of a dispatch's search document. */
export function searchTags(entry: ListEntry): string {
  return [...entry.countries.map(countryAliases), entry.dateline ?? '', entry.agency ?? ''].join('\n');
}
