/**
 * The date and the agency, each from its own evidence, most trustworthy first; the winner's source is
 * the provenance. A date comes from the archive's wire header, the page's own date line (or outlet
 * line), a wire marker's month and day completed by a year the page gives, or the source address. An
 * agency comes from the lede's marker, the sign-off, a source line, the outlet line, the site's title
 * line or its copyright line; never from a byline or a photo credit.
 */
import { isRealPartialDate } from '../core/dates.ts';
import { fold } from '../core/fold.ts';
import { type DateInText, readDateIn, readDateInUrl } from './date-text.ts';
import { type LineKind, readCopyrightHolder, readDateLine, readOutletLine, readOutletName, readSiteTitle, readSourceValue } from './furniture.ts';
import type { LedeMarker } from './lede-marker.ts';
import type { Field, SourceLine } from './reading.ts';
import type { SignOffLine } from './article.ts';
import type { WireHeader } from './wire.ts';

export interface Evidence {
  wire: WireHeader | null;
  marker: LedeMarker | null;
  /** Furniture above the lede, in file order. */
  head: ReadonlyArray<{ line: SourceLine; kind: LineKind | null }>;
  /** Furniture in and after the article, in file order. */
  tail: ReadonlyArray<{ line: SourceLine; kind: LineKind }>;
  signOff: SignOffLine | null;
  attribution: string | null;
  sourceUrl: string | null;
  /** The lede without its marker, or null when the article has no text. */
  lede: string | null;
  /** The outlet named after the headline ("… | Hanoi Times"), or null. */
  titleOutlet: string | null;
}

// Lines whose date is when the page was changed, not when the story was filed: used only when no
// other line dates the page.
const UPDATED = /\b(?:updated?|last modified|cap nhat|aktualisiert|actualizado|mis a jour|uppdaterad|oppdatert|обновлено|更新|수정)\b/u;
const DATED_KINDS = new Set<LineKind | null>(['date-line', 'source', 'byline', 'outlet-line', 'site-title', 'menu']);

export function readPublicationDate(evidence: Evidence): { date: Field<string | null>; warnings: string[] } {
  // The archive's own header always carries a date token; when it cannot be read, its warning says so.
  if (evidence.wire !== null) return { date: evidence.wire.date, warnings: [] };
  const ordered = datedInOrder([...evidence.head, ...evidence.tail]);
  const warnings: string[] = [];
  for (const { line, kind } of ordered) {
    if (kind === 'outlet-line') {
      const outlet = readOutletLine(line.text);
      if (outlet !== null) return { date: outletDate(outlet.year, outlet.month, outlet.day, outlet.dateText, warnings), warnings };
    }
    const found = readDateLine(line.text);
    if (found !== null) return { date: { value: found.value, how: `date line "${line.text}" read as ${found.order}` }, warnings };
  }
  const monthDay = evidence.marker?.monthDay ?? null;
  const markerYear = evidence.marker?.year;
  if (monthDay !== null && markerYear !== undefined) {
    const value = `${markerYear}-${String(monthDay.month).padStart(2, '0')}-${String(monthDay.day).padStart(2, '0')}`;
    if (isRealPartialDate(value)) return { date: { value, how: `the lede marker's date "${evidence.marker?.text ?? ''}"` }, warnings };
  }
  const fromUrl = evidence.sourceUrl === null ? null : readDateInUrl(evidence.sourceUrl);
  if (monthDay !== null && fromUrl !== null) {
    const year = fromUrl.value.slice(0, 4);
    const value = `${year}-${String(monthDay.month).padStart(2, '0')}-${String(monthDay.day).padStart(2, '0')}`;
    if (isRealPartialDate(value)) return { date: { value, how: `the lede marker's day with the source address's year` }, warnings };
  }
  if (fromUrl !== null) return { date: { value: fromUrl.value, how: `source address, read as ${fromUrl.order}` }, warnings };
  const opening = evidence.lede === null ? null : readOpeningDate(evidence.lede);
  if (opening !== null) return { date: { value: opening.value, how: `date opening the lede "${opening.text}", read as ${opening.order}` }, warnings };
  const yearless = monthDay === null ? '' : ' (the lede marker gives a day but no year)';
  return { date: { value: null, how: `none found${yearless}` }, warnings: [`no date in the text${yearless}`] };
}

