/**
 * Text without case or diacritics: "Việt Nam", "VIET NAM" and "viet nam" fold to the same key. Search
 * matches with it, the ingest matches country names and footer markers with it, and ids are made from
 * file names with it, so all three agree on what counts as the same word.
 */

/** Letters that carry their mark in the letter itself, so Unicode decomposition cannot strip it. */
const LETTER_FOLDS: Record<string, string> = { đ: 'd', ð: 'd', ø: 'o', ł: 'l', æ: 'ae', œ: 'oe', ß: 'ss', þ: 'th', ı: 'i' };
const COMBINING_MARKS = /\p{M}/gu;
const SPECIAL_LETTERS = /[đðøłæœßþı]/g;

export function fold(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .replace(SPECIAL_LETTERS, (letter) => LETTER_FOLDS[letter] ?? letter);
}
