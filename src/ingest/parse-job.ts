/**
 * The work one file needs once its bytes are read and no cached dispatch fits: read it into a checked
 * dispatch, as JSON. The same function runs in a worker thread and on the calling thread; JSON is what
 * the cache keeps, and a string crosses from a worker thread far more cheaply than an object.
 */
import type { Dispatch } from '../core/schema.ts';
import { readDispatch } from './read-dispatch.ts';

export interface ParseJob {
  fileName: string;
  bytes: Uint8Array;
}

/** On the calling thread the dispatch comes along; from a worker thread only its JSON crosses. */
export type ParseOutcome = { ok: true; json: string; dispatch?: Dispatch } | { ok: false; problems: string[] };

/** A file the parser cannot handle fails alone, with a message naming it. */
export function runParseJob(job: ParseJob): ParseOutcome {
  try {
    const outcome = readDispatch(job.bytes, job.fileName);
    return outcome.ok ? { ok: true, json: JSON.stringify(outcome.dispatch), dispatch: outcome.dispatch } : outcome;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, problems: [`${job.fileName}: the ingest failed on this file (${reason}); please report it with the file`] };
  }
}
