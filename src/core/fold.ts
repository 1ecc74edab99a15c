/**
 * Text without case or diacritics: "Việt Nam", "VIET NAM" and "viet nam" fold to the same key. Search
 * matches with it, the ingest matches country names and footer markers with it, and ids are made from
 * file names with it, so all three agree on what counts as the same word.
 */

/** Letters that carry their mark in the letter itself, so Unicode decomposition cannot strip it. */
const LETTER_FOLDS: Record<string, string> = { đ: 'd', ð: 'd', ø: 'o', ł: 'l', æ: 'ae', œ: 'oe', ß: 'ss', þ: 'th', ı: 'i' };
const COMBINING_MARKS = /\p{M}/gu;
const SPECIAL_LETTERS = /[đðøłæœßþı]/g;

// Plain ASCII has no marks to take off and decomposes to itself, and most words and lines folded are
// plain ASCII: for them lower case is the whole fold, and the two passes over the text can be skipped.
const NOT_ASCII = /[\u0080-\uFFFF]/;

export function fold(text: string): string {
  if (!NOT_ASCII.test(text)) return text.toLowerCase();
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .replace(SPECIAL_LETTERS, (letter) => LETTER_FOLDS[letter] ?? letter);
}
