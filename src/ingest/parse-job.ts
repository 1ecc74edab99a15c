/**
 * The work one file needs once its bytes are read and no cached dispatch fits: read it into a checked
 * dispatch and cache the result. The same function runs in a worker thread and on the calling thread.
 */
import { writeCacheEntry } from './cache.ts';
import { type DispatchOutcome, readDispatch } from './read-dispatch.ts';

export interface ParseJob {
  fileName: string;
  /** The cache key the dispatch is stored under. */
  key: string;
  bytes: Uint8Array;
}

/**
 * A file the parser cannot handle fails alone, with a message naming it; a cache that cannot be
 * written throws, because the run could not keep its promise to read the dispatch again later.
 */
export function runParseJob(job: ParseJob, cacheDir: string): DispatchOutcome {
  let outcome: DispatchOutcome;
  try {
    outcome = readDispatch(job.bytes, job.fileName);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    outcome = { ok: false, problems: [`${job.fileName}: the ingest failed on this file (${reason}); please report it with the file`] };
  }
  if (outcome.ok) writeCacheEntry(cacheDir, job.key, outcome.dispatch);
  return outcome;
}
