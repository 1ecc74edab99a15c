/**
 * Text helpers every other ingest module leans on. All of them run in linear time: dispatch files can
 * hold megabyte-long lines, so nothing here uses a pattern that can backtrack over a whole line.
 */

// Characters with no width that page savers leave inside words ("BERLI\uFEFFN"): a byte order mark, a
// zero-width space, a word joiner and a soft hyphen. Left in, they split a word in two for every rule
// downstream. Zero-width joiners stay: some scripts need them to spell a word.
const INVISIBLE_INSIDE_WORDS = /[\uFEFF\u200B\u2060\u00AD]/g;

/** One shape of text for every rule downstream: no BOM or zero-width marks, "\n" line ends, NFC. */
export function normaliseText(text: string): string {
  // Most files need neither rewrite; one quick look saves two passes over them.
  if (!NEEDS_REWRITE.test(text)) return text.normalize('NFC');
  return text.replace(INVISIBLE_INSIDE_WORDS, '').replace(/\r\n?/g, '\n').normalize('NFC');
}
const NEEDS_REWRITE = /[\uFEFF\u200B\u2060\u00AD\r]/;

// Two or more of these in a row are layout, not meaning; a single no-break space is kept because a writer
// may have put it there on purpose ("10 000", "M. Dupont").
const SPACE_RUN = /[\t \u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]{2,}/g;

/** Trims the line and turns every run of two or more spaces (of any kind) into one plain space. */
export function collapseSpaces(line: string): string {
  return line.replace(SPACE_RUN, ' ').replace(/\t/g, ' ').trim();
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Words as a reader counts them: runs of non-space that hold at least one letter or digit. */
export function countWords(text: string): number {
  let count = 0;
  // False from a space until the word after it shows a letter or digit: the rest of a counted word
  // is only looked at for the space that ends it.
  let counted = false;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    // ASCII first, by code alone: most characters of most dispatches are ASCII.
    if (code < 128) {
      if (code === 32 || (code >= 9 && code <= 13)) counted = false;
      else if (!counted && ((code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122))) {
        count += 1;
        counted = true;
      }
    } else if (isNonAsciiSpace(code)) counted = false;
    else if (!counted && LETTER_OR_DIGIT.test(text.charAt(index))) {
      count += 1;
      counted = true;
    }
  }
  return count;
}

// The space characters of Unicode beyond ASCII by code point, so counting never runs a pattern per character.
function isNonAsciiSpace(code: number): boolean {
  return code === 0x85 || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/** The last `length` characters, so end-anchored patterns never scan a whole long line. */
export function tail(text: string, length: number): string {
  return text.length <= length ? text : text.slice(text.length - length);
}

// Scripts written without spaces between words: a "word" there is a run of characters, so counts and
// lengths are taken in characters.
const UNSPACED_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}]/u;
const UNSPACED_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}]/gu;

/** True when the text is mostly written without spaces (Chinese, Japanese, Thai). */
export function isUnspaced(text: string): boolean {
  if (!UNSPACED_SCRIPT.test(text)) return false;
  const sample = text.slice(0, 400);
  const unspaced = sample.match(UNSPACED_RUN)?.length ?? 0;
  return unspaced * 2 > sample.replace(/\s/g, '').length;
}

// Korean puts spaces between words, but a word there carries its particles and says as much as two
// or three English ones.
// By code point ranges (Thai, Lao, Khmer, Hangul Jamo, kana, CJK, Hangul syllables, CJK compatibility):
// a script property would be slower, and this runs on every short line.
const DENSE_CHARACTERS = /[\u0E00-\u0EFF\u1780-\u17FF\u1100-\u11FF\u3040-\u30FF\u3130-\u318F\u3400-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF]/g;

/** How much a text says, in words; two characters of Chinese, Japanese, Korean or Thai count as one word. */
export function textSize(text: string): number {
  const dense = text.match(DENSE_CHARACTERS)?.length ?? 0;
  if (dense === 0) return countWords(text);
  return Math.round(dense / 2) + countWords(text.replace(DENSE_CHARACTERS, ' '));
}
