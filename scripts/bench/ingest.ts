/**
 * How fast the ingest turns an archive into a bundle, cold and warm, and how big the bundle gets.
 *
 *   tsx scripts/bench/ingest.ts --ingest 10000 [--workers <n>] [--runs <n>]
 *
 * The archive is the synthetic one of scripts/lib/synthetic-archive.ts. It goes through the same
 * public API as `npm run bundle`: the streaming ingest into the streamed bundle writer, first with an
 * empty cache (every file parsed), then again with the cache that run left, as a second build of an
 * unchanged archive would: every file only looked at (decision 0026), or read and hashed when it was
 * written within a clock tick of the first run's start (FileStamp.reliableFromMs). The worker
 * threads' script, which the ingest joins once per version of its code (src/ingest/worker-script.ts),
 * is made ready before the runs and timed on its own line: it is the price of changing the code, not
 * of reading dispatches.
 *
 * Every run is a new process, as every `npm run bundle` is: a process that has parsed before has
 * compiled the parser already, and would read faster than any real run. The cold run is taken five
 * times with a fresh cache each, and their median reported with all five (decision 0028): on a shared
 * machine one run can be a fifth slower than the next.
 */
import { execFile } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { createGzip } from 'node:zlib';
import { ingestFolder, openBundleWriter } from '../../src/ingest/index.ts';
import { workerEntry } from '../../src/ingest/worker-script.ts';
import { writeSyntheticArchive } from '../lib/synthetic-archive.ts';
import { median } from './report.ts';

export interface IngestBenchResult {
  count: number;
  /** Worker threads asked for; null leaves the choice to the ingest (one per core). */
  workers: number | null;
  /**
   * Finding the worker threads' script, or joining it when this version of the code has none yet;
   * null when the runs parse on the calling thread alone.
   */
  scriptSeconds: number | null;
  /** Cold: every file read, parsed, validated, cached and streamed into the bundle; the median of the runs. */
  seconds: number;
  dispatchesPerSecond: number;
  /** Every cold run's seconds, in the order they ran. */
  runSeconds: number[];
  /** Warm: the same again over an unchanged archive, every dispatch from the cache. */
  warmSeconds: number;
  warmDispatchesPerSecond: number;
  warmFromCache: number;
  /** The most memory a run's process (worker threads included) held at any point, the largest of the runs. */
  peakRssBytes: number;
  bundleBytes: number;
  bundleGzipBytes: number;
}

interface Run {
  seconds: number;
  dispatches: number;
  fromCache: number;
  bytes: number;
  peakRssBytes: number;
}

/** Cold runs a bench takes by default; their median is reported. */
export const INGEST_RUNS = 5;

async function bundleOnce(folder: string, cacheDir: string, out: string, workers: number | undefined): Promise<Omit<Run, 'peakRssBytes'>> {
  const started = performance.now();
  const writer = await openBundleWriter(out);
  let dispatches = 0;
  let fromCache = 0;
  const problems: string[] = [];
  for await (const event of ingestFolder({ folder, cacheDir, workers })) {
    if (event.kind === 'problem') {
      problems.push(event.message);
      continue;
    }
    problems.push(...(await writer.add(event.dispatch, event.entry)));
    dispatches += 1;
    if (event.fromCache) fromCache += 1;
  }
  if (problems.length > 0) {
    await writer.abort();
    throw new Error(`the synthetic archive did not build:\n${problems.slice(0, 10).join('\n')}`);
  }
  const { bytes } = await writer.finish();
  return { seconds: (performance.now() - started) / 1000, dispatches, fromCache, bytes };
}

async function secondsToRun(task: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await task();
  return (performance.now() - started) / 1000;
}

/** The gzip size of a file, compressed as a stream so a bundle of any size fits. */
async function gzipBytes(file: string): Promise<number> {
  let bytes = 0;
  const count = new Writable({
    write(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      done();
    },
  });
  await pipeline(createReadStream(file), createGzip(), count);
  return bytes;
}

const THIS_SCRIPT = fileURLToPath(import.meta.url);
/** tsx's loader, found from here: the runs start wherever the bench was started from. */
const TSX = import.meta.resolve('tsx');

/**
 * One run in a process of its own, started as npm's scripts start the ingest (its young generation
 * included, package.json). It prints its Run as JSON.
 */
async function bundleInNewProcess(folder: string, cacheDir: string, out: string, workers: number | undefined): Promise<Run> {
  const args = ['--max-semi-space-size=64', '--import', TSX, THIS_SCRIPT, '--one-run', folder, '--cache', cacheDir, '--out', out];
  if (workers !== undefined) args.push('--workers', String(workers));
  const { stdout } = await promisify(execFile)(process.execPath, args, { maxBuffer: 1 << 20 });
  return JSON.parse(stdout) as Run;
}

