/**
 * One file's bytes to one checked dispatch: decode, parse, and hold the result to the schema. This is
 * the whole of the work on a file, the same in a worker thread, on the calling thread and in the small
 * in-memory path, so every path gives the same dispatch and the same messages.
 */
import type { z } from 'zod';
import { articlePath } from '../core/routes.ts';
import { type Dispatch, dispatchSchema } from '../core/schema.ts';
import { decodeDispatchBytes } from './decode.ts';
import { parseDispatch } from './dispatch.ts';

/** A dispatch the schema accepts, or every line that says why the file could not become one, each naming it. */
export type DispatchOutcome = { ok: true; dispatch: Dispatch } | { ok: false; problems: string[] };

export function readDispatch(bytes: Uint8Array, fileName: string): DispatchOutcome {
  const decoded = decodeDispatchBytes(bytes, fileName);
  if (!decoded.ok) return { ok: false, problems: [decoded.error] };
  const parsed = parseDispatch(decoded.text, fileName);
  if (!parsed.ok) return { ok: false, problems: parsed.errors };
  const problems = dispatchProblems(parsed.dispatch);
  return problems.length === 0 ? { ok: true, dispatch: parsed.dispatch } : { ok: false, problems };
}

/**
 * What the schema refuses in one dispatch, as "<file>: <field>: <what is wrong>", plus the rule that
 * ties its path to its id. A parser slip then points straight at the file and field that show it.
 */
export function dispatchProblems(dispatch: Dispatch): string[] {
  const validated = dispatchSchema.safeParse(dispatch);
  const problems = validated.success ? [] : validated.error.issues.map((issue) => describeIssue(issue, dispatch));
  if (dispatch.path !== articlePath(dispatch.id)) problems.push(`${dispatch.sourceFile}: path: must be ${articlePath(dispatch.id)}`);
  return problems;
}

function describeIssue(issue: z.core.$ZodIssue, dispatch: Dispatch): string {
  const file = typeof dispatch.sourceFile === 'string' && dispatch.sourceFile !== '' ? dispatch.sourceFile : 'a dispatch without a file name';
  return `${file}: ${issue.path.map(String).join('.') || 'dispatch'}: ${issue.message}`;
}
