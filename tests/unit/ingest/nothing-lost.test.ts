/**
 * The three promises for every seed: nothing real is lost, nothing that is not the article is kept in
 * it, and nothing is invented. Checked on meaning: sentences and lines of text, not byte counts.
 */
import { describe, expect, it } from 'vitest';
import type { Dispatch } from '../../../src/core/schema.ts';
import { derivedTitleProblems, parseSeed, readSeed, renderedParagraphs, SEED_FILES, squash } from './support.ts';

const SEEDS = Object.keys(SEED_FILES) as Array<keyof typeof SEED_FILES>;

/**
 * The page furniture of each seed, line by line, as read in the files themselves. Written out here,
 * not taken from the ingest, so a sentence the ingest wrongly files as furniture counts as lost.
 */
const FURNITURE: Record<keyof typeof SEED_FILES, string[]> = {
  '000': [],
  '001': ['(VOVWORLD) -', 'Party General Secretary Nguyen Phu Trong holds talks with Russian President Vladimir Putin - ảnh 1', 'Related News'],
  '002': [],
  '003': [
    'Vietnam.vn - Nền tảng quảng bá Việt Nam',
    'VietnamPlusVietnamPlus09/10/2025',
    'ttxvn-tong-bi-thu-to-lam-hoi-dam-voi-tong-bi-thu-chu-tich-quoc-vu-chdcnd-trieu-tien-kim-jong-un-2.jpg',
    'ttxvn-tong-bi-thu-to-lam-hoi-dam-voi-tong-bi-thu-chu-tich-quoc-vu-chdcnd-trieu-tien-kim-jong-un-4.jpg',
    'ttxvn-le-don-tong-bi-thu-to-lam-tham-cap-nha-nuoc-toi-chdcnd-trieu-tien-6.jpg',
    'Kilde:',
    'Kommentar (0)',
    'No data',
    'No data',
    'I samme emne',
    'I samme kategori',
    'Oversvømmede områder i Lang Son sett fra et helikopter',
    'Bilde av mørke skyer som er i ferd med å kollapse i Hanoi',
    'Regnet øste ned, gatene ble til elver, folk fra Hanoi brakte båter ut i gatene',
    'Gjenoppføring av Ly-dynastiets midthøstfestival ved Thang Long keiserlige citadell',
    'Av samme forfatter',
    'Arv',
    'Figur',
    'Forretninger',
    'No videos available',
    'Aktuelle hendelser',
    'Det politiske systemet',
    'Lokalt',
    'Produkt',
  ],
  '004': [],
};

/** Sentences of a line: split after . ! ? when the next word starts a new sentence. */
function sentencesOf(text: string): string[] {
  return text
    .split('\n')
    .flatMap((line) => squash(line).split(/(?<=[.!?])\s+(?=[\p{Lu}("«“])/u))
    .filter((sentence) => /[\p{L}\p{N}]/u.test(sentence));
}

/** The header and sign-off are stored as fields (date, dateline, agency), so they are not looked for in text. */
function withoutHeaderAndSignOff(sentence: string, dispatch: Dispatch): string {
  let text = sentence;
  if (dispatch.date !== null && dispatch.dateline !== null) {
    const header = `date ${dispatch.date} ${dispatch.dateline.toUpperCase()} — `;
    if (text.startsWith(header)) text = text.slice(header.length);
  }
  if (dispatch.agency !== null && text.endsWith(` — ${dispatch.agency}`)) text = text.slice(0, -` — ${dispatch.agency}`.length);
  return text;
}

/** Every place a dispatch keeps text (its fields, captions, credits, the source link), plus the known furniture. */
function placesOf(dispatch: Dispatch, furniture: readonly string[]): string[] {
  return [
    dispatch.title,
    dispatch.summary,
    ...renderedParagraphs(dispatch.body),
    ...dispatch.images.flatMap((image) => [image.caption, image.credit ?? '']),
    dispatch.sourceUrl ?? '',
    ...furniture,
  ]
    .map(squash)
    .filter((place) => place !== '');
}

/**
 * A sentence is kept when it sits inside one place, or when it is made of places end to end (a caption
 * and its credit, a "Kilde:" label and its link, a caption's glue and the caption). Credit labels such as
 * "(Foto: …)" are the only words allowed to be left over.
 */
function isKept(sentence: string, places: readonly string[]): boolean {
  if (places.some((place) => place.includes(sentence))) return true;
  let rest = sentence;
  for (const place of [...places].sort((a, b) => b.length - a.length)) rest = rest.split(place).join(' ');
  return /^[\s()\-–—:.]*(?:Foto|Photo)?[\s():.]*$/u.test(rest);
}

describe.each(SEEDS)('seed %s', (seed) => {
  const dispatch = parseSeed(seed);
  const source = readSeed(seed);
  const article = [dispatch.title, dispatch.summary, ...renderedParagraphs(dispatch.body), ...dispatch.images.map((image) => image.caption)];

  it('loses no sentence: each one is in the title, summary, body or a caption, unless it is page furniture', () => {
    const places = placesOf(dispatch, FURNITURE[seed]);
    const lost = sentencesOf(source)
      .map((sentence) => withoutHeaderAndSignOff(sentence, dispatch))
      .filter((sentence) => !isKept(sentence, places));
    expect(lost).toEqual([]);
  });

  it('discards exactly the page furniture, and nothing of the article', () => {
    expect(dispatch.discarded).toEqual(FURNITURE[seed]);
  });

  it('invents nothing: every paragraph, caption, credit and the summary is text of the seed', () => {
    const text = squash(source);
    const pieces = [...article, ...dispatch.images.map((image) => image.credit ?? '')].filter((piece) => dispatch.titleOrigin === 'text' || piece !== dispatch.title);
    for (const piece of pieces) expect(text).toContain(squash(piece));
  });

  it('invents no word of its title: a derived title is the lede’s own words in its order', () => {
    if (dispatch.titleOrigin === 'text') expect(squash(source)).toContain(dispatch.title);
    else expect(derivedTitleProblems(dispatch.title, dispatch.summary)).toEqual([]);
  });

  it('keeps no header, sign-off, marker or page furniture in the article', () => {
    const text = article.join('\n');
    const furniture = [
      /\bdate \d{4}/, /— VNA\/VNS/, /\(VOVWORLD\)/i, /ảnh 1/, /Related News/, /Nền tảng quảng bá/, /VietnamPlusVietnamPlus/,
      /\.jpg/, /Kilde:/, /Kommentar \(0\)/, /No data/, /I samme emne/, /Av samme forfatter/, /Aktuelle hendelser/, /^Produkt$/m,
    ];
    for (const pattern of furniture) expect(text).not.toMatch(pattern);
  });
});