export async function runIngestBench(count: number, options: { workers?: number; runs?: number } = {}): Promise<IngestBenchResult> {
  const folder = await mkdtemp(join(tmpdir(), 'dispatch-ingest-bench-'));
  try {
    const archive = join(folder, 'archive');
    const out = join(folder, 'dispatches.json');
    await mkdir(archive);
    await writeSyntheticArchive(archive, count);
    const scriptSeconds = options.workers === undefined || options.workers >= 2 ? await secondsToRun(workerEntry) : null;
    const colds: Run[] = [];
    for (let run = 0; run < (options.runs ?? INGEST_RUNS); run += 1) {
      const cacheDir = join(folder, `cache-${run}`);
      colds.push(await bundleInNewProcess(archive, cacheDir, out, options.workers));
      // The last run's cache stays for the warm run; the others would only fill the disk.
      if (run > 0) await rm(join(folder, `cache-${run - 1}`), { recursive: true, force: true });
    }
    const warm = await bundleInNewProcess(archive, join(folder, `cache-${colds.length - 1}`), out, options.workers);
    const runSeconds = colds.map((run) => run.seconds);
    // The median as the archive bench takes it (report.ts): the mean of the middle two for an even count.
    const seconds = median(runSeconds) ?? Number.NaN;
    return {
      count,
      workers: options.workers ?? null,
      scriptSeconds,
      seconds,
      dispatchesPerSecond: count / seconds,
      runSeconds,
      warmSeconds: warm.seconds,
      warmDispatchesPerSecond: warm.dispatches / warm.seconds,
      warmFromCache: warm.fromCache,
      peakRssBytes: Math.max(warm.peakRssBytes, ...colds.map((run) => run.peakRssBytes)),
      bundleBytes: warm.bytes,
      bundleGzipBytes: await gzipBytes(out),
    };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

export function formatIngestResult(result: IngestBenchResult): string {
  const megabytes = (bytes: number): string => `${(bytes / 1_000_000).toFixed(2)} MB`;
  const threads = result.workers === null ? 'threads: one per core' : `workers: ${result.workers}`;
  const perRun = result.runSeconds.map((seconds) => Math.round(result.count / seconds)).join(', ');
  const runs = result.runSeconds.length === 1 ? '1 run' : `${result.runSeconds.length} runs, each in a new process (${perRun} dispatches/s)`;
  const script =
    result.scriptSeconds === null ? [] : [`worker threads' script: ready in ${result.scriptSeconds.toFixed(2)} s before the runs (joined once per version of the ingest's code)`];
  return [
    ...script,
    `ingest, cold: ${result.count} dispatches in ${result.seconds.toFixed(2)} s (${Math.round(result.dispatchesPerSecond)} dispatches/s; ${threads}), the median of ${runs}`,
    `ingest, warm: ${result.warmFromCache} from cache in ${result.warmSeconds.toFixed(2)} s (${Math.round(result.warmDispatchesPerSecond)} dispatches/s)`,
    `bundle: ${megabytes(result.bundleBytes)} raw, ${megabytes(result.bundleGzipBytes)} gzip; peak memory ${megabytes(result.peakRssBytes)}`,
  ].join('\n');
}

const runDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (runDirectly) {
  const { values } = parseArgs({
    options: {
      ingest: { type: 'string', default: '1000' },
      workers: { type: 'string' },
      runs: { type: 'string', default: String(INGEST_RUNS) },
      'one-run': { type: 'string' },
      cache: { type: 'string' },
      out: { type: 'string' },
    },
  });
  const count = Number(values.ingest);
  const runs = Number(values.runs);
  const workers = values.workers === undefined ? undefined : Number(values.workers);
  const oneRun = values['one-run'];
  if (oneRun !== undefined && values.cache !== undefined && values.out !== undefined) {
    // A run of runIngestBench, in a process of its own.
    const run = await bundleOnce(oneRun, values.cache, values.out, workers);
    process.stdout.write(JSON.stringify({ ...run, peakRssBytes: process.resourceUsage().maxRSS * 1024 } satisfies Run));
  } else if (!Number.isInteger(count) || count < 1 || !Number.isInteger(runs) || runs < 1 || (workers !== undefined && (!Number.isInteger(workers) || workers < 0))) {
    process.stderr.write('usage: tsx scripts/bench/ingest.ts --ingest <dispatches ≥ 1> [--workers <threads ≥ 0>] [--runs <cold runs ≥ 1>]\n');
    process.exitCode = 2;
  } else {
    process.stdout.write(`${formatIngestResult(await runIngestBench(count, { workers, runs }))}\n`);
  }
}
