/**
 * The bundle's JSON text, piece by piece: the opening, one dispatch at a time, the closing with the
 * country names. Written whole (serializeBundle) or streamed (bundle-writer.ts), the same bundle always
 * gives the same bytes, laid out as `JSON.stringify(bundle, null, 2)` would lay it out. The names come
 * last because they are known only once every dispatch has been seen (decision 0027).
 */
import { type Dispatch, dispatchSchema, imageSchema, provenanceSchema, SCHEMA_VERSION } from '../core/schema.ts';
import { countryName } from './countries.ts';

// Keys in the order the schema declares them (id first, discarded last): the output never depends on
// how an object happened to be built. Read from the schemas once, not for every dispatch.
const DISPATCH_KEYS = Object.keys(dispatchSchema.shape);
const IMAGE_KEYS = Object.keys(imageSchema.shape);
const PROVENANCE_KEYS = Object.keys(provenanceSchema.shape);

function inKeyOrder<T extends object>(value: T, keys: readonly string[]): T {
  const ordered: Record<string, unknown> = {};
  for (const key of keys) ordered[key] = (value as Record<string, unknown>)[key];
  return ordered as T;
}

function canonicalDispatch(dispatch: Dispatch): Dispatch {
  return inKeyOrder(
    {
      ...dispatch,
      images: dispatch.images.map((image) => inKeyOrder(image, IMAGE_KEYS)),
      provenance: inKeyOrder(dispatch.provenance, PROVENANCE_KEYS),
    },
    DISPATCH_KEYS,
  );
}

/** Every line after the first moved right, so a value nests at its place in the bundle. */
function indented(json: string, spaces: number): string {
  return json.replaceAll('\n', `\n${' '.repeat(spaces)}`);
}

/** The English name of each country code, sorted by code: every code a dispatch uses gets a name. */
export function countryNamesFor(codes: Iterable<string>): Record<string, string> {
  return Object.fromEntries([...new Set(codes)].sort().map((code) => [code, countryName(code)]));
}

/** Everything before the first dispatch. */
export function bundleOpening(): string {
  return `{\n  "schemaVersion": ${SCHEMA_VERSION},\n  "dispatches": [`;
}

/** One dispatch in the list; `index` says whether a comma goes before it. */
export function dispatchEntry(dispatch: Dispatch, index: number): string {
  return `${index === 0 ? '' : ENTRY_SEPARATOR}${entryText(dispatch)}`;
}

/** What goes between two dispatches' entries. */
export const ENTRY_SEPARATOR = ',';

/**
 * A dispatch as the bundle holds it, without the comma before it: the ingest makes this once, where it
 * parses the file, and the cache and the bundle writer keep it as it is.
 */
export function entryText(dispatch: Dispatch): string {
  // Laid out two arrays deep, the dispatch comes out already indented as the bundle nests it: one pass
  // over its text instead of a second one that moves every line right. "[\n  [" before the line break
  // that opens it and "\n  ]\n]" after it are the two arrays.
  const nested = JSON.stringify([[canonicalDispatch(dispatch)]], null, 2);
  return nested.slice(NESTED_OPENING.length, nested.length - NESTED_CLOSING.length);
}
const NESTED_OPENING = '[\n  [';
const NESTED_CLOSING = '\n  ]\n]';

/** Everything after the last of `count` dispatches: the end of the list, then the country names. */
export function bundleClosing(count: number, countryNames: Readonly<Record<string, string>>): string {
  const sorted = Object.fromEntries(Object.entries(countryNames).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return `${count === 0 ? ']' : '\n  ]'},\n  "countryNames": ${indented(JSON.stringify(sorted, null, 2), 2)}\n}\n`;
}
