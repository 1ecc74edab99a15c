/**
 * The three promises for every seed: nothing real is lost, nothing that is not the article is kept in
 * it, and nothing is invented. Checked on meaning: sentences and lines of text, not byte counts.
 */
import { describe, expect, it } from 'vitest';
import type { Dispatch } from '../../../src/core/schema.ts';
import { parseSeed, readSeed, renderedParagraphs, SEED_FILES, squash } from './support.ts';

const SEEDS = Object.keys(SEED_FILES) as Array<keyof typeof SEED_FILES>;

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

/** Every place a dispatch keeps text: the article's fields, captions, credits, the source link, furniture. */
function placesOf(dispatch: Dispatch): string[] {
  return [
    dispatch.title,
    dispatch.summary,
    ...renderedParagraphs(dispatch.body),
    ...dispatch.images.flatMap((image) => [image.caption, image.credit ?? '']),
    dispatch.sourceUrl ?? '',
    ...dispatch.discarded,
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

  it('loses no sentence: each one is in the title, summary, body, a caption or the discarded lines', () => {
    const places = placesOf(dispatch);
    const lost = sentencesOf(source)
      .map((sentence) => withoutHeaderAndSignOff(sentence, dispatch))
      .filter((sentence) => !isKept(sentence, places));
    expect(lost).toEqual([]);
  });

  it('keeps only discarded lines that are page furniture, never a sentence of the article', () => {
    const body = squash(renderedParagraphs(dispatch.body).join('\n'));
    for (const line of dispatch.discarded) expect(body).not.toContain(squash(line));
  });

  it('invents nothing: every paragraph, caption, credit and the summary is text of the seed', () => {
    const text = squash(source);
    for (const piece of [...article, ...dispatch.images.map((image) => image.credit ?? '')]) {
      expect(text).toContain(squash(piece).replace(/…$/, ''));
    }
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
