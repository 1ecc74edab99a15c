/**
 * The marks wire agencies put at the start of a lede: where the story was filed, who filed it and
 * sometimes the day. "VIENTIANE, May 5 (Xinhua) --", "Hà Nội (VNA) –", "MOSCOW, October 7. /TASS/.",
 * "HANOI (Vietnam News/ANN):", "HÀ NỘI —", "NDO –", "(VOVWORLD) -", "Ханой (ВИА) –",
 * "越通社河内3月27日电——", "【ハノイ共同】", "(서울=연합뉴스) 김수연 기자 =". Only the first characters of a
 * line are looked at, so a megabyte-long lede costs nothing extra.
 */
import { isCapitalCity, isCountryWord } from './countries.ts';
import { cityAsWritten } from './dateline.ts';
import { readMonthDay } from './date-text.ts';

export interface LedeMarker {
  /** The marker as written, without the lede that follows it. */
  text: string;
  dateline: string | null;
  agency: string | null;
  /** A month and day the marker prints ("May 5"); a year must come from elsewhere. */
  monthDay: { month: number; day: number } | null;
  /** The year, when the marker prints one too ("ULAANBAATAR, November 30, 2026 (Montsame) --"). */
  year?: number;
  /** The lede without its marker. */
  rest: string;
  /** Which form it was, for the provenance. */
  form: string;
}

const WINDOW = 200;

// A place as a wire writes it: capitalised words, small words inside ("La Habana", "Rio de Janeiro").
const PLACE = String.raw`\p{Lu}[\p{L}\p{M}'’.-]*(?:\s+[\p{L}\p{M}'’.-]+){0,3}?`;
// "May 5", "Aug. 11", "October 7.", "7 октября.", "2 sep", "Sept 3", "23 oct".
const MONTH_DAY = String.raw`(?:\p{L}{3,10}\.?\s+\d{1,2}\.?|\d{1,2}\.?\s+(?:de\s+)?\p{L}{3,10}\.?)`;
const SEPARATOR = String.raw`(?:--|\.-|\.–|[-–—_:])`;

const VOV = /^\(\s*VOV\s*(world)?\s*\)\s*[-–—:]?\s*/iu;
const KOREAN = /^[([【](?<city>[^=()[\]【】]{1,15})=(?<agency>[^()[\]【】]{1,15})[)\]】]\s*(?:(?<author>\p{Script=Hangul}{2,4})\s*(?:기자|특파원)\s*=\s*)?/u;
const JAPANESE = /^【(?<inner>[^】]{2,14})】\s*/u;
const CHINESE =
  /^(?<agency>\p{Script=Han}{1,4}(?:社|网|報|报|台))(?<city>\p{Script=Han}{1,8}?)(?<date>\d{1,2}月\d{1,2}日)电\s*(?:[（(](?:记者)?\s*(?<author>[^）)]{1,20})[）)])?\s*(?:——|—|－|-|：|:)?\s*/u;
