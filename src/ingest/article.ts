/**
 * From the lines a shape reader leaves to the article itself: the footer cut off (its source link kept),
 * pictures turned into images, the sign-off turned into the agency, and what remains as paragraphs.
 */
import type { DispatchImage } from '../core/schema.ts';
import { captionToImage, readGluedCaption, splitCredit } from './captions.ts';
import { isImageFileName, isTrailerStart, readSourceLink } from './furniture.ts';
import type { SourceLine } from './reading.ts';
import { splitSignOff } from './signoff.ts';
import { collapseSpaces } from './text.ts';

export interface Article {
  paragraphs: string[];
  images: DispatchImage[];
  sourceUrl: string | null;
  signOff: SignOffLine | null;
  discarded: SourceLine[];
  warnings: string[];
}

/** The agency a sign-off names, and the sign-off as written on its line. */
export interface SignOffLine {
  agency: string;
  line: SourceLine;
}

export function readArticle(lines: readonly SourceLine[]): Article {
  const { story, trailer } = splitTrailer(lines);
  const discarded: SourceLine[] = [];
  let sourceUrl: string | null = null;
  for (const line of trailer) {
    const link = readSourceLink(line.text);
    if (link !== null && sourceUrl === null) {
      sourceUrl = link.url;
      discarded.push({ ...line, text: link.label });
    } else {
      discarded.push(line);
    }
  }
  const { paragraphs, images, furniture } = separatePictures(story);
  discarded.push(...furniture);
  const signOff = takeSignOff(paragraphs);
  return {
    paragraphs: paragraphs.map((line) => collapseSpaces(line.text)).filter((text) => text !== ''),
    images,
    sourceUrl,
    signOff,
    discarded,
    warnings: trailerWarnings(trailer),
  };
}

/**
 * Footers hold headlines and menu words, not sentences. A long line ending like a sentence after the
 * footer marker may be story text placed after it: it stays left out, but a warning says so.
 */
function trailerWarnings(trailer: readonly SourceLine[]): string[] {
  const sentences = trailer.filter((line) => line.text.length > 80 && /[.!?]["”»’)]?$/u.test(line.text));
  const first = sentences[0];
  if (first === undefined || trailer[0] === undefined) return [];
  const count = sentences.length === 1 ? 'a line that reads' : `${sentences.length} lines that read`;
  return [`after the footer line "${trailer[0].text}", ${count} like article text, left out: "${first.text.slice(0, 60)}…"`];
}

/** Everything from the first footer line on ("Related News", "Kilde: …", "Kommentar (0)") is not the story. */
function splitTrailer(lines: readonly SourceLine[]): { story: SourceLine[]; trailer: SourceLine[] } {
  // The first line is the story's own; a trailer can only follow some text.
  const start = lines.findIndex((line, index) => index > 0 && (isTrailerStart(line.text) || readSourceLink(line.text) !== null));
  if (start === -1) return { story: [...lines], trailer: [] };
  return { story: lines.slice(0, start), trailer: lines.slice(start) };
}

/**
 * Pictures: a file name line (furniture) with its caption right under it, a VOV glued caption, or any
 * line that ends in a photo credit.
 */
function separatePictures(lines: readonly SourceLine[]): {
  paragraphs: SourceLine[];
  images: DispatchImage[];
  furniture: SourceLine[];
} {
  const paragraphs: SourceLine[] = [];
  const images: DispatchImage[] = [];
  const furniture: SourceLine[] = [];
  let afterFileName = false;
  for (const line of lines) {
    const captionOfFileName = afterFileName && !line.blankBefore;
    afterFileName = false;
    if (isImageFileName(line.text)) {
      furniture.push(line);
      afterFileName = true;
      continue;
    }
    const caption = captionOfFileName ? captionToImage(line.text) : null;
    if (caption !== null) {
      images.push(caption);
      continue;
    }
    const glued = readGluedCaption(line.text);
    if (glued !== null) {
      images.push(glued.image);
      furniture.push({ ...line, text: glued.glue });
      continue;
    }
    const credited = splitCredit(line.text);
    if (credited !== null) {
      images.push(credited);
      continue;
    }
    paragraphs.push(line);
  }
  return { paragraphs, images, furniture };
}

/** Removes the sign-off from the last paragraph (or the paragraph, when it is only the sign-off). */
function takeSignOff(paragraphs: SourceLine[]): SignOffLine | null {
  const last = paragraphs[paragraphs.length - 1];
  if (last === undefined) return null;
  const signOff = splitSignOff(last.text);
  if (signOff === null) return null;
  const written = last.text.slice(signOff.text.length).trim();
  if (signOff.text === '') paragraphs.pop();
  else paragraphs[paragraphs.length - 1] = { ...last, text: signOff.text };
  return { agency: signOff.agency, line: { ...last, text: written } };
}
