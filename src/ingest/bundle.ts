/**
 * The small in-memory path from files to a validated bundle, for tests and archives of a few hundred
 * files: all or nothing, with every problem of every file collected so one run shows all that needs
 * fixing. Each file goes through the same `readDispatch` as the streaming pipeline (pipeline.ts), and
 * the bundle is written by the same pieces as the streamed one, so both give the same bytes.
 */
import type { z } from 'zod';
import { type Bundle, bundleSchema, type Dispatch, SCHEMA_VERSION } from '../core/schema.ts';
import { bundleClosing, bundleOpening, countryNamesFor, dispatchEntry } from './bundle-json.ts';
import { duplicateIdProblems } from './duplicate-ids.ts';
import { compareCodeUnits, type SourceFile } from './folder.ts';
import { readDispatch } from './read-dispatch.ts';
import type { ReportRow } from './report.ts';

export type BuildResult = { ok: true; bundle: Bundle; rows: ReportRow[] } | { ok: false; errors: string[] };

export function buildBundle(files: readonly SourceFile[]): BuildResult {
  const sorted = [...files].sort((a, b) => compareCodeUnits(a.fileName, b.fileName));
  const duplicates = duplicateIdProblems(sorted.map((file) => file.fileName));
  const errors: string[] = [];
  const dispatches: Dispatch[] = [];
  for (const file of sorted) {
    const duplicate = duplicates.get(file.fileName);
    const outcome = duplicate === undefined ? readDispatch(file.bytes, file.fileName) : { ok: false as const, problems: [duplicate] };
    if (outcome.ok) dispatches.push(outcome.dispatch);
    else errors.push(...outcome.problems);
  }
  return errors.length === 0 ? validateBundle(dispatches) : { ok: false, errors };
}

/**
 * The bundle around parsed dispatches, checked against the whole schema. A failure names the file and
 * the field, so a parser slip points straight at the dispatch that shows it.
 */
export function validateBundle(unordered: readonly Dispatch[]): BuildResult {
  const dispatches = [...unordered].sort((a, b) => compareCodeUnits(a.sourceFile, b.sourceFile));
  const candidate = {
    schemaVersion: SCHEMA_VERSION,
    dispatches,
    countryNames: countryNamesFor(dispatches.flatMap((dispatch) => dispatch.countries)),
  };
  const validated = bundleSchema.safeParse(candidate);
  if (!validated.success) return { ok: false, errors: validated.error.issues.map((issue) => describeIssue(issue, dispatches)) };
  return { ok: true, bundle: validated.data, rows: validated.data.dispatches.map(toReportRow) };
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

export function toReportRow(dispatch: Dispatch): ReportRow {
  return { file: dispatch.sourceFile, title: dispatch.title, date: dispatch.date, countries: dispatch.countries, warnings: dispatch.warnings };
}

/** The bundle as JSON: the same bundle always gives the same bytes, whatever order its keys were set in. */
export function serializeBundle(bundle: Bundle): string {
  return bundleOpening() + bundle.dispatches.map(dispatchEntry).join('') + bundleClosing(bundle.dispatches.length, bundle.countryNames);
}
