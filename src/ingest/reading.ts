/**
 * What a shape reader hands on: the fields its header gave, the lines that remain for the article, and
 * the lines it recognised as furniture. Every input line ends up in exactly one of these places.
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

export interface ShapeReading {
  shape: string;
  title: Field<string> | null;
  standfirst: string | null;
  date: Field<string | null>;
  dateline: Field<string | null>;
  agency: Field<string | null>;
  /** Article lines in order; captions, trailers and a sign-off are still among them. */
  lines: SourceLine[];
  discarded: SourceLine[];
  warnings: string[];
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

export const NO_DATELINE: Field<string | null> = { value: null, how: 'not given by this shape' };
export const NOT_YET: Field<string | null> = { value: null, how: 'none found' };
