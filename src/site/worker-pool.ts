/**
 * A few worker threads sharing a stream of tasks: at most two tasks in flight per worker, so memory
 * stays bounded whatever the number of tasks, and results are handed back as they come.
 */
import { Worker } from 'node:worker_threads';

interface Sequenced {
  seq: number;
}

type Reply<Result> = Result | { seq: number; error: string };

export async function runInWorkers<Task extends Sequenced, Result extends Sequenced>(
  file: URL,
  workerData: unknown,
  size: number,
  tasks: Iterable<Task>,
  onResult: (result: Result) => void | Promise<void>,
): Promise<void> {
  const workers = Array.from({ length: Math.max(1, size) }, () => new Worker(file, { workerData }));
  const limit = workers.length * 2;
  const iterator = tasks[Symbol.iterator]();
  let inFlight = 0;
  let failed: Error | null = null;
  try {
    await new Promise<void>((resolve, reject) => {
      let finished = false;
      const feed = (worker: Worker) => {
        if (failed !== null || finished) return;
        const next = iterator.next();
        if (next.done) {
          if (inFlight === 0) {
            finished = true;
            resolve();
          }
          return;
        }
        inFlight += 1;
        worker.postMessage(next.value);
      };
      for (const worker of workers) {
        worker.on('message', (reply: Reply<Result>) => {
          inFlight -= 1;
          if ('error' in reply) {
            failed = new Error(reply.error);
            reject(failed);
            return;
          }
          Promise.resolve(onResult(reply)).then(
            () => feed(worker),
            (error: unknown) => {
              failed = error instanceof Error ? error : new Error(String(error));
              reject(failed);
            },
          );
        });
        worker.on('error', (error) => {
          failed = error;
          reject(error);
        });
      }
      for (let slot = 0; slot < limit; slot += 1) {
        const worker = workers[slot % workers.length];
        if (worker !== undefined) feed(worker);
      }
    });
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}
