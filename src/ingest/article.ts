/**
 * The article from its lede on: furniture lines taken out wherever they stand ("Read more" blocks and
 * tag lines in the middle, share widgets, bylines), pictures turned into images, the end found at a
 * sign-off or an end marker ("— VNS", "Enditem", "(END)", "(完)", "./."), and what follows the end
 * kept out, with a warning when it reads like story text.
 */
import type { DispatchImage } from '../core/schema.ts';
import { captionToImage, readGluedCaption, splitCredit } from './captions.ts';
import { furnitureKind, isImageFileName, type KindOf, type LineKind, readRelatedHeading, readSourceLink } from './furniture.ts';
import { readsAsProse } from './layout.ts';
import type { SourceLine } from './reading.ts';
import { readClosingName, splitEndMarker, splitSignOff } from './signoff.ts';
import { collapseSpaces } from './text.ts';

export interface Article {
  paragraphs: string[];
  images: DispatchImage[];
  sourceUrl: string | null;
  signOff: SignOffLine | null;
  /** A credit in brackets as the story's last paragraph ("(TTXVN/Vietnam+)"), kept in the body. */
  attribution: string | null;
  /** Furniture lines inside and after the article, with what they are: date and source lines are evidence. */
  furniture: Array<{ line: SourceLine; kind: LineKind }>;
  discarded: SourceLine[];
  warnings: string[];
}

/** The agency a sign-off names, and the sign-off as written on its line. */
export interface SignOffLine {
  agency: string;
  line: SourceLine;
  how: string;
}

interface Reading {
  story: SourceLine[];
  images: DispatchImage[];
  furniture: Array<{ line: SourceLine; kind: LineKind }>;
  discarded: SourceLine[];
  signOff: SignOffLine | null;
  trailer: SourceLine[];
}

export function readArticle(lines: readonly SourceLine[], kindOf: KindOf = (line) => furnitureKind(line.text)): Article {
  const reading = readStory(lines, kindOf);
  let sourceUrl: string | null = null;
  for (const line of reading.trailer) {
    const link = readSourceLink(line.text);
    const credited = isImageFileName(line.text) ? null : creditedCaption(line.text);
    if (link !== null && sourceUrl === null) {
      sourceUrl = link.url;
      reading.discarded.push({ ...line, text: link.label });
    } else if (credited !== null) {
      // A credited picture after the sign-off is still the story's picture.
      reading.images.push(credited);
    } else {
      const kind = kindOf(line);
      if (kind !== null) reading.furniture.push({ line, kind });
      reading.discarded.push(line);
    }
  }
  const closing = reading.signOff === null ? takeClosingName(reading.story) : null;
  if (closing !== null) reading.discarded.push(closing.line);
  return {
    paragraphs: reading.story.map((line) => collapseSpaces(line.text)).filter((text) => text !== ''),
    images: reading.images,
    sourceUrl,
    signOff: reading.signOff ?? (closing?.kind === 'agency' ? { agency: closing.name, line: closing.line, how: `outlet named on the last line "${closing.name}"` } : null),
    attribution: attributionOf(reading.story),
    furniture: reading.furniture,
    discarded: reading.discarded,
    // Notices such as a copyright line read like sentences too; only lines of no known kind may be story.
    warnings: trailerWarnings(reading.trailer, reading.trailer.filter((line) => kindOf(line) === null)),
  };
}

// "(TTXVN/Vietnam+)", "(VNA/CVN)", "(Theo VOV)": agencies in brackets, alone on the last line.
const ATTRIBUTION = /^\((?:Theo\s+)?(\p{Lu}[\p{L}+.]*(?:\s?\/\s?\p{Lu}[\p{L}+.]*)*)\)$/u;

function attributionOf(story: readonly SourceLine[]): string | null {
  const last = story[story.length - 1];
  return last === undefined || story.length < 2 ? null : (ATTRIBUTION.exec(last.text.trim())?.[1] ?? null);
}

