/**
 * Where the article starts, and what stands above it. The lede is the first line that opens with a
 * wire mark (the archive's " date … —" header, "(Xinhua) --", "(VNA) –", "【ハノイ共同】"…) or, failing
 * that, the first line that reads as prose. Above it: the headline, maybe a standfirst, and furniture.
 * The three shapes the archive first held (wire header, VOV marker, outlet line) are strong evidence
 * here, never gates: a page in none of them is read the same way.
 */
import { splitCredit } from './captions.ts';
import { furnitureKind, type KindOf, type LineKind } from './furniture.ts';
import { type LedeMarker, readLedeMarker } from './lede-marker.ts';
import type { Field, SourceLine } from './reading.ts';
import { isUnspaced, textSize } from './text.ts';
import { looksLikeHeadline } from './title.ts';
import { readWire, type WireHeader } from './wire.ts';

export interface PageHead {
  shape: string;
  /** The headline, with the line it is on. */
  title: (Field<string> & { line: SourceLine }) | null;
  standfirst: SourceLine | null;
  wire: WireHeader | null;
  marker: LedeMarker | null;
  /** The article's lines: the lede first (without its header or marker), then the rest of the file. */
  article: SourceLine[];
  /** Lines above the lede that are neither the title nor the standfirst, each with its kind if furniture. */
  head: Array<{ line: SourceLine; kind: LineKind | null }>;
  warnings: string[];
}

// Saved pages can carry a long run of menus and banners above the article; the lede is looked for
// among this many lines.
const HEAD_SEARCH_LINES = 60;

