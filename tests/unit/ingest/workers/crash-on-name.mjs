// A stand-in for the ingest's worker thread that speaks its protocol but dies, as a thread out of
// memory would, on any file named "crash.txt", and "parses" every other file into a tiny JSON.
import { parentPort } from 'node:worker_threads';

parentPort.on('message', ({ id, job }) => {
  if (job.fileName === 'crash.txt') process.exit(3);
  if (job.fileName === 'throw.txt') setImmediate(() => { throw new Error('out of memory, as it were'); });
  else parentPort.postMessage({ kind: 'done', id, outcome: { ok: true, json: JSON.stringify({ sourceFile: job.fileName }) } });
});
parentPort.postMessage({ kind: 'ready' });
