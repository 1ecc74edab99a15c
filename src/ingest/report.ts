/** The table the CLI prints after a build: one row per dispatch, then the warnings in full. */

export interface ReportRow {
  file: string;
  title: string;
  date: string | null;
  countries: string[];
  warnings: string[];
}

const TITLE_WIDTH = 56;

export function formatReport(rows: readonly ReportRow[]): string {
  const table = [
    ['File', 'Date', 'Countries', 'Title', 'Warnings'],
    ...rows.map((row) => [row.file, row.date ?? '—', row.countries.join(' ') || '—', shorten(row.title, TITLE_WIDTH), String(row.warnings.length)]),
  ];
  const widths = table[0]?.map((_, column) => Math.max(...table.map((cells) => (cells[column] ?? '').length))) ?? [];
  const lines = table.map((cells) =>
    cells
      .map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column] ?? 0)))
      .join('  ')
      .trimEnd(),
  );
  const warnings = formatWarnings(rows);
  return `${lines.join('\n')}\n${warnings === '' ? '' : `\n${warnings}`}\n${summaryLine(rows)}\n`;
}

/** "Warnings" and a line per warning, naming the file; "" when there are none. */
export function formatWarnings(rows: readonly ReportRow[]): string {
  const lines = rows.flatMap((row) => row.warnings.map((warning) => `  ${row.file}: ${warning}`));
  return lines.length === 0 ? '' : `Warnings\n${lines.join('\n')}\n`;
}

export function summaryLine(rows: readonly ReportRow[]): string {
  const warned = rows.filter((row) => row.warnings.length > 0).length;
  return `${rows.length} dispatch${rows.length === 1 ? '' : 'es'}, ${warned} with warnings`;
}

function shorten(text: string, width: number): string {
  const characters = Array.from(text);
  return characters.length <= width ? text : `${characters.slice(0, width - 1).join('')}…`;
}
