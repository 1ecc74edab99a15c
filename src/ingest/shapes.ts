/**
 * The three shapes the archive holds, recognised by their own marks (a wire header, a VOV marker, an
 * outlet line), never by file name. Text in none of them still becomes a dispatch: its first line is the
 * title when it reads like a headline, and warnings say what could not be found.
 */
import { isSiteBanner } from './furniture.ts';
import { NOT_YET, type ShapeReading, type SourceLine } from './reading.ts';
import { looksLikeHeadline } from './title.ts';
import { readTranslatedPage } from './translated-page.ts';
import { readVov } from './vov.ts';
import { readWire } from './wire.ts';

export function readShape(lines: readonly SourceLine[]): ShapeReading {
  return readWire(lines) ?? readVov(lines) ?? readTranslatedPage(lines) ?? readUnrecognised(lines);
}

function readUnrecognised(lines: readonly SourceLine[]): ShapeReading {
  const bannerCount = lines.findIndex((line) => !isSiteBanner(line.text));
  const banners = lines.slice(0, bannerCount === -1 ? lines.length : bannerCount);
  const rest = lines.slice(banners.length);
  const [first, ...after] = rest;
  const hasHeadline = first !== undefined && after.length > 0 && looksLikeHeadline(first.text);
  return {
    shape: 'unrecognised (no wire header, VOV marker or outlet line)',
    title: hasHeadline ? { value: first.text, how: 'first line, which reads as a headline' } : null,
    standfirst: null,
    date: { value: null, how: 'none found' },
    dateline: { value: null, how: 'none found' },
    agency: NOT_YET,
    lines: hasHeadline ? after : rest,
    discarded: banners,
    warnings: [
      'the text has none of the known shapes (wire header, VOV marker, outlet line)',
      'no date in the text',
    ],
  };
}
