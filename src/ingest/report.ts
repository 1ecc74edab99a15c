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
  const warned = rows.filter((row) => row.warnings.length > 0);
  if (warned.length > 0) {
    lines.push('', 'Warnings');
    for (const row of warned) for (const warning of row.warnings) lines.push(`  ${row.file}: ${warning}`);
  }
  lines.push('', `${rows.length} dispatch${rows.length === 1 ? '' : 'es'}, ${warned.length} with warnings`);
  return `${lines.join('\n')}\n`;
}

function shorten(text: string, width: number): string {
  const characters = Array.from(text);
  return characters.length <= width ? text : `${characters.slice(0, width - 1).join('')}…`;
}
