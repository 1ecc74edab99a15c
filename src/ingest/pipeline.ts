/**
 * The ingest for archives of any size: every file of a folder, once, in name order, each either a
 * checked dispatch or a problem that names it. Files are read a few at a time, parsed on every core,
 * and cached by content, so a second run over an unchanged archive only looks at its files (decision
 * 0026).
 * Nothing held in memory grows with the archive but the list of file names and the cache's index of
 * where each dispatch is (docs/decisions/0009-stream-the-ingest.md).
 */
import { availableParallelism } from 'node:os';
import type { Dispatch } from '../core/schema.ts';
import { cacheKey, RunCache } from './cache.ts';
import { describeFileError, ExplainedError } from './files.ts';
import { type FileStamp, type FolderEntry, listDispatchFiles, readSourceFile, sourceFileStamp } from './folder.ts';
import { duplicateIdProblems } from './duplicate-ids.ts';
import { mapInOrder } from './in-order.ts';
import { Limit } from './limit.ts';
import type { ParseJob, ParseOutcome } from './parse-job.ts';
import { type Parser, parseInWorkers, parseOnThisThread, type ThreadPool } from './parse-pool.ts';
import { ingestVersion } from './version.ts';
import { workerEntry } from './worker-script.ts';

export { readCachedDispatch } from './cache.ts';

export interface IngestOptions {
  folder: string;
  /** Parsed dispatches are cached here by content; the site build passes node_modules/.cache/dispatch-reader/ingest. */
  cacheDir: string;
  /**
   * Worker threads; 0 or 1 parse on the calling thread. By default one fewer than os.availableParallelism(),
   * and the calling thread parses too whenever they have enough to do.
   */
  workers?: number;
  onProgress?: (progress: IngestProgress) => void;
}

export interface IngestProgress {
  done: number;
  total: number;
  fromCache: number;
}

export type IngestEvent =
  /** `entry` is the dispatch's bundle entry as UTF-8, for BundleWriter.add: made once, by the parser. */
  | { kind: 'dispatch'; dispatch: Dispatch; entry: Uint8Array; key: string; fromCache: boolean }
  /** `message` is whole lines as printed, each naming the file (several lines when a file has several problems). */
  | { kind: 'problem'; fileName: string; message: string };

/** Where the files come from; a folder on disk, or anything a test wants to watch. */
export interface DispatchSource {
  folder: string;
  list(): Promise<FolderEntry[]>;
  read(fileName: string): Promise<Uint8Array>;
  /** What the file system says of the file without reading it, or null; a source without stamps reads every file. */
  stamp?(fileName: string): FileStamp | null;
}

/** Source files open at once; far below any limit on open files. (The cache reads from packs it keeps open.) */
const OPEN_AT_ONCE = 16;
/** Files between the oldest one not yet given back and the newest started: the read-ahead and reorder bound. */
const WINDOW = 64;
/**
 * When the caller leaves the number of threads to us, the first few files to parse are parsed here
 * before threads are asked for: a dev server that saw a file or two change should not start a thread
 * it will not need. Few, since the second core idles until a thread is ready (a third of a second).
 */
const PARSED_HERE_FIRST = 4;

export function folderSource(folder: string): DispatchSource {
  return {
    folder,
    list: () => listDispatchFiles(folder),
    read: (fileName) => readSourceFile(folder, fileName),
    stamp: (fileName) => sourceFileStamp(folder, fileName),
  };
}

/** Every file once, in file-name (code-unit) order; a bounded number of files read and parsed at once. */
export function ingestFolder(options: IngestOptions): AsyncIterable<IngestEvent> {
  return ingestSource(folderSource(options.folder), options);
}

export interface SourceOptions extends Omit<IngestOptions, 'folder'> {
  /** The ingest's own version; tests give one to see what a new version of the code does to the cache. */
  version?: string;
}

