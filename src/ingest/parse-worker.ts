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

function reply(message: WorkerReply): void {
  port?.postMessage(message);
}

// One file at a time, synchronously: should the thread ever die, the file it was on is the oldest
// one the pool is still waiting for.
port.on('message', ({ id, job }: WorkerRequest & { job: ParseJob }) => {
  const outcome = runParseJob(job);
  // The JSON alone crosses: a string is copied at once, an object field by field.
  reply({ kind: 'done', id, outcome: outcome.ok ? { ok: true, json: outcome.json } : outcome });
});

reply({ kind: 'ready' });
