/**
 * How fast the ingest turns an archive into a bundle, and how big the bundle gets.
 *
 *   tsx scripts/bench/ingest.ts --ingest 10000
 *
 * The archive is the synthetic one of scripts/lib/synthetic-archive.ts; it goes through the same
 * public API as `npm run bundle`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { buildBundle, readDispatchFolder, serializeBundle } from '../../src/ingest/index.ts';
import { writeSyntheticArchive } from '../lib/synthetic-archive.ts';

export interface IngestBenchResult {
  count: number;
  /** Reading the folder, building and validating the bundle, and serialising it. */
  seconds: number;
  dispatchesPerSecond: number;
  bundleBytes: number;
  bundleGzipBytes: number;
}

export async function runIngestBench(count: number): Promise<IngestBenchResult> {
  const folder = await mkdtemp(join(tmpdir(), 'dispatch-ingest-bench-'));
  try {
    await writeSyntheticArchive(folder, count);
    const started = performance.now();
    const result = buildBundle(await readDispatchFolder(folder));
    if (!result.ok) throw new Error(`the synthetic archive did not build:\n${result.errors.slice(0, 10).join('\n')}`);
    const json = serializeBundle(result.bundle);
    const seconds = (performance.now() - started) / 1000;
    return {
      count,
      seconds,
      dispatchesPerSecond: count / seconds,
      bundleBytes: Buffer.byteLength(json),
      bundleGzipBytes: gzipSync(json).length,
    };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

function formatResult(result: IngestBenchResult): string {
  const megabytes = (bytes: number): string => `${(bytes / 1_000_000).toFixed(2)} MB`;
  return [
    `ingest: ${result.count} dispatches in ${result.seconds.toFixed(2)} s (${Math.round(result.dispatchesPerSecond)} dispatches/s)`,
    `bundle: ${megabytes(result.bundleBytes)} raw, ${megabytes(result.bundleGzipBytes)} gzip`,
  ].join('\n');
}

const runDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (runDirectly) {
  const { values } = parseArgs({ options: { ingest: { type: 'string', default: '1000' } } });
  const count = Number(values.ingest);
  if (!Number.isInteger(count) || count < 1) {
    process.stderr.write(`--ingest wants a positive whole number of dispatches, not "${values.ingest}"\n`);
    process.exitCode = 2;
  } else {
    process.stdout.write(`${formatResult(await runIngestBench(count))}\n`);
  }
}
