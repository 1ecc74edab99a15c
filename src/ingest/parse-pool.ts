/**
 * Where files are parsed: on the calling thread, or spread over worker threads so every core reads
 * dispatches. Either way a file either becomes a checked dispatch or fails alone with a message; only
 * threads that cannot start at all stop the run.
 */
import { Worker } from 'node:worker_threads';
import { ExplainedError } from './files.ts';
import { type ParseJob, type ParseOutcome, runParseJob } from './parse-job.ts';
import { TYPESCRIPT_WORKER_ENTRY } from './worker-script.ts';

export interface Parser {
  parse(job: ParseJob): Promise<ParseOutcome>;
  close(): Promise<void>;
}

export interface ThreadPool extends Parser {
  /**
   * True while every thread is still starting or already has files queued behind the one it is on: a
   * file sent now would only wait, so a caller with a core of its own may as well parse it itself.
   */
  isBusy(): boolean;
}

/**
 * Files a thread holds beyond the one it is on: enough for about 8 ms of parsing, so it keeps working
 * through a scheduler's time slice in which the calling thread does not run at all (on a shared machine).
 */
const QUEUED_PER_THREAD = 16;

/**
 * Each thread's young generation, in MB (V8 splits it into two semi-spaces and a space for large new
 * objects, so 192 gives semi-spaces of 64 MB). Parsing a dispatch makes a great deal of short-lived
 * garbage; with V8's default of 16 MB semi-spaces, a thread scavenges every few dispatches, copying
 * whatever is still live at that moment. Fewer, larger scavenges took 15-20% off the CPU per dispatch
 * on one thread and about 5% off the two-thread ingest's time (decision 0023). npm's scripts give
 * the calling thread the same size (`--max-semi-space-size=64` in package.json), since it parses too.
 */
const YOUNG_GENERATION_MB = 192;

export type WorkerRequest = { id: number; job: ParseJob };
export type WorkerReply = { kind: 'ready' } | { kind: 'done'; id: number; outcome: ParseOutcome };

export function parseOnThisThread(): Parser {
  return {
    parse: async (job) => runParseJob(job),
    close: async () => {},
  };
}

interface Pending {
  id: number;
  job: ParseJob;
  resolve: (outcome: ParseOutcome) => void;
  reject: (error: Error) => void;
}

interface Thread {
  worker: Worker;
  /** Jobs sent to the thread, oldest first: the thread works through them in that order. */
  pending: Pending[];
  ready: boolean;
  gone: boolean;
}

/**
 * `count` worker threads, started when the first file needs parsing; each file goes to the least busy
 * one. `entry` is the thread's script (worker-script.ts): tests give threads that misbehave on purpose.
 */
export function parseInWorkers(count: number, entry: URL = TYPESCRIPT_WORKER_ENTRY): ThreadPool {
  const threads: Thread[] = [];
  let nextId = 0;
  let broken: Error | null = null;
  let closing = false;

  const start = (): Thread => {
    const thread: Thread = { worker: new Worker(entry, { execArgv: [], resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } }), pending: [], ready: false, gone: false };
    let failure: string | null = null;
    thread.worker.on('message', (reply: WorkerReply) => onReply(thread, reply));
    // An 'error' can overtake the thread's last messages, 'exit' never does: the thread counts as gone
    // only at 'exit', once every reply it sent has arrived.
    thread.worker.on('error', (error) => (failure ??= error.message));
    thread.worker.on('exit', (code) => onGone(thread, failure ?? `exit code ${code}`));
    threads.push(thread);
    return thread;
  };

  const startMissing = (): Thread[] => {
    const live = threads.filter((thread) => !thread.gone);
    while (live.length < count) live.push(start());
    return live;
  };

  // A thread still starting counts as busier than any that reads files already.
  const load = (thread: Thread): number => thread.pending.length + (thread.ready ? 0 : count * QUEUED_PER_THREAD + 1);

  const leastBusy = (): Thread => startMissing().reduce((best, thread) => (load(thread) < load(best) ? thread : best));

  const send = (pending: Pending): void => {
    const thread = leastBusy();
    // Workers are unreferenced while idle, so a caller that stops iterating is not kept alive by them.
    if (thread.pending.length === 0) thread.worker.ref();
    thread.pending.push(pending);
    // The bytes are copied, not transferred: they are needed again if the thread dies on another file.
    thread.worker.postMessage({ id: pending.id, job: pending.job } satisfies WorkerRequest);
  };

  const onReply = (thread: Thread, reply: WorkerReply): void => {
    if (reply.kind === 'ready') {
      thread.ready = true;
      return;
    }
    const index = thread.pending.findIndex((pending) => pending.id === reply.id);
    if (index === -1) return;
    const [pending] = thread.pending.splice(index, 1);
    if (thread.pending.length === 0) thread.worker.unref();
    pending?.resolve(reply.outcome);
  };

  const onGone = (thread: Thread, reason: string): void => {
    if (thread.gone) return;
    thread.gone = true;
    if (closing) return;
    const [current, ...waiting] = thread.pending.splice(0);
    if (!thread.ready) {
      // Nothing was parsed: the thread could not even load the parser, and neither will the next one.
      broken = new ExplainedError(`the ingest's worker threads could not start (${reason})`);
      for (const pending of [current, ...waiting, ...threads.flatMap((other) => other.pending.splice(0))]) pending?.reject(broken);
      return;
    }
    current?.resolve({ ok: false, problems: [`${current.job.fileName}: the worker thread reading this file stopped (${reason}); the file was skipped`] });
    for (const pending of waiting) send(pending);
  };

  return {
    parse(job) {
      if (broken !== null) return Promise.reject(broken);
      return new Promise((resolve, reject) => send({ id: (nextId += 1), job, resolve, reject }));
    },
    isBusy() {
      if (broken !== null) return false;
      return startMissing().every((thread) => !thread.ready || thread.pending.length > QUEUED_PER_THREAD);
    },
    async close() {
      closing = true;
      await Promise.all(threads.map((thread) => thread.worker.terminate()));
    },
  };
}