// What may stand before a date that opens a lede: "Ngày 30/11/2026, tại Singapore, …", "On 30 November
// 2026, …", "Le 30 novembre 2026, …". A date further into the sentence may be any day the story mentions.
// One list for both patterns below, so the quick look and the exact test never disagree on it.
const OPENING_WORD = String.raw`(?:(?:vào\s+)?ngày|on|le|am|el|den)`;
const OPENING_WORDS = new RegExp(String.raw`^\s*${OPENING_WORD}?\s*$`, 'iu');
// A quick look first: a number, or a month's name and a number, after the opening word if any.
const MAY_OPEN_WITH_DATE = new RegExp(String.raw`^\s*${OPENING_WORD}?\s*(?:\d|\p{L}{3,9}\.?\s+\d)`, 'iu');

/** A full date at the very start of the lede: the day the story reports, which the page did not print elsewhere. */
function readOpeningDate(lede: string): DateInText | null {
  if (!MAY_OPEN_WITH_DATE.test(lede)) return null;
  const found = readDateIn(lede.slice(0, 60));
  return found !== null && /^\d{4}-\d{2}-\d{2}$/.test(found.value) && OPENING_WORDS.test(lede.slice(0, found.index)) ? found : null;
}

type Entry = { line: SourceLine; kind: LineKind | null };

/**
 * The lines that may date the page, those that say when it was updated last. A line that holds both
 * stamps ("Mis à jour le 30/11/2026 | Publié le 29/11/2026") is read as its parts, so that the
 * publication date wins over the update wherever it stands in the line.
 */
function datedInOrder(entries: readonly Entry[]): Entry[] {
  const published: Entry[] = [];
  const updated: Entry[] = [];
  for (const entry of entries) {
    if (!DATED_KINDS.has(entry.kind)) continue;
    if (!UPDATED.test(fold(entry.line.text))) {
      published.push(entry);
      continue;
    }
    const parts = entry.line.text.split(/\s+[|·•]\s+/u);
    if (parts.length < 2) updated.push(entry);
    else for (const text of parts) (UPDATED.test(fold(text)) ? updated : published).push({ line: { ...entry.line, text }, kind: entry.kind });
  }
  return [...published, ...updated];
}

// Vietnamese sites write dates day first; a date that is impossible that way is not guessed at otherwise.
function outletDate(year: number, month: number, day: number, dateText: string, warnings: string[]): Field<string | null> {
  const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  if (isRealPartialDate(iso)) return { value: iso, how: `outlet line ${dateText} read as day/month/year` };
  warnings.push(`the outlet line's date "${dateText}" is not a real calendar date when read as day/month/year`);
  return { value: null, how: `outlet line ${dateText} is not a real day/month/year date` };
}

export function readAgency(evidence: Evidence): Field<string | null> {
  if (evidence.marker?.agency != null) return { value: evidence.marker.agency, how: `lede ${evidence.marker.form}` };
  if (evidence.signOff !== null) return { value: evidence.signOff.agency, how: evidence.signOff.how };
  const all = [...evidence.head, ...evidence.tail];
  for (const { line, kind } of all) {
    const source = kind === 'source' ? readSourceValue(line.text) : null;
    if (source !== null && !/^(?:editor|editors|web editor|edited by|bien tap|redaktor|redakteur|redaccion|redaction|责编|责任编辑|编辑|审核|責編|責任編輯|編輯|審核|writing by|editing by)$/u.test(source.label)) {
      return { value: source.value, how: `source line "${line.text}"` };
    }
  }
  for (const { line, kind } of all) {
    const outlet = kind === 'outlet-line' ? readOutletLine(line.text) : null;
    if (outlet !== null) return { value: outlet.outlet, how: `outlet line "${line.text}"` };
  }
  if (evidence.attribution !== null) return { value: evidence.attribution, how: `credit in brackets "(${evidence.attribution})" closing the story` };
  for (const { line, kind } of all) {
    const site = kind === 'site-title' ? readSiteTitle(line.text) : null;
    if (site !== null && !/\.\p{L}{2,}$/u.test(site)) return { value: site, how: `site title line "${line.text}"` };
  }
  const outlet = evidence.titleOutlet;
  if (outlet !== null && !/\.\p{L}{2,}$/u.test(outlet)) return { value: outlet, how: `outlet's name after the headline "${outlet}"` };
  for (const { line, kind } of all) {
    const holder = kind === 'copyright' ? readCopyrightHolder(line.text) : null;
    if (holder !== null) return { value: holder, how: `copyright line "${line.text}"` };
  }
  for (const { line, kind } of evidence.head) {
    const name = kind === null ? readOutletName(line.text) : null;
    if (name !== null) return { value: name, how: `outlet's name above the article "${name}"` };
  }
  return { value: null, how: 'none found' };
}
