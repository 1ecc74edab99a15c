/**
 * Translated pages (Vietnam.vn and the like): a site banner, section labels, the headline, a standfirst,
 * then an outlet line "<Outlet><Outlet>09/10/2025" that gives the agency and the date, then the
 * article with picture file names and captions, a "Kilde:" link and the site's footer.
 */
import { isRealPartialDate } from '../core/dates.ts';
import { readOutletLine } from './furniture.ts';
import { readLeadIn } from './lead-in.ts';
import { type Field, NO_DATELINE, type ShapeReading, type SourceLine } from './reading.ts';

// The outlet line sits under the headline block, which is a handful of lines at most.
const OUTLET_SEARCH_LINES = 8;

export function readTranslatedPage(lines: readonly SourceLine[]): ShapeReading | null {
  const outletAt = lines.slice(0, OUTLET_SEARCH_LINES).findIndex((line) => readOutletLine(line.text) !== null);
  const outletLine = lines[outletAt];
  const outlet = outletLine === undefined ? null : readOutletLine(outletLine.text);
  if (outletLine === undefined || outlet === null) return null;
  const leadIn = readLeadIn(lines.slice(0, outletAt), true, 'headline line above the outlet line');
  const warnings = [...leadIn.warnings];
  return {
    shape: 'translated page (outlet and date line)',
    title: leadIn.title,
    standfirst: leadIn.standfirst?.text ?? null,
    date: outletDate(outlet.year, outlet.month, outlet.day, outlet.dateText, warnings),
    dateline: NO_DATELINE,
    agency: { value: outlet.outlet, how: `outlet line "${outletLine.text}"` },
    lines: lines.slice(outletAt + 1),
    discarded: [...leadIn.discarded, outletLine],
    warnings,
  };
}

// Vietnamese sites write dates day first; a date that is impossible that way is not guessed at otherwise.
function outletDate(year: number, month: number, day: number, dateText: string, warnings: string[]): Field<string | null> {
  const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  if (isRealPartialDate(iso)) return { value: iso, how: `outlet line ${dateText} read as day/month/year` };
  warnings.push(`the outlet line's date "${dateText}" is not a real calendar date when read as day/month/year`);
  return { value: null, how: `outlet line ${dateText} is not a real day/month/year date` };
}
