/** The CLI's report: one row per dispatch, and every warning spelled out with its file. */
import { describe, expect, it } from 'vitest';
import { formatReport } from '../../../src/ingest/index.ts';

describe('formatReport', () => {
  const rows = [
    { file: '000.txt', title: 'Leaders of German political parties have expressed strong interest in and admiration…', date: '2026-01-10', countries: ['DE', 'VN'], warnings: [] },
    { file: '001.txt', title: 'Party General Secretary holds talks', date: null, countries: ['RU', 'UA', 'VN'], warnings: ['no date in the text'] },
  ];
  const report = formatReport(rows);
  const lines = report.split('\n');

  it('has a header and one row per dispatch with file, date, countries and title', () => {
    expect(lines[0]).toMatch(/^File\s+Date\s+Countries\s+Title\s+Warnings$/);
    expect(lines[1]).toMatch(/^000\.txt\s+2026-01-10\s+DE VN\s+Leaders of German.*\s0$/);
    expect(lines[2]).toMatch(/^001\.txt\s+—\s+RU UA VN\s+Party General Secretary holds talks\s+1$/);
  });

  it('spells out each warning with its file', () => {
    expect(report).toContain('  001.txt: no date in the text');
  });

  it('ends with a count', () => {
    expect(report).toMatch(/2 dispatches, 1 with warnings\n$/);
  });
});
