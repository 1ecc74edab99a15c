import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WorkerPool } from '../../../src/site/worker-pool.ts';

// A thread that notes in a file when it has loaded, then doubles the numbers it is sent.
const THREAD = `
import { appendFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
appendFileSync(workerData.log, 'loaded\\n');
parentPort.on('message', ({ seq, n }) => parentPort.postMessage({ seq, doubled: n * 2 }));
`;

interface Task {
  seq: number;
  n: number;
}
interface Result {
  seq: number;
  doubled: number;
}

let folder = '';
let log = '';
let script: URL;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'worker-pool-'));
  log = join(folder, 'log');
  await writeFile(log, '');
  const file = join(folder, 'thread.mjs');
  await writeFile(file, THREAD);
  script = pathToFileURL(file);
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

const loadedThreads = async (): Promise<number> => (await readFile(log, 'utf8')).split('\n').filter(Boolean).length;

describe('WorkerPool', () => {
  it('starts its threads on warmUp, before any task, and runs tasks on those same threads', async () => {
    const pool = new WorkerPool<Task, Result>(script, { log }, 2);
    pool.warmUp();
    await expect.poll(loadedThreads, { timeout: 4_000 }).toBe(2);
    const results: Result[] = [];
    await pool.run([{ seq: 0, n: 1 }, { seq: 1, n: 21 }, { seq: 2, n: 5 }], (result) => void results.push(result));
    expect(results.sort((a, b) => a.seq - b.seq).map((result) => result.doubled)).toEqual([2, 42, 10]);
    expect(await loadedThreads()).toBe(2);
    await pool.close();
  });

  it('starts no thread for a run with no tasks', async () => {
    const pool = new WorkerPool<Task, Result>(script, { log }, 2);
    await pool.run([], () => {});
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await loadedThreads()).toBe(0);
    await pool.close();
  });
});