function creditedCaption(text: string): DispatchImage | null {
  return /Photo|Ảnh|Foto|Bild/u.test(text) ? splitCredit(text) : null;
}

function readStory(lines: readonly SourceLine[], kindOf: KindOf): Reading {
  const reading: Reading = { story: [], images: [], furniture: [], discarded: [], signOff: null, trailer: [] };
  // The lede is the story's own first line, whatever it looks like.
  const kinds = lines.map((line, index) => (index === 0 ? null : kindOf(line)));
  let afterFileName = false;
  let index = 0;
  while (index < lines.length) {
    const line = lines[index];
    if (line === undefined) break;
    const captionOfFileName = afterFileName && !line.blankBefore;
    afterFileName = false;
    const kind = kinds[index] ?? null;
    if (kind === 'source-link' || kind === 'copyright' && index === lines.length - 1) {
      reading.trailer = lines.slice(index);
      break;
    }
    if (kind === 'related' || (kind === 'tags' && isBareLabel(line.text))) {
      const single = readRelatedHeading(line.text);
      if (single !== null && single.rest !== '') {
        note(reading, line, kind);
        index += 1;
        continue;
      }
      const resumeAt = endOfList(lines, kinds, index + 1);
      if (resumeAt !== null) {
        for (const listed of lines.slice(index, resumeAt)) note(reading, listed, kind);
        index = resumeAt;
        continue;
      }
      reading.trailer = lines.slice(index);
      break;
    }
    if (kind === 'end-marker') {
      note(reading, line, kind);
      const named = /^==\s*(\p{L}+)$/u.exec(line.text.trim())?.[1];
      if (named !== undefined) reading.signOff = { agency: named, line, how: `end marker "${line.text.trim()}"` };
      reading.trailer = lines.slice(index + 1);
      break;
    }
    if (kind === 'image-file') {
      note(reading, line, kind);
      afterFileName = true;
      index += 1;
      continue;
    }
    if (kind !== null) {
      note(reading, line, kind);
      index += 1;
      continue;
    }
    if (index > 0 && takePicture(reading, line, captionOfFileName)) {
      index += 1;
      continue;
    }
    if (takeText(reading, line, storyGoesOnAfter(lines, kinds, index + 1))) {
      reading.trailer = lines.slice(index + 1);
      break;
    }
    index += 1;
  }
  return reading;
}

function note(reading: Reading, line: SourceLine, kind: LineKind): void {
  reading.furniture.push({ line, kind });
  reading.discarded.push(line);
}

function isBareLabel(text: string): boolean {
  return !/[:：]\s*\S/u.test(text) && text.length <= 30;
}

/**
 * After a "Related" or "Tags" heading come a few headlines or tags. When running text follows them
 * and the rest of the file is mostly running text, the list sat in the middle of the article and the
 * article goes on; otherwise the heading starts the page's footer. Returns where the article resumes.
 */
function endOfList(lines: readonly SourceLine[], kinds: ReadonlyArray<LineKind | null>, from: number): number | null {
  let index = from;
  while (index < lines.length && !readsAsProse(lines[index]?.text ?? '')) index += 1;
  if (index >= lines.length) return null;
  let prose = 0;
  let other = 0;
  for (let at = index; at < lines.length; at += 1) {
    const kind = kinds[at] ?? null;
    if (kind !== null && STARTS_A_LIST.has(kind)) break;
    if (kind !== null) continue;
    if (readsAsProse(lines[at]?.text ?? '')) prose += 1;
    else other += 1;
  }
  return prose > 0 && prose >= 2 * other ? index : null;
}

/**
 * Pictures: a caption right under its file name, a VOV glued caption, or a line that ends in a photo
 * credit.
 */