/** True for a line a reader would read as running text rather than a heading or a label. */
export function readsAsProse(text: string): boolean {
  if (text.length >= 200) return true;
  const size = textSize(text);
  if (/[.!?…。！？]["”»’)）」]*$/u.test(text) && size >= 5) return true;
  if (isUnspaced(text) && /[。！？]/u.test(text) && size >= 8) return true;
  return /[,;，]$/u.test(text) && size >= 12;
}

export function readPageHead(lines: readonly SourceLine[], kindOf: KindOf = (line) => furnitureKind(line.text)): PageHead {
  const wire = readWire(lines);
  if (wire !== null) {
    const titleLine = wire.title === null ? undefined : lines[0];
    const titleLines = titleLine === undefined ? [] : [titleLine];
    const at = lines.indexOf(wire.headerLine);
    const lede = wire.header.rest === '' ? [] : [{ ...wire.headerLine, text: wire.header.rest }];
    return {
      shape: 'wire story (date header)',
      title: wire.title === null || titleLine === undefined ? null : { ...wire.title, line: titleLine },
      standfirst: null,
      wire: wire.header,
      marker: null,
      article: [...lede, ...lines.slice(at + 1)],
      head: lines.slice(0, at).filter((line) => !titleLines.includes(line)).map((line) => ({ line, kind: null })),
      warnings: wire.header.warnings,
    };
  }
  const window = lines.slice(0, HEAD_SEARCH_LINES);
  const kinds = window.map(kindOf);
  const ledeAt = findLede(window, kinds);
  if (ledeAt === null) return readWithoutLede(lines, kinds);
  const ledeLine = lines[ledeAt.index];
  if (ledeLine === undefined) return readWithoutLede(lines, kinds);
  const rest = ledeAt.marker === null ? ledeLine.text : ledeAt.marker.rest;
  // Only the lines above the lede are looked at for a caption: below it, the article reads its own.
  const above = window.slice(0, ledeAt.index).map((line, index) => ({ line, kind: kinds[index] ?? captionKind(line) }));
  const { title, standfirst, head } = readHeadBlock(above);
  return {
    shape: shapeOf(ledeAt.marker, head),
    title,
    standfirst,
    wire: null,
    marker: ledeAt.marker,
    article: [{ ...ledeLine, text: rest }, ...lines.slice(ledeAt.index + 1)],
    head,
    warnings: [],
  };
}

/** A picture's caption with its credit ("… at the talks in Hanoi. (Photo: VNA)"), which is never the headline. */
function captionKind(line: SourceLine): LineKind | null {
  return splitCredit(line.text) === null ? null : 'caption';
}

function shapeOf(marker: LedeMarker | null, head: ReadonlyArray<{ kind: LineKind | null }>): string {
  if (marker !== null) return `page with a lede marker (${marker.form})`;
  if (head.some((entry) => entry.kind === 'outlet-line')) return 'translated page (outlet and date line)';
  return 'page without a lede marker';
}

/** The indexes of the first `count` lines (not furniture) that read as the article's text. */
function firstProseLines(lines: readonly SourceLine[], kinds: ReadonlyArray<LineKind | null>, count: number): number[] {
  const found: number[] = [];
  for (let index = 0; index < lines.length && found.length < count; index += 1) {
    const line = lines[index];
    if (line !== undefined && kinds[index] === null && readsAsLedeText(line.text)) found.push(index);
  }
  return found;
}

/** Prose, or a longer line that is no headline: text, even when it does not end like a sentence. */
function readsAsLedeText(text: string): boolean {
  return readsAsProse(text) || (textSize(text) >= 8 && !looksLikeHeadline(text));
}

/**
 * The lede: the first line with a wire mark at its start, or else the first prose line. A prose line
 * above a marked lede, or above a date or outlet line that stands between it and the next prose line,
 * is the standfirst, not the lede.
 */
function findLede(lines: readonly SourceLine[], kinds: ReadonlyArray<LineKind | null>): { index: number; marker: LedeMarker | null } | null {
  const prose = firstProseLines(lines, kinds, 2);
  // A marked lede comes first or right under a standfirst; a marker further down starts another text.
  const markerSearchEnd = prose[1] ?? lines.length;
  for (let index = 0; index <= Math.min(markerSearchEnd, lines.length - 1); index += 1) {
    const line = lines[index];
    if (line === undefined || kinds[index] !== null) continue;
    const marker = readLedeMarker(line.text);
    if (marker !== null && textSize(marker.rest) >= 4) return { index, marker };
  }
  const [first, second] = prose;
  if (first === undefined) return null;
  if (second !== undefined && separatedByHeadFurniture(kinds, first, second)) return { index: second, marker: null };
  return { index: first, marker: null };
}

// What sits between a standfirst and the lede: the date, outlet, byline, source and share lines.
const BETWEEN_STANDFIRST_AND_LEDE = new Set<LineKind>(['outlet-line', 'date-line', 'byline', 'source', 'widget', 'site-title']);

function separatedByHeadFurniture(kinds: ReadonlyArray<LineKind | null>, first: number, second: number): boolean {
  const between = kinds.slice(first + 1, second);
  return between.length > 0 && between.every((kind) => kind !== null && BETWEEN_STANDFIRST_AND_LEDE.has(kind));
}

/**
 * The block of lines right above the lede (furniture skipped): its first headline-like line is the
 * title, and a longer line under it is the standfirst. Everything else above the lede is left out.
 */
function readHeadBlock(above: ReadonlyArray<{ line: SourceLine; kind: LineKind | null }>): { title: PageHead['title']; standfirst: SourceLine | null; head: Array<{ line: SourceLine; kind: LineKind | null }> } {
  const block: SourceLine[] = [];
  for (let index = above.length - 1; index >= 0; index -= 1) {
    const entry = above[index];
    if (entry === undefined) continue;
    if (entry.kind !== null) {
      // The caption of a picture at the top ("… at the talks in Hanoi. (Photo: VNA)") is never the
      // headline, and a headline may stand above it.
      if (block.length === 0 || BETWEEN_STANDFIRST_AND_LEDE.has(entry.kind) || entry.kind === 'caption') continue;
      break;
    }
    block.unshift(entry.line);
  }
  const { titleLine, standfirst } = headlineAndStandfirst(block);
  const used = new Set([titleLine, standfirst]);
  return {
    title: titleLine === null ? null : { value: titleLine.text, how: 'headline line above the lede', line: titleLine },
    standfirst,
    head: above.filter((entry) => !used.has(entry.line)),
  };
}

/**
 * The headline is the last headline-like line of the block: labels and site names stand above it.
 * A line under it that reads as prose, or a long headline-like line under a headline of comparable
 * length (a deck), is the standfirst.
 */
function headlineAndStandfirst(block: readonly SourceLine[]): { titleLine: SourceLine | null; standfirst: SourceLine | null } {
  const candidates = block.filter((line) => looksLikeHeadline(line.text));
  const last = candidates[candidates.length - 1];
  const previous = candidates[candidates.length - 2];
  if (last !== undefined && previous !== undefined && isDeck(last.text, previous.text)) return { titleLine: previous, standfirst: last };
  const titleLine = last ?? null;
  const lastLine = block[block.length - 1];
  const below = lastLine !== undefined && titleLine !== null && block.indexOf(lastLine) > block.indexOf(titleLine);
  return { titleLine, standfirst: below && lastLine !== undefined && (readsAsProse(lastLine.text) || textSize(lastLine.text) >= 8) ? lastLine : null };
}

// A deck says more than its headline: a dozen words or more, a fifth longer; a label above a headline
// is less than half its length.
function isDeck(text: string, headline: string): boolean {
  const size = textSize(text);
  const headlineSize = textSize(headline);
  return size >= 12 && size >= 1.2 * headlineSize && headlineSize >= 0.5 * size;
}

/** No line reads as prose: the first headline-like line is the title, and every other line is the article. */
function readWithoutLede(lines: readonly SourceLine[], kinds: ReadonlyArray<LineKind | null>): PageHead {
  const head: Array<{ line: SourceLine; kind: LineKind | null }> = [];
  let index = 0;
  while (index < lines.length && kinds[index] !== null && kinds[index] !== undefined) {
    const line = lines[index];
    if (line !== undefined) head.push({ line, kind: kinds[index] ?? null });
    index += 1;
  }
  const first = lines[index];
  const hasTitle = first !== undefined && index + 1 < lines.length && looksLikeHeadline(first.text);
  return {
    shape: 'page without a lede marker',
    title: hasTitle ? { value: first.text, how: 'first line, which reads as a headline', line: first } : null,
    standfirst: null,
    wire: null,
    marker: null,
    article: lines.slice(hasTitle ? index + 1 : index),
    head,
    warnings: [],
  };
}
