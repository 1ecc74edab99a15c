/**
 * The language a dispatch is written in, as a BCP-47 tag. franc guesses an ISO 639-3 code from the body
 * text; iso-639-3 maps it to the two-letter code when one exists ("nob" → "nb", "eng" → "en").
 */
import { franc } from 'franc';
import { iso6393To1 } from 'iso-639-3';
import { countWords } from './text.ts';

// Below this many words franc's guesses are noise (a headline-only page reads as Scots or Frisian).
const MIN_WORDS_FOR_LANGUAGE = 12;
// franc's time grows with its sample and is most of the ingest's time; about 200 words tell the
// archive's languages apart as surely as the whole body does.
const SAMPLE_LENGTH = 1200;
// Scots shares most of its trigrams with English, and franc picks it for plain English news copy of a
// few paragraphs; no dispatch in the archive is in Scots.
const NEVER_GUESSED = ['sco'];

export interface LanguageReading {
  language: string;
  how: string;
  warning: string | null;
}

export function detectLanguage(text: string): LanguageReading {
  const sample = text.slice(0, SAMPLE_LENGTH);
  const words = countWords(sample);
  if (words < MIN_WORDS_FOR_LANGUAGE) {
    return {
      language: 'und',
      how: `not detected: ${words} word${words === 1 ? '' : 's'} of text`,
      warning: `too little text to tell the language (${words} word${words === 1 ? '' : 's'})`,
    };
  }
  const code = franc(sample, { minLength: 1, ignore: NEVER_GUESSED });
  if (code === 'und') {
    return { language: 'und', how: 'franc: und', warning: 'could not tell the language of the text' };
  }
  return { language: iso6393To1[code] ?? code, how: `franc: ${code}`, warning: null };
}
