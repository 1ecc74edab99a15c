/**
 * Files to a validated bundle. Every problem in every file is collected before giving up, so one run
 * shows all that needs fixing; nothing is written unless the whole archive is good.
 */
import type { z } from 'zod';
import { type Bundle, bundleSchema, type Dispatch, dispatchSchema, imageSchema, provenanceSchema, SCHEMA_VERSION } from '../core/schema.ts';
import { countryName } from './countries.ts';
import { decodeDispatchBytes } from './decode.ts';
import { parseDispatch } from './dispatch.ts';
import { compareCodeUnits, type SourceFile } from './folder.ts';
import { dispatchIdFromFileName } from './ids.ts';
import type { ReportRow } from './report.ts';

export type BuildResult = { ok: true; bundle: Bundle; rows: ReportRow[] } | { ok: false; errors: string[] };

export function buildBundle(files: readonly SourceFile[]): BuildResult {
  const sorted = [...files].sort((a, b) => compareCodeUnits(a.fileName, b.fileName));
  const errors = sharedIdErrors(sorted);
  const dispatches: Dispatch[] = [];
  for (const file of sorted) {
    const decoded = decodeDispatchBytes(file.bytes, file.fileName);
    if (!decoded.ok) {
      errors.push(decoded.error);
      continue;
    }
    const parsed = parseDispatch(decoded.text, file.fileName);
    if (parsed.ok) dispatches.push(parsed.dispatch);
    else errors.push(...parsed.errors);
  }
  if (errors.length === 0) return validateBundle(dispatches);
  // The schema's complaints about the files that did parse belong in the same run; a shared id is
  // already reported above, so those files are left out of this check.
  const validated = validateBundle(dispatches.filter((dispatch) => !sharesAnId(dispatch, dispatches)));
  return { ok: false, errors: validated.ok ? errors : [...errors, ...validated.errors] };
}

/**
 * The bundle around parsed dispatches, checked against the schema. A failure names the file and the
 * field, so a parser slip points straight at the dispatch that shows it.
 */
export function validateBundle(unordered: readonly Dispatch[]): BuildResult {
  const dispatches = [...unordered].sort((a, b) => compareCodeUnits(a.sourceFile, b.sourceFile));
  const codes = [...new Set(dispatches.flatMap((dispatch) => dispatch.countries))].sort();
  const candidate = {
    schemaVersion: SCHEMA_VERSION,
    countryNames: Object.fromEntries(codes.map((code) => [code, countryName(code)])),
    dispatches,
  };
  const validated = bundleSchema.safeParse(candidate);
  if (!validated.success) return { ok: false, errors: validated.error.issues.map((issue) => describeIssue(issue, dispatches)) };
  return { ok: true, bundle: validated.data, rows: validated.data.dispatches.map(toReportRow) };
}

function sharesAnId(dispatch: Dispatch, dispatches: readonly Dispatch[]): boolean {
  return dispatches.some((other) => other !== dispatch && other.id === dispatch.id);
}

/** Two files whose names fold to the same id would overwrite each other's page: name both. */
function sharedIdErrors(files: readonly SourceFile[]): string[] {
  const byId = new Map<string, string[]>();
  for (const file of files) {
    const id = dispatchIdFromFileName(file.fileName);
    if (id === '') continue;
    byId.set(id, [...(byId.get(id) ?? []), file.fileName]);
  }
  return [...byId]
    .filter(([, names]) => names.length > 1)
    .map(([id, names]) => `${listNames(names)} would ${names.length === 2 ? 'both' : 'all'} get the id "${id}"; rename all but one of them`);
}

function listNames(names: readonly string[]): string {
  const quoted = names.map((name) => `"${name}"`);
  return quoted.length <= 2 ? quoted.join(' and ') : `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1] ?? ''}`;
}

/** A zod issue as "<file>: <field>: <what is wrong>". */
function describeIssue(issue: z.core.$ZodIssue, dispatches: readonly Dispatch[]): string {
  const [root, index, ...field] = issue.path;
  if (root === 'dispatches' && typeof index === 'number') {
    const file = dispatches[index]?.sourceFile ?? `dispatch ${index}`;
    return `${file}: ${field.map(String).join('.') || 'dispatch'}: ${issue.message}`;
  }
  return `bundle: ${issue.path.map(String).join('.') || 'root'}: ${issue.message}`;
}

function toReportRow(dispatch: Dispatch): ReportRow {
  return { file: dispatch.sourceFile, title: dispatch.title, date: dispatch.date, countries: dispatch.countries, warnings: dispatch.warnings };
}

// Keys in the order the schema declares them (id first, discarded last), country codes sorted: the
// output never depends on how an object happened to be built.
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

/** The bundle as JSON: the same bundle always gives the same bytes. */
export function serializeBundle(bundle: Bundle): string {
  const countryNames = Object.fromEntries(Object.entries(bundle.countryNames).sort(([a], [b]) => compareCodeUnits(a, b)));
  const ordered = inSchemaOrder({ ...bundle, countryNames, dispatches: bundle.dispatches.map(canonicalDispatch) }, bundleSchema);
  return `${JSON.stringify(ordered, null, 2)}\n`;
}
