/**
 * The bundle's JSON text, piece by piece: the opening with the country names, one dispatch at a time,
 * the closing. Written whole (serializeBundle) or streamed (bundle-writer.ts), the same bundle always
 * gives the same bytes, laid out as `JSON.stringify(bundle, null, 2)` would lay it out.
 */
import { type Dispatch, dispatchSchema, imageSchema, provenanceSchema, SCHEMA_VERSION } from '../core/schema.ts';
import { countryName } from './countries.ts';

// Keys in the order the schema declares them (id first, discarded last): the output never depends on
// how an object happened to be built.
function inSchemaOrder<T extends object>(value: T, schema: { shape: object }): T {
  return Object.fromEntries(Object.keys(schema.shape).map((key) => [key, (value as Record<string, unknown>)[key]])) as T;
}

function canonicalDispatch(dispatch: Dispatch): Dispatch {
  return inSchemaOrder(
    {
      ...dispatch,
      images: dispatch.images.map((image) => inSchemaOrder(image, imageSchema)),
      provenance: inSchemaOrder(dispatch.provenance, provenanceSchema),
    },
    dispatchSchema,
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
export function bundleOpening(countryNames: Readonly<Record<string, string>>): string {
  const sorted = Object.fromEntries(Object.entries(countryNames).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return `{\n  "schemaVersion": ${SCHEMA_VERSION},\n  "countryNames": ${indented(JSON.stringify(sorted, null, 2), 2)},\n  "dispatches": [`;
}

/** One dispatch in the list; `index` says whether a comma goes before it. */
export function dispatchEntry(dispatch: Dispatch, index: number): string {
  return `${index === 0 ? '' : ','}\n    ${indented(JSON.stringify(canonicalDispatch(dispatch), null, 2), 4)}`;
}

/** Everything after the last of `count` dispatches. */
export function bundleClosing(count: number): string {
  return count === 0 ? ']\n}\n' : '\n  ]\n}\n';
}
