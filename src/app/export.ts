/**
 * The dispatches in view as a file: CSV and JSON of their fields, or a Markdown list of citations.
 * Pure: the same entries give the same file.
 */
import { articlePath } from '../core/routes.ts';
import type { ListEntry } from '../core/site-data.ts';
import { citation } from './citations.ts';

export type ExportFormat = 'csv' | 'json' | 'markdown';

export const EXPORT_FORMATS: ReadonlyArray<[ExportFormat, string]> = [
  ['csv', 'CSV (a spreadsheet)'],
  ['json', 'JSON'],
  ['markdown', 'Markdown list of citations'],
];

const COLUMNS = ['id', 'title', 'date', 'dateline', 'agency', 'countries', 'url'] as const;

interface Exported {
  name: string;
  type: string;
  text: string;
}

export function exportFile(entries: readonly ListEntry[], format: ExportFormat, site: { origin: string; accessed: string }): Exported {
  const rows = entries.map((entry) => ({
    id: entry.id,
    title: entry.title,
    date: entry.date,
    dateline: entry.dateline,
    agency: entry.agency,
    countries: entry.countries,
    url: site.origin + articlePath(entry.id),
  }));
  if (format === 'json') return { name: 'dispatches.json', type: 'application/json', text: `${JSON.stringify(rows, null, 2)}\n` };
  if (format === 'markdown') {
    const items = rows.map((row) => {
      const text = { title: markdownText(row.title), agency: row.agency === null ? null : markdownText(row.agency), dateline: row.dateline === null ? null : markdownText(row.dateline) };
      return `- ${citation({ ...row, ...text, accessed: site.accessed, quote: null }, 'plain').replace(row.url, `<${row.url}>`)}`;
    });
    return { name: 'dispatches.md', type: 'text/markdown', text: `${items.join('\n')}\n` };
  }
  const lines = [COLUMNS.join(','), ...rows.map((row) => COLUMNS.map((column) => csvCell(row[column])).join(','))];
  return { name: 'dispatches.csv', type: 'text/csv', text: `${lines.join('\r\n')}\r\n` };
}

/** Punctuation Markdown would read as markup (emphasis, a link, HTML, a table) in a title: escaped, it stays text. */
function markdownText(text: string): string {
  return text.replace(/[\\`*_[\]<>|~]/g, '\\$&');
}

/**
 * RFC 4180: a cell with a comma, quote or line break is quoted, its quotes doubled. A cell that starts
 * like a formula (=, +, -, @, a tab) gets a leading apostrophe, the usual guard: a spreadsheet opening
 * the file would otherwise run a dispatch's text as a formula.
 */
function csvCell(value: string | null | readonly string[]): string {
  const text = value === null ? '' : Array.isArray(value) ? value.join(' ') : String(value);
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
