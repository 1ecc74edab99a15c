/**
 * Dates in words, the same on the server and in the browser (no locale, no time zone): kept apart
 * from dates.ts, which the first screen's script needs, while only later parts show dates in words.
 */

const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

/** "2026-01-10" → "10 January 2026"; "2025-07" → "July 2025"; "2025" → "2025". Same on server and client. */
export function formatDate(value: string): string {
  const [year = '', month, day] = value.split('-');
  const monthName = month === undefined ? undefined : MONTHS[Number(month) - 1];
  if (monthName === undefined) return year;
  if (day === undefined) return `${monthName} ${year}`;
  return `${Number(day)} ${monthName} ${year}`;
}