function takePicture(reading: Reading, line: SourceLine, captionOfFileName: boolean): boolean {
  const caption = captionOfFileName ? captionToImage(line.text) : null;
  if (caption !== null) {
    reading.images.push(caption);
    return true;
  }
  const glued = readGluedCaption(line.text);
  if (glued !== null) {
    reading.images.push(glued.image);
    reading.discarded.push({ ...line, text: glued.glue });
    return true;
  }
  const credited = splitCredit(line.text);
  if (credited !== null) {
    reading.images.push(credited);
    return true;
  }
  return false;
}

/**
 * True when running text follows (furniture skipped): a sign-off or end marker there is a stray word
 * inside the story, and ending the story at it would hide real sentences.
 */
function storyGoesOnAfter(lines: readonly SourceLine[], kinds: ReadonlyArray<LineKind | null>, from: number): boolean {
  for (let at = from; at < lines.length; at += 1) {
    const kind = kinds[at] ?? null;
    if (kind === null) return readsAsProse(lines[at]?.text ?? '');
    if (ENDS_A_STORY.has(kind)) return false;
  }
  return false;
}

// Furniture that opens the page's own lists and notices: what follows belongs to them.
const STARTS_A_LIST = new Set<LineKind>(['related', 'source-link', 'tags', 'copyright', 'end-marker']);

// Furniture that only follows a story's end: what comes after it is the page's footer.
const ENDS_A_STORY = new Set<LineKind>(['related', 'source-link', 'copyright', 'end-marker', 'tags', 'email']);

/** Adds a line of the story; true when it closes the story with a sign-off or an end marker. */
function takeText(reading: Reading, line: SourceLine, storyGoesOn: boolean): boolean {
  if (storyGoesOn) {
    reading.story.push(line);
    return false;
  }
  const end = splitEndMarker(line.text);
  if (end !== null) {
    reading.discarded.push({ ...line, text: end.marker });
    const named = /^==\s*(\p{L}+)$/u.exec(end.marker)?.[1];
    if (named !== undefined) reading.signOff = { agency: named, line: { ...line, text: end.marker }, how: `end marker "${end.marker}"` };
    const signed = end.text === '' ? null : splitSignOff(end.text);
    keep(reading, line, signed === null ? end.text : signed.text);
    if (signed !== null) reading.signOff = signOffOf(line, end.text, signed);
    return true;
  }
  const signOff = splitSignOff(line.text);
  if (signOff === null) {
    reading.story.push(line);
    return false;
  }
  keep(reading, line, signOff.text);
  reading.signOff = signOffOf(line, line.text, signOff);
  return true;
}

function keep(reading: Reading, line: SourceLine, text: string): void {
  if (text.trim() !== '') reading.story.push({ ...line, text });
}

function signOffOf(line: SourceLine, text: string, signOff: { text: string; agency: string }): SignOffLine {
  const written = text.slice(signOff.text.length).trim();
  return { agency: signOff.agency, line: { ...line, text: written }, how: `sign-off "${written}"` };
}

/** The outlet or the writer named alone on the story's last line ("共同通信", "Vũ Anh"). */
function takeClosingName(story: SourceLine[]): { kind: 'agency' | 'author'; name: string; line: SourceLine } | null {
  const last = story[story.length - 1];
  if (last === undefined || story.length < 2) return null;
  const closing = readClosingName(last.text);
  if (closing === null) return null;
  story.pop();
  return { ...closing, line: last };
}

/**
 * Footers hold headlines and menu words, not sentences. A long line ending like a sentence after the
 * end of the story may be story text placed after it: it stays left out, but a warning says so.
 */
function trailerWarnings(trailer: readonly SourceLine[], textLines: readonly SourceLine[]): string[] {
  const sentences = textLines.filter((line) => line.text.length > 80 && /[.!?]["”»’)]?$/u.test(line.text));
  const first = sentences[0];
  if (first === undefined || trailer[0] === undefined) return [];
  const count = sentences.length === 1 ? 'a line that reads' : `${sentences.length} lines that read`;
  return [`after the footer line "${trailer[0].text}", ${count} like article text, left out: "${first.text.slice(0, 60)}…"`];
}
