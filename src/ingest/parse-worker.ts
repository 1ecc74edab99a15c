/**
 * A worker thread of the ingest: receives files' bytes, sends back checked dispatches. Loaded by
 * parse-worker.mjs, which first teaches the thread TypeScript.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { type ParseJob, runParseJob } from './parse-job.ts';
import type { WorkerReply, WorkerRequest } from './parse-pool.ts';

const port = parentPort;
if (port === null) throw new Error('parse-worker.ts runs only as a worker thread');
const { cacheDir } = workerData as { cacheDir: string };

function reply(message: WorkerReply): void {
  port?.postMessage(message);
}

// One file at a time, synchronously: should the thread ever die, the file it was on is the oldest
// one the pool is still waiting for.
port.on('message', ({ id, job }: WorkerRequest & { job: ParseJob }) => {
  try {
    reply({ kind: 'done', id, outcome: runParseJob(job, cacheDir) });
  } catch (error) {
    reply({ kind: 'failed', id, message: error instanceof Error ? error.message : String(error) });
  }
});

reply({ kind: 'ready' });
