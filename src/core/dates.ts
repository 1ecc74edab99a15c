/**
 * Dates as the bundle stores them: "YYYY-MM-DD", or "YYYY-MM" / "YYYY" when the text says no more.
 * Pure string arithmetic, no time zones: a dispatch dated 2026-01-10 is that day everywhere.
 */

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** True for "2026", "2026-02" and "2026-02-28"; false for "2026-02-30" or "2026-13". */
export function isRealPartialDate(value: string): boolean {
  const match = PARTIAL_DATE.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  if (match[2] === undefined) return true;
  const month = Number(match[2]);
  if (month < 1 || month > 12) return false;
  if (match[3] === undefined) return true;
  const day = Number(match[3]);
  return day >= 1 && day <= daysInMonth(year, month);
}

/** True only for a full, real "YYYY-MM-DD" date. */
export function isRealDay(value: string): boolean {
  return value.length === 10 && isRealPartialDate(value);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The first and last day a partial date can mean: "2025-07" spans 2025-07-01 … 2025-07-31. */
export function dateSpan(value: string): { first: string; last: string } {
  const [year = '', month, day] = value.split('-');
  if (day !== undefined && month !== undefined) return { first: value, last: value };
  if (month !== undefined) {
    return { first: `${year}-${month}-01`, last: `${year}-${month}-${daysInMonth(Number(year), Number(month))}` };
  }
  return { first: `${year}-01-01`, last: `${year}-12-31` };
}
