/**
 * Lines as the field readers see them, and a field with how it was found. Every input line ends up in
 * exactly one place: a field, the title, summary, body or a caption, or `discarded`.
 */

export interface SourceLine {
  /** 0-based line number in the file, so discarded lines can be put back in file order. */
  index: number;
  /** The line without surrounding whitespace (or the part of it that is left after a header). */
  text: string;
  /** True when a blank line comes before it: a caption sits right under its picture's file name. */
  blankBefore: boolean;
}

export interface Field<T> {
  value: T;
  /** How the value was found, in a few words, for the provenance. */
  how: string;
}

export function toSourceLines(text: string): SourceLine[] {
  const lines: SourceLine[] = [];
  let blankBefore = false;
  text.split('\n').forEach((raw, index) => {
    const trimmed = raw.trim();
    if (trimmed === '') {
      blankBefore = true;
      return;
    }
    lines.push({ index, text: trimmed, blankBefore });
    blankBefore = false;
  });
  return lines;
}

