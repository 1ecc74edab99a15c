/**
 * Citations of a dispatch in the forms readers paste into their work: plain text, and forms close to
 * APA, Chicago and BibTeX. Pure: the same dispatch and access date always give the same text.
 */
import { formatDate } from '../core/date-format.ts';
import { fold } from '../core/fold.ts';
import { PRODUCT_NAME } from '../core/text.ts';

export interface Cited {
  title: string;
  agency: string | null;
  dateline: string | null;
  /** "YYYY-MM-DD", "YYYY-MM", "YYYY" or null, as the dispatch is dated. */
  date: string | null;
  url: string;
  /** "YYYY-MM-DD", the day the reader cites it. */
  accessed: string;
  /** A passage the reader selected, quoted before the citation. */
  quote: string | null;
}

export type CitationStyle = 'plain' | 'apa' | 'chicago' | 'bibtex';

export const CITATION_STYLES: ReadonlyArray<[CitationStyle, string]> = [
  ['plain', 'Plain text'],
  ['apa', 'APA-like'],
  ['chicago', 'Chicago-like'],
  ['bibtex', 'BibTeX'],
];

const UNKNOWN_AGENCY = 'Unknown agency';

export function citation(cited: Cited, style: CitationStyle): string {
  if (style === 'bibtex') return bibtex(cited);
  const quote = cited.quote === null ? '' : `“${cited.quote}”\n\n`;
  const agency = cited.agency ?? UNKNOWN_AGENCY;
  const date = cited.date === null ? 'undated' : formatDate(cited.date);
  const place = cited.dateline === null ? '' : `${cited.dateline}, `;
  const accessed = formatDate(cited.accessed);
  switch (style) {
    case 'apa':
      return `${quote}${agency}. (${apaDate(cited.date)}). ${cited.title}. ${PRODUCT_NAME}. Retrieved ${accessed}, from ${cited.url}`;
    case 'chicago':
      // Chicago writes a missing date "n.d." (its stop is the sentence's); "undated" would open a sentence in lower case.
      return `${quote}${agency}. “${withoutFinalStop(cited.title)}.” ${place}${cited.date === null ? 'n.d' : date}. ${PRODUCT_NAME}. Accessed ${accessed}. ${cited.url}.`;
    default:
      return `${quote}${agency}, “${withoutFinalStop(cited.title)}”, ${place}${date}. ${cited.url} (accessed ${accessed}).`;
  }
}

/** "2026, January 10", "2025, July", "2025", "n.d." */
function apaDate(date: string | null): string {
  if (date === null) return 'n.d.';
  const [year = '', month, day] = date.split('-');
  const monthName = month === undefined ? '' : formatDate(`${year}-${month}`).split(' ')[0];
  return [year, monthName === '' ? '' : `, ${monthName}`, day === undefined ? '' : ` ${Number(day)}`].join('');
}

function withoutFinalStop(title: string): string {
  return title.replace(/[.…]+$/u, '');
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * A BibTeX @misc entry; every value braced and escaped, so any title is safe, except the month, which
 * is BibTeX's own macro ("oct") so styles can print it in their way.
 */
function bibtex(cited: Cited): string {
  const [year, month] = cited.date?.split('-') ?? [];
  const monthMacro = month === undefined ? undefined : MONTHS[Number(month) - 1];
  const fields: Array<[string, string | undefined]> = [
    ['author', cited.agency === null ? undefined : `{{${escapeBibtex(cited.agency)}}}`],
    ['title', `{{${escapeBibtex(cited.title)}}}`],
    ['year', year === undefined ? undefined : `{${year}}`],
    ['month', monthMacro],
    ['note', `{${cited.dateline === null ? '' : `${escapeBibtex(cited.dateline)}; `}${PRODUCT_NAME}${cited.quote === null ? '' : `; quoted: “${escapeBibtex(cited.quote)}”`}}`],
    ['url', `{${cited.url}}`],
    ['urldate', `{${cited.accessed}}`],
  ];
  const lines = fields.filter((field): field is [string, string] => field[1] !== undefined).map(([name, value]) => `  ${name} = ${value}`);
  return `@misc{${bibtexKey(cited)},\n${lines.join(',\n')}\n}`;
}

/**
 * "vnavns20260110leaders": agency, date and the title's first long word, as reference managers make
 * keys. Two dispatches of one agency in one year are common, and a bibliography cannot hold one key twice.
 */
function bibtexKey(cited: Cited): string {
  const agency = fold(cited.agency ?? '').replace(/[^a-z0-9]+/g, '') || 'dispatch';
  const date = cited.date?.replace(/-/g, '') ?? 'nd';
  const word = fold(cited.title).split(/[^a-z0-9]+/).find((part) => part.length >= 4) ?? '';
  return `${agency}${date}${word}`;
}

function escapeBibtex(text: string): string {
  return text.replace(/[\\{}%&$#_^~]/g, (char) => (char === '\\' ? '\\textbackslash{}' : char === '^' ? '\\^{}' : char === '~' ? '\\~{}' : `\\${char}`));
}
