/**
 * Agencies as they appear in URLs and file names (`?agency=vna-vns`, `facets/agency/vna-vns.json`,
 * `/feeds/agency/vna-vns.xml`). Build time only: the app reads slugs from the data.
 */
import { fold } from '../core/fold.ts';

/**
 * An agency's name as a URL segment: "Thông tấn xã Việt Nam" → "thong-tan-xa-viet-nam". Letters lose
 * case and marks; anything else becomes one "-". A name with no Latin letter or digit to keep (Cyrillic,
 * CJK) gets "agency-" and a hash of the name: stable, and safe in any URL or file name.
 */
export function agencySlugBase(name: string): string {
  const slug = fold(name).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return slug === '' ? `agency-${shortHash(name)}` : slug;
}

/**
 * A slug for every agency, never two alike. When names fold to the same slug ("Việt Nam News Agency",
 * "Viet Nam News Agency"), the first in code-point order keeps the plain slug and each other adds a
 * short hash of its own exact name, so its URL depends only on its name, not on what else collides.
 */
export function agencySlugs(names: Iterable<string>): Map<string, string> {
  const byBase = new Map<string, string[]>();
  for (const name of new Set(names)) {
    const base = agencySlugBase(name);
    byBase.set(base, [...(byBase.get(base) ?? []), name]);
  }
  const slugs = new Map<string, string>();
  const taken = new Set(byBase.keys());
  for (const [base, group] of byBase) {
    const [first, ...others] = [...group].sort(compareCodePoints);
    if (first !== undefined) slugs.set(first, base);
    for (const name of others) {
      let slug = `${base}-${shortHash(name)}`;
      // A base that itself looks like "x-1a2b3c" could equal a hashed slug; salt the hash until it is free.
      for (let salt = 1; taken.has(slug); salt += 1) slug = `${base}-${shortHash(`${name}#${salt}`)}`;
      taken.add(slug);
      slugs.set(name, slug);
    }
  }
  return slugs;
}

function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** FNV-1a, 32 bits, as six base-36 digits: short, stable across runs and platforms, no crypto needed. */
function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (const unit of new TextEncoder().encode(text)) {
    hash ^= unit;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36).padStart(7, '0').slice(-6);
}
