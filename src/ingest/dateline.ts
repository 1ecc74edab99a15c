/**
 * Datelines as a reader writes them. Wire headers shout the city ("HO CHI MINH CITY"); the bundle
 * stores "Ho Chi Minh City". Small words inside names stay lower-case ("Rio de Janeiro").
 */

const LOWER_INSIDE_NAMES = new Set(['au', 'aux', 'lès', 'de', 'da', 'do', 'dos', 'das', 'del', 'der', 'di', 'du', 'des', 'la', 'le', 'of', 'on', 'upon', 'am', 'an', 'sur', 'en', 'y', 'al', 'el']);

export function cityAsWritten(city: string): string {
  // Already mixed case: the writer chose the spelling, keep it.
  if (/\p{Ll}/u.test(city)) return city;
  return city
    .toLowerCase()
    .split(' ')
    .map((word, index) => word.split('-').map((part, partIndex) => capitalise(part, index + partIndex > 0)).join('-'))
    .join(' ');
}

function capitalise(word: string, inside: boolean): string {
  if (inside && LOWER_INSIDE_NAMES.has(word)) return word;
  // "N'DJAMENA" → "N'Djamena": a one-letter prefix before an apostrophe is a particle.
  const apostrophe = /^(\p{L})(['’])(\p{L})/u.exec(word);
  if (apostrophe !== null) return word.charAt(0).toUpperCase() + word.charAt(1) + word.charAt(2).toUpperCase() + word.slice(3);
  const first = Array.from(word)[0] ?? '';
  return first.toUpperCase() + word.slice(first.length);
}
