/**
 * A few worker threads sharing streams of tasks: at most two tasks in flight per worker, so memory
 * stays bounded whatever the number of tasks, and results are handed back as they come. The threads
 * start with the first task and serve every run until the pool is closed: starting one costs about a
 * second of loading code, which a rebuild with a handful of tasks per stage would otherwise pay per
 * stage. Idle threads never keep the process alive, so a build that fails between two runs still ends.
 */
import { Worker } from 'node:worker_threads';

interface Sequenced {
  seq: number;
}

type Reply<Result> = Result | { seq: number; error: string };

export class WorkerPool<Task extends Sequenced, Result extends Sequenced> {
  private workers: Worker[] = [];
  /** A thread's failure between runs, reported by the next run. */
  private broken: Error | null = null;

  constructor(
    private readonly file: URL,
    private readonly workerData: unknown,
    private readonly size: number,
  ) {}

  /** Runs every task of `tasks`, handing each result to `onResult`; resolves when all are answered. */
  async run(tasks: Iterable<Task>, onResult: (result: Result) => void | Promise<void>): Promise<void> {
    const iterator = tasks[Symbol.iterator]();
    const first = iterator.next();
    if (first.done === true) return;
    if (this.broken !== null) throw this.broken;
    const workers = this.started();
    for (const worker of workers) worker.ref();
    const waiting: Task[] = [first.value];
    const nextTask = (): Task | undefined => {
      const task = waiting.pop();
      if (task !== undefined) return task;
      const next = iterator.next();
      return next.done === true ? undefined : next.value;
    };
    const listeners: Array<[Worker, (reply: Reply<Result>) => void, (error: Error) => void]> = [];
    let inFlight = 0;
    let failed = false;
    try {
      await new Promise<void>((resolve, reject) => {
        const fail = (error: unknown) => {
          failed = true;
          reject(error instanceof Error ? error : new Error(String(error)));
        };
        const feed = (worker: Worker) => {
          if (failed) return;
          const task = nextTask();
          if (task === undefined) {
            if (inFlight === 0) resolve();
            return;
          }
          inFlight += 1;
          worker.postMessage(task);
        };
        for (const worker of workers) {
          const onMessage = (reply: Reply<Result>) => {
            inFlight -= 1;
            if ('error' in reply) return fail(new Error(reply.error));
            Promise.resolve(onResult(reply)).then(() => feed(worker), fail);
          };
          worker.on('message', onMessage);
          worker.on('error', fail);
          listeners.push([worker, onMessage, fail]);
        }
        for (let slot = 0; slot < workers.length * 2; slot += 1) {
          const worker = workers[slot % workers.length];
          if (worker !== undefined) feed(worker);
        }
      });
    } catch (error) {
      // A failed run leaves tasks in flight: the threads cannot serve another run.
      await this.close();
      throw error;
    } finally {
      for (const [worker, onMessage, onError] of listeners) {
        worker.off('message', onMessage);
        worker.off('error', onError);
      }
      for (const worker of this.workers) worker.unref();
    }
  }

  /**
   * Starts the threads ahead of the first task, so their second of loading overlaps work the caller
   * still has to do. Until a run, they keep nothing alive.
   */
  warmUp(): void {
    if (this.broken !== null) return;
    for (const worker of this.started()) worker.unref();
  }

  async close(): Promise<void> {
    const workers = this.workers;
    this.workers = [];
    await Promise.all(workers.map((worker) => worker.terminate()));
  }

  private started(): Worker[] {
    if (this.workers.length === 0) {
      this.workers = Array.from({ length: Math.max(1, this.size) }, () => {
        const worker = new Worker(this.file, { workerData: this.workerData });
        worker.on('error', (error) => (this.broken ??= error));
        return worker;
      });
    }
    return this.workers;
  }
}
