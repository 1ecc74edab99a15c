/** Derived titles: the lede's own words, cut where a reader would cut, never ending on "of the". */
import { describe, expect, it } from 'vitest';
import { deriveTitle, firstSentence, looksLikeHeadline, TITLE_MAX } from '../../../src/ingest/title.ts';
import { derivedTitleProblems } from './support.ts';

describe('firstSentence', () => {
  it('does not end a sentence at an abbreviation or an initial', () => {
    expect(firstSentence('Mr. Trong met Dr. Kim in the U.S. capital. Then they left.')).toBe('Mr. Trong met Dr. Kim in the U.S. capital.');
  });

  it('does not end a sentence at a number followed by a lower-case word', () => {
    expect(firstSentence('De møttes 9. oktober i Pyongyang. Så reiste de.')).toBe('De møttes 9. oktober i Pyongyang.');
  });
});

describe('deriveTitle', () => {
  it('uses a short first sentence whole, without its full stop', () => {
    expect(deriveTitle('Việt Nam and Laos signed a trade deal. The deal covers rice.', 'en')).toEqual({
      title: 'Việt Nam and Laos signed a trade deal',
      how: 'derived from the lede: its main clause',
    });
  });

  it('ends an English title where the main clause ends, without an ellipsis', () => {
    const lede =
      'The Republic of Korea will provide Việt Nam with new scholarships for young diplomats, the ambassador of the Republic of Korea said at a reception in Hà Nội on Tuesday.';
    expect(deriveTitle(lede, 'en')?.title).toBe('The Republic of Korea will provide Việt Nam with new scholarships for young diplomats');
  });

  it('cuts an English clause that is too long after the titles and time words are gone, with an ellipsis', () => {
    const lede =
      'Prime Minister Pham Minh Chinh on Tuesday called on Japanese businesses to expand investment in Vietnam’s semiconductor industry, during a meeting in Tokyo.';
    const title = deriveTitle(lede, 'en')?.title ?? '';
    expect(title).toMatch(/^Pham Minh Chinh called on Japanese businesses to expand investment/);
    expect(title.endsWith('…')).toBe(true);
    expect(derivedTitleProblems(title, lede)).toEqual([]);
  });

  it('cuts a long sentence in another language at a phrase boundary, with an ellipsis', () => {
    const lede =
      'La República de Corea concederá a Vietnam nuevas becas para jóvenes diplomáticos del ministerio, dijo el embajador de la República de Corea en una recepción celebrada el martes en Hanói.';
    expect(deriveTitle(lede, 'es')?.title).toBe('La República de Corea concederá a Vietnam nuevas becas para jóvenes diplomáticos…');
  });

  it('cuts before a preposition when no punctuation is near, and drops a dangling function word', () => {
    const lede =
      'Leaders of German political parties have expressed strong interest in and admiration for Việt Nam’s development achievements and the upcoming congress.';
    const title = deriveTitle(lede, 'en')?.title ?? '';
    expect(title).toBe('Leaders of German political parties have expressed strong interest in and admiration…');
    expect(derivedTitleProblems(title, lede)).toEqual([]);
  });

  it('never leaves a bracket open', () => {
    const lede =
      'General Secretary of the Communist Party of Việt Nam (CPV Central Committee, as the party calls it) Tô Lâm on Monday received a large delegation from abroad.';
    const title = deriveTitle(lede, 'en')?.title ?? '';
    expect(title.split('(').length).toBe(title.split(')').length);
  });

  it('falls back to a word boundary when no clause boundary leaves four words', () => {
    const lede = `Extraordinarily ${'longwordsequence '.repeat(12)}ended here.`;
    const title = deriveTitle(lede, 'en')?.title ?? '';
    expect(title.endsWith('…')).toBe(true);
    expect(title.length).toBeLessThanOrEqual(TITLE_MAX + 1);
    expect(lede.startsWith(title.slice(0, -1))).toBe(true);
  });

  it('cuts a lede with no spaces at all mid-word rather than giving up', () => {
    const lede = 'x'.repeat(500);
    expect(deriveTitle(lede, 'en')?.title).toBe(`${'x'.repeat(TITLE_MAX)}…`);
  });

  it('uses the stopwords of the text’s language', () => {
    const lede =
      'Generalsekretær To Lam bekreftet at Vietnam er villig til å dele erfaringer med økonomisk innovasjon og utenriksøkonomiske forbindelser med Nord-Korea.';
    const title = deriveTitle(lede, 'nb')?.title ?? '';
    expect(derivedTitleProblems(title, lede)).toEqual([]);
    expect(title).not.toMatch(/ (og|med|til|å)…$/);
  });

  it('gives nothing for a lede without words', () => {
    expect(deriveTitle('— … —', 'en')).toBeNull();
  });
});

describe('looksLikeHeadline', () => {
  it.each([
    ['Party General Secretary Nguyen Phu Trong holds talks with Russian President Vladimir Putin', true],
    ['Fremme forholdet mellom Vietnam og Nord-Korea for å gå inn i en ny utviklingsfase', true],
    ['This is a sentence that ends with a full stop.', false],
    ['# Not a heading', false],
    ['Politikk', false],
    ['photo-2.jpg', false],
  ])('%j → %s', (line, expected) => {
    expect(looksLikeHeadline(line)).toBe(expected);
  });
});
