/**
 * A wire story ends with its agency: "… nations. — VNA/VNS", "… — VNS", or a bare "VNS". The sign-off
 * becomes the `agency` field. A dash followed by an agency also appears inside text and in photo credits
 * ("— XINHUA/VNA Photo"), so a sign-off must come right after the end of a sentence, at the very end.
 */
import { tail } from './text.ts';

// Agencies that sign off without a dash; with a dash any agency-like acronym is accepted.
const BARE_SIGN_OFFS = new Set([
  'VNA/VNS', 'VNS', 'VNA', 'VOV', 'TTXVN', 'VNP', 'XINHUA', 'AFP', 'AP', 'REUTERS', 'KYODO', 'YONHAP', 'TASS',
  'KCNA', 'BERNAMA', 'ANTARA', 'PNA', 'DPA', 'EFE', 'ANSA', 'KPL', 'AKP', 'JIJI', 'PTI', 'TT', 'NTB', 'STT', 'RITZAU',
]);

// "VNA/VNS", "VNS", "Xinhua/VNA": capitalised words joined by slashes.
const AGENCY = String.raw`\p{Lu}[\p{L}+]*(?:\/\p{Lu}[\p{L}+]*)*`;
const SENTENCE_CLOSE = String.raw`[.!?…"”»)]`;
const DASHED_AFTER_SENTENCE = new RegExp(`(${SENTENCE_CLOSE})\\s*[—–-]\\s*(${AGENCY})\\s*$`, 'u');
const BARE_AFTER_SENTENCE = new RegExp(`(${SENTENCE_CLOSE})\\s+(${AGENCY})\\s*$`, 'u');
// "… buyer of Vietnamese rice. (PNA)": a known agency in brackets after the last sentence.
const BRACKETED_AFTER_SENTENCE = new RegExp(`([.!?…"”»])\\s*\\((${AGENCY})\\)\\s*$`, 'u');
const WHOLE_LINE = new RegExp(`^(--|[—–-])?\\s*(${AGENCY})$`, 'u');
// A line that is only a known agency as it writes itself, lower case, with a service after it, or
// alone in brackets: "dpa", "dpa-AFX", "Kyodo/Jiji", "(ANSA).". A bracketed credit of two names
// ("(VNA/CVN)", "(TTXVN/Vietnam+)") is left to the article's rules for credits.
// "PTI ABC DEF": the agency, then its editors' initials in capitals.
const AGENCY_AND_INITIALS = /^(?<agency>\p{Lu}{2,8})(?:\s+\p{Lu}{2,4}){1,3}$/u;
const AGENCY_SERVICE_LINE = /^(?:--|[—–-])?\s*(?:(?<name>\p{L}{2,12}(?:[-/]\p{L}{2,12}){0,2})|\((?<bracketed>\p{L}{2,12})\)\.?)$/u;

export interface SignOff {
  /** The paragraph without its sign-off; "" when the sign-off was a line of its own. */
  text: string;
  agency: string;
}

export function splitSignOff(paragraph: string): SignOff | null {
  const end = tail(paragraph.trimEnd(), 80);
  const offset = paragraph.trimEnd().length - end.length;
  const whole = offset === 0 ? WHOLE_LINE.exec(end.trim()) : null;
  if (whole?.[2] !== undefined && (isAgency(whole[2], whole[1] !== undefined) || isAcronymLine(whole[2]))) {
    return { text: '', agency: whole[2] };
  }
  const serviceGroups = offset === 0 ? AGENCY_SERVICE_LINE.exec(end.trim())?.groups : undefined;
  const service = serviceGroups?.name ?? serviceGroups?.bracketed;
  if (service !== undefined && isAgencyWithService(service)) return { text: '', agency: service };
  const initialled = offset === 0 ? AGENCY_AND_INITIALS.exec(end.trim())?.groups?.agency : undefined;
  if (initialled !== undefined && BARE_SIGN_OFFS.has(initialled)) return { text: '', agency: initialled };
  for (const [pattern, dashed] of [[DASHED_AFTER_SENTENCE, true], [BARE_AFTER_SENTENCE, false], [BRACKETED_AFTER_SENTENCE, false]] as const) {
    const match = pattern.exec(end);
    const close = match?.[1];
    const agency = match?.[2];
    if (match === null || close === undefined || agency === undefined || !isAgency(agency, dashed)) continue;
    return { text: paragraph.slice(0, offset + match.index + close.length).trimEnd(), agency };
  }
  return null;
}

