/**
 * A wire story ends with its agency: "… nations. — VNA/VNS", "… — VNS", or a bare "VNS". The sign-off
 * becomes the `agency` field. A dash followed by an agency also appears inside text and in photo credits
 * ("— XINHUA/VNA Photo"), so a sign-off must come right after the end of a sentence, at the very end.
 */
import { tail } from './text.ts';

// Agencies that sign off without a dash; with a dash any agency-like acronym is accepted.
const BARE_SIGN_OFFS = new Set([
  'VNA/VNS', 'VNS', 'VNA', 'VOV', 'TTXVN', 'VNP', 'XINHUA', 'AFP', 'AP', 'REUTERS', 'KYODO', 'YONHAP', 'TASS',
  'KCNA', 'BERNAMA', 'ANTARA', 'PNA',
]);

// "VNA/VNS", "VNS", "Xinhua/VNA": capitalised words joined by slashes.
const AGENCY = String.raw`\p{Lu}[\p{L}+]*(?:\/\p{Lu}[\p{L}+]*)*`;
const SENTENCE_CLOSE = String.raw`[.!?…"”»)]`;
const DASHED_AFTER_SENTENCE = new RegExp(`(${SENTENCE_CLOSE})\\s*[—–-]\\s*(${AGENCY})\\s*$`, 'u');
const BARE_AFTER_SENTENCE = new RegExp(`(${SENTENCE_CLOSE})\\s+(${AGENCY})\\s*$`, 'u');
const WHOLE_LINE = new RegExp(`^([—–-])?\\s*(${AGENCY})$`, 'u');

export interface SignOff {
  /** The paragraph without its sign-off; "" when the sign-off was a line of its own. */
  text: string;
  agency: string;
}

export function splitSignOff(paragraph: string): SignOff | null {
  const end = tail(paragraph.trimEnd(), 80);
  const offset = paragraph.trimEnd().length - end.length;
  const whole = offset === 0 ? WHOLE_LINE.exec(end.trim()) : null;
  if (whole?.[2] !== undefined && isAgency(whole[2], whole[1] !== undefined)) {
    return { text: '', agency: whole[2] };
  }
  for (const [pattern, dashed] of [[DASHED_AFTER_SENTENCE, true], [BARE_AFTER_SENTENCE, false]] as const) {
    const match = pattern.exec(end);
    const close = match?.[1];
    const agency = match?.[2];
    if (match === null || close === undefined || agency === undefined || !isAgency(agency, dashed)) continue;
    return { text: paragraph.slice(0, offset + match.index + close.length).trimEnd(), agency };
  }
  return null;
}

function isAgency(candidate: string, dashed: boolean): boolean {
  if (!dashed) return BARE_SIGN_OFFS.has(candidate);
  const capitals = candidate.replace(/[^\p{Lu}]/gu, '').length;
  return candidate.length <= 24 && capitals >= 2;
}
