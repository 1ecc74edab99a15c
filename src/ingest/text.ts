/**
 * Text helpers every other ingest module leans on. All of them run in linear time: dispatch files can
 * hold megabyte-long lines, so nothing here uses a pattern that can backtrack over a whole line.
 */

const BYTE_ORDER_MARK = '\uFEFF';

/** One shape of text for every rule downstream: no BOM, "\n" line ends, composed (NFC) characters. */
export function normaliseText(text: string): string {
  const withoutBom = text.startsWith(BYTE_ORDER_MARK) ? text.slice(1) : text;
  return withoutBom.replace(/\r\n?/g, '\n').normalize('NFC');
}

// Two or more of these in a row are layout, not meaning; a single no-break space is kept because a writer
// may have put it there on purpose ("10 000", "M. Dupont").
const SPACE_RUN = /[\t \u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]{2,}/g;

/** Trims the line and turns every run of two or more spaces (of any kind) into one plain space. */
export function collapseSpaces(line: string): string {
  return line.replace(SPACE_RUN, ' ').replace(/\t/g, ' ').trim();
}

/** Words as a reader counts them: runs of non-space that hold at least one letter or digit. */
export function countWords(text: string): number {
  let count = 0;
  for (const word of text.split(/\s+/)) {
    if (/[\p{L}\p{N}]/u.test(word)) count += 1;
  }
  return count;
}

/** The last `length` characters, so end-anchored patterns never scan a whole long line. */
export function tail(text: string, length: number): string {
  return text.length <= length ? text : text.slice(text.length - length);
}
