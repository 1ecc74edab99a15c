/**
 * The work one file needs once its bytes are read and no cached dispatch fits: read it into a checked
 * dispatch, as its bundle entry (JSON laid out as the bundle holds it). The same function runs in a
 * worker thread and on the calling thread. The entry is made once, here, where the parsing is spread
 * over the cores: the cache keeps its bytes and the bundle writer writes them as they are. A string
 * and a transferred buffer also cross from a worker thread far more cheaply than an object.
 */
import type { Dispatch } from '../core/schema.ts';
import { entryText } from './bundle-json.ts';
import { readDispatch } from './read-dispatch.ts';

export interface ParseJob {
  fileName: string;
  bytes: Uint8Array;
}

/**
 * `json` is the dispatch's bundle entry and `bytes` the same as UTF-8, in a buffer of its own (so a
 * worker thread can hand it over without a copy). On the calling thread the dispatch comes along.
 */
export type ParseOutcome = { ok: true; json: string; bytes?: Uint8Array<ArrayBuffer>; dispatch?: Dispatch } | { ok: false; problems: string[] };

const encoder = new TextEncoder();

/** A file the parser cannot handle fails alone, with a message naming it. */
export function runParseJob(job: ParseJob): ParseOutcome {
  try {
    const outcome = readDispatch(job.bytes, job.fileName);
    if (!outcome.ok) return outcome;
    const json = entryText(outcome.dispatch);
    return { ok: true, json, bytes: encoder.encode(json), dispatch: outcome.dispatch };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, problems: [`${job.fileName}: the ingest failed on this file (${reason}); please report it with the file`] };
  }
}
