/**
 * VOV World pages: a headline, then a lede that opens with "(VOVWORLD) -". No date, no dateline.
 * Captions come glued to their picture's alt text ("… - ảnh 1…"); the article reader handles those.
 */
import { readLeadIn } from './lead-in.ts';
import { NO_DATELINE, type ShapeReading, type SourceLine } from './reading.ts';

// Any case, any dash: "(VOVWORLD) -", "(VOVworld) –", "(VOV) —".
const VOV_MARKER = /^\(\s*VOV\s*(world)?\s*\)\s*[-–—:]?\s*/iu;
// The marker opens the lede, which comes within the first few lines of a page.
const MARKER_SEARCH_LINES = 6;

export function readVov(lines: readonly SourceLine[]): ShapeReading | null {
  const markerAt = lines.slice(0, MARKER_SEARCH_LINES).findIndex((line) => VOV_MARKER.test(line.text.slice(0, 40)));
  const markerLine = lines[markerAt];
  if (markerLine === undefined) return null;
  const marker = VOV_MARKER.exec(markerLine.text.slice(0, 40));
  if (marker === null) return null;
  const leadIn = readLeadIn(lines.slice(0, markerAt), false, 'headline line above the (VOVWORLD) lede');
  const lede = markerLine.text.slice(marker[0].length);
  const markerText = marker[0].trim();
  return {
    shape: 'VOV World page ("(VOVWORLD)" marker)',
    title: leadIn.title,
    standfirst: null,
    date: { value: null, how: 'none in the text (VOV pages carry no date)' },
    dateline: NO_DATELINE,
    agency: { value: marker[1] === undefined ? 'VOV' : 'VOV World', how: `lede marker "${markerText}"` },
    lines: [...(lede === '' ? [] : [{ ...markerLine, text: lede }]), ...lines.slice(markerAt + 1)],
    discarded: [...leadIn.discarded, { ...markerLine, text: markerText }],
    warnings: [...leadIn.warnings, 'no date in the text'],
  };
}