export async function* ingestSource(source: DispatchSource, options: SourceOptions): AsyncGenerator<IngestEvent> {
  const startedAt = Date.now();
  const entries = await listOrExplain(source);
  const version = options.version ?? (await ingestVersion());
  const cache = await RunCache.open(options.cacheDir, version, startedAt, source.folder);
  // Names that are not UTF-8 claim no id: they are refused whatever they hold.
  const duplicates = duplicateIdProblems(entries.filter((entry) => entry.nameProblem === null).map((entry) => entry.fileName));
  // With no run over this folder on record (a first build, or the ingest's code changed), nearly every
  // file is to be parsed: the threads start now rather than after the first few files.
  const parser = new ParserChoice(options.workers, entries.length, !cache.knowsFolder);
  const limit = new Limit(OPEN_AT_ONCE);
  const progress: IngestProgress = { done: 0, total: entries.length, fromCache: 0 };

  const ingestEntry = async (entry: FolderEntry): Promise<IngestEvent> => {
    const { fileName } = entry;
    const refusal = entry.nameProblem ?? duplicates.get(fileName);
    if (refusal !== undefined) return { kind: 'problem', fileName, message: refusal };
    // Taken before the read: a file written after it has a newer stamp, and is read again next time.
    const stamp = source.stamp?.(fileName) ?? null;
    const unchanged = stamp === null ? null : await cache.findUnchanged(fileName, stamp);
    if (unchanged !== null) {
      await cache.keep(unchanged.key, unchanged.entry, { name: fileName, stamp });
      return { kind: 'dispatch', dispatch: unchanged.dispatch, entry: unchanged.entry, key: unchanged.key, fromCache: true };
    }
    let bytes: Uint8Array;
    try {
      bytes = await limit.run(() => source.read(fileName));
    } catch (error) {
      return { kind: 'problem', fileName, message: `${fileName}: cannot read the file (${describeFileError(error)})` };
    }
    const key = cacheKey(version, fileName, bytes);
    const cached = await cache.find(key, fileName);
    if (cached !== null) {
      await cache.keep(key, cached.entry, { name: fileName, stamp });
      return { kind: 'dispatch', dispatch: cached.dispatch, entry: cached.entry, key, fromCache: true };
    }
    const outcome = await parser.parse({ fileName, bytes });
    if (!outcome.ok) return { kind: 'problem', fileName, message: outcome.problems.join('\n') };
    const encoded = outcome.bytes ?? Buffer.from(outcome.json);
    await cache.keep(key, encoded, { name: fileName, stamp });
    return { kind: 'dispatch', dispatch: outcome.dispatch ?? (JSON.parse(outcome.json) as Dispatch), entry: encoded, key, fromCache: false };
  };

  let complete = false;
  try {
    for await (const event of mapInOrder(entries, WINDOW, ingestEntry)) {
      if (event.kind === 'dispatch' && event.fromCache) progress.fromCache += 1;
      progress.done += 1;
      options.onProgress?.({ ...progress });
      yield event;
    }
    complete = true;
  } finally {
    await parser.close();
    // Only a run that saw every file may say which cached dispatches are still wanted.
    if (!complete) await cache.abandon();
  }
  await cache.complete(source.folder);
}

function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

async function listOrExplain(source: DispatchSource): Promise<FolderEntry[]> {
  try {
    return await source.list();
  } catch (error) {
    throw new ExplainedError(`${source.folder}: cannot read the folder (${describeFileError(error)})`);
  }
}

/**
 * Worker threads when they pay for themselves, the calling thread otherwise. When the caller leaves
 * the number of threads to us, the calling thread counts as one of the cores: it starts one thread
 * fewer, and parses a file itself whenever the threads are starting or have enough queued already.
 * Threads take most of a second to start (they load the whole parser), which the calling thread
 * would otherwise spend waiting.
 */
class ParserChoice implements Parser {
  private readonly here = parseOnThisThread();
  private threads: ThreadPool | null = null;
  /** Set once the threads' script is known and the threads are asked to start. */
  private starting: Promise<ThreadPool> | null = null;
  private parsedHere = 0;
  private lastTurn: Promise<void> = Promise.resolve();
  private readonly threadCount: number;
  private readonly chosen: boolean;
  /** Whether threads are worth starting at all: two or more asked for, or one besides the calling thread. */
  private readonly threaded: boolean;

  constructor(workers: number | undefined, files: number, allToParse: boolean) {
    this.chosen = workers !== undefined;
    this.threadCount = workers ?? availableParallelism() - 1;
    this.threaded = this.threadCount >= (this.chosen ? 2 : 1);
    if (!this.threaded || files <= PARSED_HERE_FIRST) return;
    // Otherwise the threads' script is found (or joined, once per version of the code) while the first
    // files are read, so threads can start the moment they are wanted; at once when all are to be parsed.
    if (allToParse) void this.startThreads();
    else void workerEntry();
  }

  private startThreads(): Promise<ThreadPool> {
    this.starting ??= workerEntry().then((entry) => (this.threads = parseInWorkers(this.threadCount, entry)));
    return this.starting;
  }

  async parse(job: ParseJob): Promise<ParseOutcome> {
    const fewSoFar = !this.chosen && this.starting === null && this.parsedHere < PARSED_HERE_FIRST;
    if (!this.threaded || fewSoFar) return this.parseHere(job);
    const starting = this.startThreads();
    if (this.chosen) return (this.threads ?? (await starting)).parse(job);
    // What the threads say arrives between turns of the event loop: their replies, and while they are
    // prepared, the answer of the process that joins their script (once per version of the code).
    // Files that settle as promises alone would all be judged in one turn: the threads would look busy
    // long after they finished, and a script joined in a third of a second would be known only
    // seconds later, the second core idle meanwhile. So one file is judged per turn, each after what
    // arrived before it; until the threads are ready, the calling thread parses it.
    const turn = this.lastTurn.then(nextTurn);
    this.lastTurn = turn;
    await turn;
    return this.threads === null || this.threads.isBusy() ? this.parseHere(job) : this.threads.parse(job);
  }

  private parseHere(job: ParseJob): Promise<ParseOutcome> {
    this.parsedHere += 1;
    return this.here.parse(job);
  }

  async close(): Promise<void> {
    // Threads asked to start just before the close are stopped once they exist.
    const threads = this.threads ?? (await this.starting);
    await threads?.close();
  }
}
