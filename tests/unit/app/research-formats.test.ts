/**
 * The texts the reader's tools hand over: citations and exported files, as the programs that read
 * them (a bibliography, a spreadsheet, a Markdown renderer) will take them.
 */
import { describe, expect, it } from 'vitest';
import { citation, type Cited } from '../../../src/app/citations.ts';
import { exportFile } from '../../../src/app/export.ts';
import type { ListEntry } from '../../../src/core/site-data.ts';

const DATED: Cited = {
  title: 'Việt Nam and Laos sign a border agreement',
  agency: 'VNA/VNS',
  dateline: 'Vientiane',
  date: '2025-10-09',
  url: 'https://dispatches.example/article/abc',
  accessed: '2026-02-01',
  quote: null,
};

function entry(overrides: Partial<ListEntry>): ListEntry {
  return {
    id: 'abc',
    title: 'Việt Nam and Laos sign a border agreement',
    date: '2025-10-09',
    dateline: 'Vientiane',
    agency: 'VNA/VNS',
    countries: ['LA', 'VN'],
    language: 'en',
    snippet: '',
    readingMinutes: 1,
    ...overrides,
  };
}

const SITE = { origin: 'https://dispatches.example', accessed: '2026-02-01' };

describe('citations', () => {
  it('give BibTeX its month macro and a key that tells two dispatches of one agency and day apart', () => {
    const first = citation(DATED, 'bibtex');
    const second = citation({ ...DATED, title: 'Laos and Việt Nam open a railway' }, 'bibtex');
    expect(first).toContain('  month = oct,');
    expect(first.split('\n')[0]).toBe('@misc{vnavns20251009viet,');
    expect(second.split('\n')[0]).toBe('@misc{vnavns20251009laos,');
  });

  it('write a missing date the way each style does', () => {
    const undated = { ...DATED, date: null };
    expect(citation(undated, 'chicago')).toContain('.” Vientiane, n.d. Dispatch Reader.');
    expect(citation(undated, 'apa')).toContain('VNA/VNS. (n.d.).');
    expect(citation(undated, 'bibtex')).not.toMatch(/year|month/);
  });
});

describe('export', () => {
  it('keeps a title that starts like a formula from running in a spreadsheet', () => {
    const csv = exportFile([entry({ title: '=HYPERLINK("https://bad.example","click")' })], 'csv', SITE).text;
    expect(csv.split('\r\n')[1]).toMatch(/^abc,"'=HYPERLINK\(""https:\/\/bad\.example"",""click""\)",/);
  });

  it('keeps Markdown punctuation in a title as text, and the address as a link', () => {
    const markdown = exportFile([entry({ title: 'Talks on *trade* and [ports] <b>now</b>' })], 'markdown', SITE).text;
    expect(markdown).toBe('- VNA/VNS, “Talks on \\*trade\\* and \\[ports\\] \\<b\\>now\\</b\\>”, Vientiane, 9 October 2025. <https://dispatches.example/article/abc> (accessed 1 February 2026).\n');
  });
});
