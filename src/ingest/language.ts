/**
 * The language a dispatch is written in, as a BCP-47 tag. eld (an n-gram detector over 60 languages)
 * reads about 600 characters of the body in a tenth of a millisecond; it names scripts such as Chinese,
 * Japanese, Korean and Thai as surely as Latin ones. Its "no" is split into Bokmål and Nynorsk by the
 * words only one of them writes.
 */
import { eld } from 'eld/small';
import { textSize } from './text.ts';

// Below this many words a guess is noise (a headline-only page could be anything).
const MIN_WORDS_FOR_LANGUAGE = 12;
// A few hundred characters tell the archive's languages apart as surely as the whole body does, and
// eld's time grows with its sample.
export const LANGUAGE_SAMPLE_LENGTH = 200;

export interface LanguageReading {
  language: string;
  how: string;
  warning: string | null;
}

export function detectLanguage(text: string): LanguageReading {
  const sample = text.slice(0, LANGUAGE_SAMPLE_LENGTH);
  const words = textSize(sample);
  if (words < MIN_WORDS_FOR_LANGUAGE) {
    return {
      language: 'und',
      how: `not detected: ${words} word${words === 1 ? '' : 's'} of text`,
      warning: `too little text to tell the language (${words} word${words === 1 ? '' : 's'})`,
    };
  }
  const code = eld.detect(sample).language;
  if (code === '') return { language: 'und', how: 'eld: no language', warning: 'could not tell the language of the text' };
  if (code === 'no') {
    const written = norwegianForm(sample);
    return { language: written, how: `eld: no; ${written === 'nn' ? 'Nynorsk' : 'Bokmål'} by its function words`, warning: null };
  }
  return { language: code, how: `eld: ${code}`, warning: null };
}

// Words Nynorsk writes where Bokmål writes "ikke", "jeg", "hva", "hvordan", "fra", "bare", "også"…
const NYNORSK = new Set(['ikkje', 'eg', 'kva', 'korleis', 'frå', 'berre', 'òg', 'dei', 'ein', 'eit', 'vere', 'mellom', 'ho', 'noko', 'sjølv', 'kvar']);
const BOKMAL = new Set(['ikke', 'jeg', 'hva', 'hvordan', 'fra', 'bare', 'også', 'de', 'en', 'et', 'være', 'hun', 'noe', 'selv', 'hver']);

function norwegianForm(text: string): 'nb' | 'nn' {
  let nynorsk = 0;
  let bokmal = 0;
  for (const word of text.toLowerCase().split(/[^\p{L}]+/u)) {
    if (NYNORSK.has(word)) nynorsk += 1;
    else if (BOKMAL.has(word)) bokmal += 1;
  }
  return nynorsk > bokmal ? 'nn' : 'nb';
}

