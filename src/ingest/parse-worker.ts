/**
 * A worker thread of the ingest: receives files' bytes, sends back checked dispatches. Threads run it
 * joined with the parser into one JavaScript file (worker-script.ts), or through parse-worker.mjs,
 * which first teaches the thread TypeScript.
 */
import { parentPort } from 'node:worker_threads';
import { type ParseJob, runParseJob } from './parse-job.ts';
import type { WorkerReply, WorkerRequest } from './parse-pool.ts';

const port = parentPort;
if (port === null) throw new Error('parse-worker.ts runs only as a worker thread');

function reply(message: WorkerReply, transfer: ArrayBuffer[] = []): void {
  port?.postMessage(message, transfer);
}

// One file at a time, synchronously: should the thread ever die, the file it was on is the oldest
// one the pool is still waiting for.
port.on('message', ({ id, job }: WorkerRequest & { job: ParseJob }) => {
  const outcome = runParseJob(job);
  // The dispatch stays: its entry crosses as a string, copied at once (an object is copied field by
  // field), and as bytes, handed over.
  if (!outcome.ok) return reply({ kind: 'done', id, outcome });
  const { json, bytes } = outcome;
  reply({ kind: 'done', id, outcome: { ok: true, json, bytes } }, bytes === undefined ? [] : [bytes.buffer]);
});

reply({ kind: 'ready' });
