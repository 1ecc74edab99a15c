/**
 * A 32-bit FNV-1a hash: names the phrase index's word pairs and the shard an id is looked up in,
 * computed alike at build time and in the browser.
 */
export function hash32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
