/**
 * Page furniture: lines that came with the page a dispatch was saved from but are not the article
 * (site banners, outlet and date lines, image file names, source links, comment counters, "related"
 * lists). Every rule here looks at one line's own text, never at which file it is in.
 *
 * Furniture lines are short. Longer lines are always article text, which also keeps every pattern here
 * away from megabyte-long lines.
 */
import { dispatchSchema } from '../core/schema.ts';
import { fold } from '../core/fold.ts';

const FURNITURE_MAX_LENGTH = 300;

function isShort(line: string): boolean {
  return line.length <= FURNITURE_MAX_LENGTH;
}

/** "photo-2.jpg", "https://cdn.example/x.webp?w=800": a picture's file name saved in place of the picture. */
export function isImageFileName(line: string): boolean {
  return isShort(line) && /^\S+\.(?:jpe?g|png|gif|webp|avif|bmp|tiff?)(?:\?\S*)?$/i.test(line);
}

/** "Vietnam.vn - Nền tảng quảng bá Việt Nam": a site's name (a domain) and its tagline. */
export function isSiteBanner(line: string): boolean {
  return isShort(line) && /^[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+\s+[-–—|]\s+\S/u.test(line);
}

const SOURCE_LABELS = 'Kilde|Source|Sources|Källa|Quelle|Fuente|Nguồn|Fonte|Bron|Lähde|Kaynak';
const SOURCE_LINK = new RegExp(`^(${SOURCE_LABELS})\\s*:\\s*(https?://\\S+)$`, 'iu');

/** "Kilde: https://…": where a translated page says it came from. */
export function readSourceLink(line: string): { label: string; url: string } | null {
  if (!isShort(line)) return null;
  const match = SOURCE_LINK.exec(line);
  const label = match?.[1];
  const url = match?.[2];
  // Checked with the bundle's own rule, so a link the schema would refuse stays visible text instead.
  if (label === undefined || url === undefined || !dispatchSchema.shape.sourceUrl.safeParse(url).success) return null;
  return { label: `${label}:`, url };
}

// Headings that start the list of other stories under an article, in the languages the archive holds.
const TRAILER_HEADINGS = new Set(
  [
    'Related News', 'Related articles', 'Related stories', 'Related', 'Read more', 'Read also', 'See also',
    'More news', 'Also read', 'Most read', 'Latest news',
    'I samme emne', 'I samme kategori', 'Les også', 'Les mer', 'Relaterte artikler', 'Av samme forfatter',
    'Läs också', 'Läs mer', 'Relaterade artiklar', 'I samma ämne',
    'Lire aussi', 'À lire aussi', 'A lire aussi', 'Voir aussi', 'Sur le même sujet', 'Articles liés',
    'Lesen Sie auch', 'Mehr zum Thema', 'Weitere Artikel', 'Das könnte Sie auch interessieren',
    'Noticias relacionadas', 'Lea también', 'Artículos relacionados', 'Te puede interesar',
    'Tin liên quan', 'Tin cùng chuyên mục', 'Xem thêm', 'Bài liên quan',
  ].map(fold),
);

const COMMENT_COUNTER =
  /^(?:kommentar|kommentarer|comments?|commentaires?|kommentare|comentarios?|binh luan|y kien)\s*\(\d+\)$/;

/** A heading such as "Related News" or a counter such as "Kommentar (0)": the article has ended. */
export function isTrailerStart(line: string): boolean {
  if (line.length > 80) return false;
  const folded = fold(line).replace(/[\s:.…»›>-]+$/u, '').trim();
  return TRAILER_HEADINGS.has(folded) || COMMENT_COUNTER.test(folded);
}

export interface OutletLine {
  outlet: string;
  day: number;
  month: number;
  year: number;
  /** The date as the line writes it, for the provenance. */
  dateText: string;
}

// "<Name><Name>09/10/2025", "<Name> 09/10/2025", maybe with a time before or after the date.
const OUTLET_LINE =
  /^(.{1,80}?)\s*(?:\d{1,2}:\d{2}\s*)?(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[\s,|-]+\d{1,2}:\d{2}(?::\d{2})?)?$/u;

/**
 * The line a translated page prints under the standfirst: the outlet's name (often twice, logo text
 * then name) and the publication date. Name rules keep a sentence that ends in a date from passing.
 */
export function readOutletLine(line: string): OutletLine | null {
  if (line.length > 120) return null;
  const match = OUTLET_LINE.exec(line);
  if (match === null) return null;
  const [, rawName = '', day = '', month = '', year = ''] = match;
  const outlet = undoubled(rawName.replace(/[\s,|–—-]+$/u, '').trim());
  if (outlet === '' || outlet.split(' ').length > 4 || /[.!?:;]$/.test(outlet)) return null;
  if (!/^[\p{Lu}\p{N}]/u.test(outlet)) return null;
  return { outlet, day: Number(day), month: Number(month), year: Number(year), dateText: `${day}/${month}/${year}` };
}

/** "VietnamPlusVietnamPlus" → "VietnamPlus": logo alt text and name glued together by the page saver. */
function undoubled(name: string): string {
  if (name.length % 2 !== 0) return name;
  const half = name.slice(0, name.length / 2);
  return half + half === name ? half.trim() : name;
}

/** A site's section label above a headline ("Politikk", "World"): a word or three, no punctuation. */
export function looksLikeSectionLabel(line: string): boolean {
  return line.length <= 40 && line.split(' ').length <= 4 && !/[.!?,;]$/.test(line);
}