/** A wire agency that signs its stories with its bare name ("Xinhua", "VNA", "dpa"), in any case. */
export function isKnownAgency(name: string): boolean {
  return BARE_SIGN_OFFS.has(name.toUpperCase());
}

function isAgency(candidate: string, dashed: boolean): boolean {
  if (!dashed) return BARE_SIGN_OFFS.has(candidate.toUpperCase());
  const capitals = candidate.replace(/[^\p{Lu}]/gu, '').length;
  return candidate.length <= 24 && capitals >= 2;
}

/** A known agency, then maybe a service in capitals or another known agency: "dpa-AFX", "Kyodo/Jiji". */
function isAgencyWithService(name: string): boolean {
  const [first = '', ...rest] = name.split(/[-/]/u);
  return BARE_SIGN_OFFS.has(first.toUpperCase()) && rest.every((part) => BARE_SIGN_OFFS.has(part.toUpperCase()) || !/\p{Ll}/u.test(part));
}

/** A line that is nothing but an agency's acronym ("VNA/CVN", "ВИА", "BERNAMA"): a sign-off. */
function isAcronymLine(candidate: string): boolean {
  return candidate.length <= 16 && !/\p{Ll}/u.test(candidate) && candidate.replace(/[^\p{Lu}]/gu, '').length >= 3;
}

// Marks that say "the story ends here": Xinhua's "Enditem", Yonhap's "(END)", "(完)" in Chinese, "./."
// in Vietnamese, Kyodo's "==Kyodo".
const END_MARKER_AT_END = /(?:\s*\b(?:Enditem|ENDITEM|End item)|\s*\((?:END|ENDS|End|hết|Hết|끝)\)|\s*[（(]完[）)]|\s*==\s*Kyodo)$/u;

export interface EndMarker {
  /** The paragraph without the marker; "" when the marker was a line of its own. */
  text: string;
  marker: string;
}

/** The end marker a paragraph closes with, or null. */
export function splitEndMarker(paragraph: string): EndMarker | null {
  const end = tail(paragraph.trimEnd(), 40);
  const offset = paragraph.trimEnd().length - end.length;
  if (end.endsWith('./.')) return { text: paragraph.trimEnd().slice(0, -2), marker: './.' };
  const match = END_MARKER_AT_END.exec(end);
  if (match === null) return null;
  return { text: paragraph.slice(0, offset + match.index).trimEnd(), marker: match[0].trim() };
}

// An outlet's name in Chinese, Japanese or Korean ends in the word for agency, news or paper; in Thai
// it starts with the words for news agency ("สำนักข่าวไทย").
const CJK_OUTLET = /^[\p{Script=Han}\p{Script=Hangul}\p{Script=Katakana}]{1,8}(?:社|通信|新闻|新聞|网|報|报|日报|电视台|放送|뉴스|일보|신문|방송)$|^สำนักข่าว\p{Script=Thai}{1,16}$/u;
// "Vũ Anh", "Minh Anh", "THANH HÀ": a writer's name alone on the last line, as Vietnamese pages sign.
const NAME_LINE = /^\p{Lu}[\p{L}\p{M}]*(?:\s\p{Lu}[\p{L}\p{M}]*){1,3}$/u;
const VIETNAMESE_MARKED = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹàáèéìíòóùúýãõĩũ]/iu;

/** A name alone on an article's last line: the outlet ("共同通信") or the writer ("Vũ Anh"). */
export function readClosingName(line: string): { kind: 'agency' | 'author'; name: string } | null {
  const text = line.trim();
  if (text.length > 40) return null;
  if (CJK_OUTLET.test(text)) return { kind: 'agency', name: text };
  if (!NAME_LINE.test(text)) return null;
  // Names are written in capitals on some pages; a word in capitals otherwise is an acronym.
  const shouted = !/\p{Ll}/u.test(text);
  if (shouted ? VIETNAMESE_MARKED.test(text) : !text.split(' ').some((word) => /\p{Lu}.*\p{Lu}/u.test(word))) return { kind: 'author', name: text };
  return null;
}