// "（中央社記者陳家倫河內30日專電）", "（中央社台北30日電）": Taiwan's Central News Agency, in brackets.
const TAIWANESE = /^[（(](?<agency>中央社)(?<rest>\p{Script=Han}{0,12}?)\d{1,2}日(?:專電|電|电)[）)]\s*/u;
const TAIWANESE_CITIES = ['河內', '河内', '胡志明市', '峴港', '台北', '臺北', '東京', '北京', '曼谷', '永珍', '金邊', '雅加達', '新加坡', '馬尼拉', '吉隆坡', '首爾', '華盛頓', '莫斯科', '巴黎', '柏林', '倫敦', '布魯塞爾'];
// "HANOI, Vietnam (AP) —": the country after the city is part of the dateline's place, not a date.
const REGION = String.raw`\p{Lu}[\p{L}\p{M}.]+(?:\s\p{Lu}[\p{L}\p{M}.]+)?`;
const WIRE = new RegExp(
  String.raw`^(?:(?<city>${PLACE})(?:,?\s*(?<date>${MONTH_DAY})(?:,?\s*(?<year>(?:19|20)\d{2}))?|,\s*${REGION})?\s*)?(?:\((?<agency>[^()]{1,40})\)|\/(?<slashed>[^/\s][^/]{0,20})\/)\.?\s*(?<separator>${SEPARATOR})?\s*`,
  'u',
);
const AGENCY_AFTER_DASH = new RegExp(
  String.raw`^(?<city>[\p{Lu}][\p{Lu}\p{M}'’.-]*(?:\s+[\p{Lu}][\p{Lu}\p{M}'’.-]*){0,3}),\s*(?<date>${MONTH_DAY})\s*[–—-]\s*(?<agency>\p{Lu}[\p{L}]+(?:\s\p{Lu}?[\p{L}]+)?)\.\s+`,
  'u',
);
// "HANOI, Nov. 30 Kyodo - ": Kyodo's English wire names itself after the day, without brackets.
const AGENCY_AFTER_DATE = new RegExp(
  String.raw`^(?<city>[\p{Lu}][\p{Lu}\p{M}'’.-]*(?:\s+[\p{Lu}][\p{Lu}\p{M}'’.-]*){0,3}),\s*(?<date>${MONTH_DAY})\s+(?<agency>\p{Lu}\p{Ll}+)\s+(?:--|[–—-])\s+`,
  'u',
);
// Places written as acronyms ("HCMC –"): a dateline, not an outlet's mark.
const PLACE_ACRONYMS = new Set(['HCMC', 'TPHCM', 'TP.HCM', 'NYC']);
const SHOUTED = /^(?<word>[\p{Lu}\p{M}][\p{Lu}\p{M}.'’+\d-]*(?:\s+[\p{Lu}\p{M}][\p{Lu}\p{M}.'’-]*){0,4})(?:,?\s+(?<date>\p{L}{3,10}\.?\s+\d{1,2}|\d{1,2}\s+\p{L}{3,10}\.?))?\s*(?<separator>--|[–—_-]|\.(?=\s))\s+/u;
// "(KPL) Vientiane, June 12 –", "(ANSA) - ROME, NOV 30 -": the agency first, then the place and the day.
const AGENCY_FIRST = new RegExp(
  String.raw`^\((?<agency>\p{Lu}[\p{Lu}/]{1,10})\)\s+(?:[–—-]\s+)?(?<city>${PLACE}),?\s*(?<date>${MONTH_DAY})?\s*(?:--|[–—:-])\s*`,
  'u',
);
// "Phnom Penh – Cambodia and …": a place in ordinary case, then a spaced dash. Never a country's name,
// which would be a compound such as "Vietnam – China trade".
const PLACE_AND_DASH = /^(?<city>\p{Lu}\p{Ll}+(?:\s\p{Lu}\p{Ll}+){0,2})\s[–—]\s(?=[\p{Lu}"“])/u;
const THAI = /^(?<city>\p{Script=Thai}+ฯ?)\s+(?<date>\d{1,2}\s*\p{Script=Thai}{1,3}\.\p{Script=Thai}{1,2}\.)\s*(?:\d{2,4})?\s*[-–—]\s*/u;

/** The marker at the start of a lede, or null when the lede starts with its first word. */
export function readLedeMarker(line: string): LedeMarker | null {
  const head = line.slice(0, WINDOW);
  return (
    readVov(line, head) ??
    readKorean(line, head) ??
    readJapanese(line, head) ??
    readChinese(line, head) ??
    readTaiwanese(line, head) ??
    readAgencyAfterDash(line, head) ??
    readAgencyAfterDate(line, head) ??
    readAgencyFirst(line, head) ??
    readWireMarker(line, head) ??
    readShouted(line, head) ??
    readPlaceAndDash(line, head) ??
    readThai(line, head)
  );
}

function marker(line: string, length: number, fields: Omit<LedeMarker, 'text' | 'rest'>): LedeMarker | null {
  const rest = line.slice(length).trimStart();
  // A marker with nothing after it is a line of its own, not the start of a lede.
  if (!/[\p{L}\p{N}]/u.test(rest.slice(0, 40))) return null;
  return { ...fields, text: line.slice(0, length).trim(), rest };
}

function readVov(line: string, head: string): LedeMarker | null {
  const match = VOV.exec(head);
  if (match === null) return null;
  const agency = match[1] === undefined ? 'VOV' : 'VOV World';
  return marker(line, match[0].length, { dateline: null, agency, monthDay: null, form: `VOV marker "${match[0].trim()}"` });
}

function readKorean(line: string, head: string): LedeMarker | null {
  const match = KOREAN.exec(head);
  const groups = match?.groups;
  // "【ハノイ=佐藤健】" has the same shape: a Japanese paper's place and correspondent.
  if (match === null || groups?.city === undefined || groups.agency === undefined || !/\p{Script=Hangul}/u.test(match[0])) return null;
  return marker(line, match[0].length, { dateline: groups.city.trim(), agency: groups.agency.trim(), monthDay: null, form: `Korean wire marker "${match[0].trim()}"` });
}

function readJapanese(line: string, head: string): LedeMarker | null {
  const match = JAPANESE.exec(head);
  const inner = match?.groups?.inner;
  if (match === null || inner === undefined) return null;
  // "【ハノイ=佐藤健】": a paper's own correspondent, the place before the sign and the writer after it.
  const correspondent = /^(?<city>[^=＝]{1,8})[=＝][^=＝]{1,8}$/u.exec(inner)?.groups?.city;
  if (correspondent !== undefined) return marker(line, match[0].length, { dateline: correspondent, agency: null, monthDay: null, form: `Japanese dateline "${match[0].trim()}"` });
  // "ハノイ共同": the place, then the agency; where the script changes from kana to kanji, or the
  // agency's two characters at the end.
  const split = /^(?<city>[\p{Script=Katakana}ー・]+|\p{Script=Han}{2,}?)(?<agency>共同|時事|\p{Script=Han}{2,4})$/u.exec(inner)?.groups;
  const city = split?.city ?? null;
  const agency = split?.agency ?? inner;
  return marker(line, match[0].length, { dateline: city, agency, monthDay: null, form: `Japanese wire marker "${match[0].trim()}"` });
}

function readTaiwanese(line: string, head: string): LedeMarker | null {
  const match = TAIWANESE.exec(head);
  const groups = match?.groups;
  if (match === null || groups?.agency === undefined || groups.rest === undefined) return null;
  // The reporter's name and the place run together ("記者陳家倫河內"): the place is read only when it is
  // one the archive's stories are filed from, and never guessed at.
  const city = TAIWANESE_CITIES.find((name) => groups.rest?.endsWith(name)) ?? null;
  return marker(line, match[0].length, { dateline: city, agency: groups.agency, monthDay: null, form: `Taiwanese wire marker "${match[0].trim()}"` });
}

function readChinese(line: string, head: string): LedeMarker | null {
  const match = CHINESE.exec(head);
  const groups = match?.groups;
  if (match === null || groups?.agency === undefined || groups.city === undefined) return null;
  return marker(line, match[0].length, {
    dateline: groups.city,
    agency: groups.agency,
    monthDay: readMonthDay(groups.date ?? ''),
    form: `Chinese wire marker "${match[0].trim()}"`,
  });
}

function readAgencyAfterDash(line: string, head: string): LedeMarker | null {
  const match = AGENCY_AFTER_DASH.exec(head);
  const groups = match?.groups;
  if (match === null || groups?.city === undefined || groups.agency === undefined) return null;
  return marker(line, match[0].length, {
    dateline: cityAsWritten(groups.city),
    agency: groups.agency,
    monthDay: readMonthDay(groups.date ?? ''),
    form: `wire marker "${match[0].trim()}"`,
  });
}

function readAgencyAfterDate(line: string, head: string): LedeMarker | null {
  const match = AGENCY_AFTER_DATE.exec(head);
  const groups = match?.groups;
  // "HANOI, May 5 Vietnamese officials -" is not a marker: a country word is never the agency.
  if (match === null || groups?.city === undefined || groups.agency === undefined || isCountryWord(groups.agency)) return null;
  return marker(line, match[0].length, {
    dateline: cityAsWritten(groups.city),
    agency: groups.agency,
    monthDay: readMonthDay(groups.date ?? ''),
    form: `wire marker "${match[0].trim()}"`,
  });
}

function readWireMarker(line: string, head: string): LedeMarker | null {
  const match = WIRE.exec(head);
  const groups = match?.groups;
  if (match === null || groups === undefined) return null;
  const agency = (groups.agency ?? groups.slashed ?? '').trim();
  // "(Dân trí) -": alone at the start of the lede and followed by a dash, a bracketed name is the
  // outlet's even with a small letter in it, as Vietnamese names of papers are written.
  const bareOutlet = groups.city === undefined && groups.separator !== undefined && /^\p{Lu}[\p{L}\p{M}.+]*(?:\s[\p{L}\p{M}.+]+){0,2}$/u.test(agency);
  if (!looksLikeAgency(agency) && !bareOutlet) return null;
  const after = head.slice(match[0].length);
  // Without a dash after the agency, only a dated marker counts ("La Habana, 2 sep (Prensa Latina) Cuba"):
  // "Việt Nam (CPV) Central Committee" is a name with an acronym, not a marker.
  if (groups.separator === undefined && (groups.date === undefined || !/^[\p{Lu}\p{Lo}"“«]/u.test(after))) return null;
  const city = groups.city === undefined ? null : cityAsWritten(groups.city.trim());
  return marker(line, match[0].length, {
    dateline: city,
    agency,
    monthDay: groups.date === undefined ? null : readMonthDay(groups.date),
    ...(groups.year === undefined ? {} : { year: Number(groups.year) }),
    form: `wire marker "${match[0].trim()}"`,
  });
}

/** An agency's name in a marker: a word or a few, capitalised or an acronym, never a clause. */
function looksLikeAgency(text: string): boolean {
  if (text === '' || text.length > 40) return false;
  const words = text.split(/\s+/);
  if (words.length > 4) return false;
  // "dpa" writes itself in lower case; every other word of an agency's name is capitalised or an acronym.
  return words.every((word, index) => /^[\p{Lu}\p{N}]/u.test(word) || /^dpa\b/u.test(word) || (index > 0 && /^(?:de|del|of|und|y)$/u.test(word)));
}

function readShouted(line: string, head: string): LedeMarker | null {
  const match = SHOUTED.exec(head);
  const word = match?.groups?.word;
  if (match === null || word === undefined || /\p{Ll}/u.test(word)) return null;
  const form = `dateline "${match[0].trim()}"`;
  const outletForm = `outlet's mark "${match[0].trim()}"`;
  const monthDay = match.groups?.date === undefined ? null : readMonthDay(match.groups.date);
  // A short acronym, or one with a dot or a plus, is an outlet's mark ("NDO –", "TTO -", "VOV.VN -");
  // longer words, or words with Vietnamese marks, are a place ("HANOI -", "HÀ NỘI —", "HUẾ -").
  const single = !/\s/.test(word);
  // An acronym has no vowel or a run of three consonants ("SGGP", "QĐND", "ANTĐ"); a city has neither.
  const bare = word.normalize('NFD').replace(/\p{M}/gu, '');
  const unpronounceable = !/[AEIOUY]/u.test(bare) || /[^AEIOUY\d.+]{3}/u.test(bare);
  const outlet = single && monthDay === null && !PLACE_ACRONYMS.has(word) && (/[.+\d]/.test(word) || (Array.from(word).length <= 3 && /^[A-Z]+$/.test(word)) || unpronounceable);
  // A full stop after a word would end a sentence of one word: only an acronym of three letters or more
  // that no one could pronounce is written so ("TGVN."); "S. Korea" is a name.
  if (match.groups?.separator === '.') {
    if (outlet && unpronounceable && Array.from(word).length >= 3) return marker(line, match[0].length, { dateline: null, agency: word, monthDay: null, form: outletForm });
    // Swedish, Norwegian and Danish papers end the dateline with a full stop ("HANOI. Sveriges…"):
    // taken from a capital city's name, whose word no sentence is made of.
    return !single || monthDay !== null || !isCapitalCity(word) ? null : marker(line, match[0].length, { dateline: cityAsWritten(word), agency: null, monthDay: null, form });
  }
  if (outlet) return marker(line, match[0].length, { dateline: null, agency: word, monthDay: null, form: outletForm });
  if (Array.from(word.replace(/\s/g, '')).length < 3) return null;
  return marker(line, match[0].length, { dateline: PLACE_ACRONYMS.has(word) ? word : cityAsWritten(word), agency: null, monthDay, form });
}

function readAgencyFirst(line: string, head: string): LedeMarker | null {
  const match = AGENCY_FIRST.exec(head);
  const groups = match?.groups;
  if (match === null || groups?.agency === undefined || groups.city === undefined) return null;
  return marker(line, match[0].length, {
    dateline: cityAsWritten(groups.city.trim()),
    agency: groups.agency,
    monthDay: groups.date === undefined ? null : readMonthDay(groups.date),
    form: `wire marker "${match[0].trim()}"`,
  });
}

function readPlaceAndDash(line: string, head: string): LedeMarker | null {
  const match = PLACE_AND_DASH.exec(head);
  const city = match?.groups?.city;
  if (match === null || city === undefined || city.split(' ').some(isCountryWord)) return null;
  return marker(line, match[0].length, { dateline: city, agency: null, monthDay: null, form: `dateline "${match[0].trim()}"` });
}

function readThai(line: string, head: string): LedeMarker | null {
  const match = THAI.exec(head);
  const groups = match?.groups;
  if (match === null || groups?.city === undefined) return null;
  return marker(line, match[0].length, { dateline: groups.city, agency: null, monthDay: null, form: `Thai dateline "${match[0].trim()}"` });
}
