/**
 * Picture captions and their credits. Saved pages keep a picture as its caption (and maybe its file
 * name); the caption belongs to `images`, not to the article's paragraphs.
 */
import type { DispatchImage } from '../core/schema.ts';
import { collapseSpaces, tail } from './text.ts';

const CREDIT_WORDS = 'Foto|Photo|Photos|Ảnh|Bild|Fotó|Imagen|Crédit photo|Credit|Photo credit';
// "(Foto: Thong Nhat/VNA)" at the end of a caption.
const PARENTHESISED_CREDIT = new RegExp(`\\(\\s*(?:${CREDIT_WORDS})\\s*:\\s*([^()]{1,100})\\)$`, 'iu');
// "… in Beijing. — XINHUA/VNA Photo": a dash, then an agency and the word for photo.
const DASHED_CREDIT = /\s[—–-]\s*([^—–\s][^—–]{0,80})$/u;
// "… at the talks. VNA/VNS Photo Trọng Đức": an agency photo credit after the last sentence.
const TRAILING_AGENCY_CREDIT = /[.!?]\s+(\p{Lu}{2,}(?:\/\p{Lu}[\p{L}+]*)*\s+(?:Photo|Ảnh|Foto)(?:\s[^.!?—–]{1,40})?)$/u;
// "… in Thanh Hoa province, Vietnam, Nov. 30, 2026. (Xinhua/Hu Jiali)": a wire photo's agency and
// photographer, as Xinhua and VNA sign their pictures.
// The photographer is a person's name: "(TTXVN/Vietnam+)" and "(VNA/VNS)" credit a story, not a picture.
const AGENCY_PHOTOGRAPHER_CREDIT = /[.!?]\s*\(\s*((?:Xinhua|XINHUA|VNA|TTXVN)\s*\/\s*\p{Lu}[\p{Ll}\p{M}]+(?:\s+\p{Lu}[\p{Ll}\p{M}]+){1,3})\)$/u;
// "… at the talks. [Photo/Xinhua]": a credit in square brackets, as Chinese outlets print it.
const BRACKETED_CREDIT = /\[\s*(?:Photo|Photos|Foto)\s*[/:：]\s*([^\]]{1,60})\]$/iu;
// "… in Aichi Prefecture, Japan. Photo by VnExpress/Giang Huy": a credit sentence after the caption.
const TRAILING_CREDIT_SENTENCE = /[.!?]\s+(?:Photo|Photos|Ảnh|Foto|Bild)\s*(?:by|:)\s*([^.!?]{1,60})$/u;
const PHOTO_WORD = /(?<!\p{L})(?:Photo|Photos|Ảnh|Foto|Bild)(?!\p{L})/iu;
const ACRONYM = /\p{Lu}{2,}/u;

// Credits sit at the end of a caption; looking at the last characters only keeps long lines cheap.
const CREDIT_WINDOW = 200;

/** Splits "Caption text. (Foto: Name/VNA)" into caption and credit; null when the line has no credit. */
// Every credit form names a photo or a credit in so many words; most paragraphs are ruled out by that.
const CREDIT_HINT = /[Pp]hoto|PHOTO|[Ảả]nh|[Ff]oto|Bild|Imagen|[Cc]r[ée]dit/;

export function splitCredit(line: string): DispatchImage | null {
  const last = tail(line, CREDIT_WINDOW);
  // A photographer's credit names no photo, but closes the line with a bracket.
  if (!CREDIT_HINT.test(last) && !(last.endsWith(')') && AGENCY_PHOTOGRAPHER_CREDIT.test(last))) return null;
  const text = collapseSpaces(line);
  const end = tail(text, CREDIT_WINDOW);
  const offset = text.length - end.length;
  const parenthesised = PARENTHESISED_CREDIT.exec(end);
  if (parenthesised?.[1] !== undefined) {
    return image(text.slice(0, offset + parenthesised.index), parenthesised[1]);
  }
  const dashed = DASHED_CREDIT.exec(end);
  const dashedCredit = dashed?.[1];
  if (dashed !== null && dashedCredit !== undefined && PHOTO_WORD.test(dashedCredit) && ACRONYM.test(dashedCredit)) {
    return image(text.slice(0, offset + dashed.index), dashedCredit);
  }
  const photographer = AGENCY_PHOTOGRAPHER_CREDIT.exec(end);
  if (photographer?.[1] !== undefined) return image(text.slice(0, offset + photographer.index + 1), photographer[1]);
  const bracketed = BRACKETED_CREDIT.exec(end);
  if (bracketed?.[1] !== undefined) return image(text.slice(0, offset + bracketed.index), bracketed[1]);
  const sentence = TRAILING_CREDIT_SENTENCE.exec(end);
  if (sentence?.[1] !== undefined) return image(text.slice(0, offset + sentence.index + 1), sentence[1]);
  const trailing = TRAILING_AGENCY_CREDIT.exec(end);
  const trailingCredit = trailing?.[1];
  if (trailing !== null && trailingCredit !== undefined) {
    return image(text.slice(0, offset + trailing.index + 1), trailingCredit);
  }
  return null;
}

function image(caption: string, credit: string): DispatchImage | null {
  const cleanCaption = caption.trim();
  const cleanCredit = credit.trim();
  if (cleanCaption === '' || cleanCredit === '') return null;
  return { caption: cleanCaption, credit: cleanCredit };
}

/** A caption line as an image: its credit split off when it has one. */
export function captionToImage(line: string): DispatchImage | null {
  const withCredit = splitCredit(line);
  if (withCredit !== null) return withCredit;
  const caption = collapseSpaces(line);
  return caption === '' ? null : { caption, credit: null };
}

export interface GluedCaption {
  image: DispatchImage;
  /** The glue and the picture's alt text, which the page saver put before the caption. */
  glue: string;
}

const GLUED_CAPTION = /^(.*?)\s*[-–—]\s*ảnh\s*\d+\s*(.*)$/iu;

/**
 * "Alt text - ảnh 1Caption": how VOV pages come out when saved as text ("ảnh" is Vietnamese for
 * picture). The caption is what follows the number; the alt text before it is usually the same words.
 */
export function readGluedCaption(line: string): GluedCaption | null {
  if (line.length > 1000 || !/ảnh\s*\d/iu.test(line)) return null;
  const match = GLUED_CAPTION.exec(line);
  if (match === null) return null;
  const [, altText = '', after = ''] = match;
  const captionText = after.trim() === '' ? altText : after;
  const found = captionToImage(captionText);
  if (found === null) return null;
  const glue = after.trim() === '' ? line.slice(altText.length).trim() : line.slice(0, line.length - after.length).trim();
  return { image: found, glue };
}
