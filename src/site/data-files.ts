/**
 * The data files of one build: the list in chunks, the id → position lookup, one list of positions
 * per facet value, the runs of dates, and (from search-index.ts) the search index. Paths are relative
 * to the build's data folder, `data/<version>/`. Build time only.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync, gzip, gzipSync } from 'node:zlib';
import { dataFiles, STORED_SUFFIX, type FacetKind } from '../core/data-paths.ts';
import { ARCHIVE_SUMMARY_URL, type ArchiveSummary, type ListEntry } from '../core/site-data.ts';
import { CHUNK_SIZE, type ArchiveIndex } from './archive-index.ts';
import type { Output } from './output.ts';

export type DataFile = [path: string, content: string];

export function* listDataFiles(index: ArchiveIndex): Generator<DataFile> {
  const entries = index.records.map((record) => record.entry);
  for (let start = 0, chunk = 0; start < entries.length; start += CHUNK_SIZE, chunk += 1) {
    yield [dataFiles.listChunk(chunk), JSON.stringify(entries.slice(start, start + CHUNK_SIZE))];
  }
  for (const [shard, ids] of index.idShards.entries()) yield [dataFiles.idShard(shard), JSON.stringify(ids)];
  for (const kind of ['country', 'agency', 'language'] as const satisfies FacetKind[]) {
    for (const [key, positions] of index.facets[kind]) yield [dataFiles.facet(kind, key), JSON.stringify(gaps(positions))];
  }
  yield [dataFiles.dates, JSON.stringify(index.dates)];
}

/** Ascending positions as the gaps between them, which compress far better. */
function gaps(positions: readonly number[]): number[] {
  let previous = 0;
  return positions.map((position) => {
    const gap = position - previous;
    previous = position;
    return gap;
  });
}

/**
 * A data file as it is stored and sent (STORED_SUFFIX): gzipped, which any browser can inflate. At
 * zlib's usual level: the highest saved 3% of the bytes at four times the time, which every rebuild
 * pays for every data file.
 */
export function storedForm(content: string): Buffer {
  return gzipSync(content);
}

/** storedForm, compressed on zlib's threads rather than the calling one. */
function storedFormOffThread(content: string): Promise<Buffer> {
  return gzipOffThread(content);
}

const gzipOffThread = promisify(gzip);

/**
 * Writes a build's data files into `data/<version>/`, the version being a hash of everything in it:
 * a page open in a reader's tab keeps reading one consistent build, and unchanged data keeps its
 * folder and its cached copies. Returns the version.
 */
const WRITES_AT_ONCE = 16;

export async function writeDataFolder(output: Output, files: Iterable<DataFile>): Promise<string> {
  const staging = `data/.staging-${process.pid}`;
  const stagingDir = join(output.outDir, staging);
  await rm(stagingDir, { recursive: true, force: true });
  const hash = createHash('sha256');
  const written = new Map<string, number>();
  // Files are hashed in order, compressed and written a few at a time: zlib's threads compress on
  // every core while this one makes the next files, and memory stays bounded.
  const writing = new Set<Promise<void>>();
  for (const [path, content] of files) {
    hash.update(path).update('\0').update(content).update('\0');
    if (!path.endsWith(STORED_SUFFIX)) throw new Error(`data file ${path} does not end with ${STORED_SUFFIX}, as every data file is stored`);
    const write = (async () => {
      const target = join(stagingDir, path);
      await mkdir(dirname(target), { recursive: true });
      const stored = await storedFormOffThread(content);
      written.set(path, stored.length);
      await writeFile(target, stored);
    })();
    writing.add(write);
    void write.finally(() => writing.delete(write));
    if (writing.size >= WRITES_AT_ONCE) await Promise.race(writing);
  }
  await Promise.all(writing);
  const version = hash.digest('hex').slice(0, 12);
  const folder = join(output.outDir, 'data', version);
  if (existsSync(folder)) await rm(stagingDir, { recursive: true, force: true });
  else await rename(stagingDir, folder);
  for (const [path, bytes] of written) output.note([`data/${version}/${path}`], version, [], bytes);
  output.keepFolder(`data/${version}`);
  return version;
}

/** A data file of a built site, read back (the bench and tests check what the build wrote). */
export async function readDataFile<T>(siteDir: string, version: string, path: string): Promise<T> {
  return JSON.parse(gunzipSync(await readFile(join(siteDir, 'data', version, path))).toString('utf8')) as T;
}

export interface BuiltList {
  summary: ArchiveSummary;
  /** Newest first, undated last: position 0 is the top of the list. */
  entries: ListEntry[];
}

/** Every entry of a built site, in the order the reader sees them, read from its own data files. */
export async function readBuiltList(siteDir: string): Promise<BuiltList> {
  const summary = JSON.parse(await readFile(join(siteDir, ARCHIVE_SUMMARY_URL), 'utf8')) as ArchiveSummary;
  const entries: ListEntry[] = [];
  for (let chunk = 0; chunk * CHUNK_SIZE < summary.total; chunk += 1) {
    entries.push(...(await readDataFile<ListEntry[]>(siteDir, summary.version, dataFiles.listChunk(chunk))));
  }
  if (entries.length !== summary.total) throw new Error(`${siteDir} lists ${entries.length} entries, ${ARCHIVE_SUMMARY_URL} says ${summary.total}`);
  return { summary, entries };
}
