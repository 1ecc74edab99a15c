/**
 * Worker threads run the parser joined into one JavaScript file, so they start without a TypeScript
 * loader of their own (docs/decisions/0020-worker-threads-run-one-script.md).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { runParseJob } from '../../../src/ingest/parse-job.ts';
import type { WorkerReply } from '../../../src/ingest/parse-pool.ts';
import { TYPESCRIPT_WORKER_ENTRY, workerEntry } from '../../../src/ingest/worker-script.ts';
import { SEED_FILES, SEEDS_DIR } from './support.ts';

describe('the worker threads script', () => {
  it('is one JavaScript file that imports packages only, none of our TypeScript', async () => {
    const entry = await workerEntry();
    expect(entry.href).not.toBe(TYPESCRIPT_WORKER_ENTRY.href);
    expect(entry.pathname).toMatch(/\/node_modules\/\.cache\/dispatch-reader\/parse-worker\/\w+\.mjs$/);
    const code = readFileSync(entry, 'utf8');
    expect(code).not.toMatch(/from\s*["']\.{1,2}\//);
    expect(code).not.toMatch(/\.ts["']/);
    expect(await workerEntry()).toEqual(entry);
  });

  it('starts a thread that reads a seed exactly as the calling thread does', async () => {
    const job = { fileName: SEED_FILES['003'], bytes: new Uint8Array(readFileSync(join(SEEDS_DIR, SEED_FILES['003']))) };
    const worker = new Worker(await workerEntry(), { execArgv: [] });
    try {
      const reply = await new Promise<WorkerReply>((resolve, reject) => {
        worker.on('error', reject);
        worker.on('message', (message: WorkerReply) => {
          if (message.kind === 'ready') worker.postMessage({ id: 1, job });
          else resolve(message);
        });
      });
      const here = runParseJob(job);
      if (!here.ok) throw new Error(here.problems.join('\n'));
      // The entry, as text and as the bytes the thread handed over; the dispatch itself stays there.
      expect(reply).toEqual({ kind: 'done', id: 1, outcome: { ok: true, json: here.json, bytes: here.bytes } });
      expect(here.bytes?.length).toBeGreaterThan(1000);
    } finally {
      await worker.terminate();
    }
  }, 30_000);
});
