/**
 * Parsed dispatches kept on disk between runs, so a second ingest of an unchanged archive only reads
 * and hashes its files. An entry's key is a hash of the ingest's version, the file's name (the id
 * comes from it) and its bytes: change any of the three and the file is parsed again.
 *
 *   <cacheDir>/entries/<2 hex>/<key>.json   one dispatch, as JSON
 *   <cacheDir>/runs/<folder hash>.json       the keys the latest complete run over that folder used
 *
 * Entries are written whole or not at all (a temporary file renamed into place), so a run stopped
 * halfway leaves nothing half-written behind.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { threadId } from 'node:worker_threads';
import type { Dispatch } from '../core/schema.ts';
import { describeFileError, ExplainedError, readWholeFile } from './files.ts';

export function cacheKey(version: string, fileName: string, bytes: Uint8Array): string {
  // NUL cannot occur in a version or a file name, so no two different triples hash the same text.
  return createHash('sha256').update(version).update('\0').update(fileName).update('\0').update(bytes).digest('hex');
}

function entryFile(cacheDir: string, key: string): string {
  return join(cacheDir, 'entries', key.slice(0, 2), `${key}.json`);
}

/** Makes sure entries can be written, so an unwritable cache stops the run at once rather than at its first file. */
export async function prepareCache(cacheDir: string): Promise<void> {
  try {
    await mkdir(join(cacheDir, 'entries'), { recursive: true });
    await mkdir(join(cacheDir, 'runs'), { recursive: true });
  } catch (error) {
    throw new ExplainedError(`${cacheDir}: cannot write the ingest cache there (${describeFileError(error)})`);
  }
}

/** The dispatch cached for this file, or null when there is none or it cannot be read (then it is parsed again). */
export async function readCacheEntry(cacheDir: string, key: string, fileName: string): Promise<Dispatch | null> {
  let text: string;
  try {
    text = (await readWholeFile(entryFile(cacheDir, key))).toString('utf8');
  } catch {
    return null;
  }
  const dispatch = parseEntry(text);
  return dispatch !== null && dispatch.sourceFile === fileName ? dispatch : null;
}

function parseEntry(text: string): Dispatch | null {
  try {
    const value: unknown = JSON.parse(text);
    return isDispatchLike(value) ? value : null;
  } catch {
    return null;
  }
}

// Entries were checked against the schema when they were written by this same version of the ingest;
// this only catches a file that is not an entry at all.
function isDispatchLike(value: unknown): value is Dispatch {
  return typeof value === 'object' && value !== null && 'id' in value && typeof value.id === 'string' && 'sourceFile' in value;
}

/** A dispatch the ingest cached under `key`, read again later (the site build renders pages in a second pass). */
export async function readCachedDispatch(cacheDir: string, key: string): Promise<Dispatch> {
  const file = entryFile(cacheDir, key);
  let text: string;
  try {
    text = (await readWholeFile(file)).toString('utf8');
  } catch (error) {
    throw new ExplainedError(`${file}: no cached dispatch under this key (${describeFileError(error)}); run the ingest again`);
  }
  const dispatch = parseEntry(text);
  if (dispatch === null) throw new ExplainedError(`${file}: the cached dispatch is damaged; delete ${cacheDir} and run the ingest again`);
  return dispatch;
}

let written = 0;

/**
 * Synchronous on purpose: it runs in a worker thread right after the parse, and a worker that does one
 * file at a time makes it plain which file was being read if the thread ever dies.
 */
export function writeCacheEntry(cacheDir: string, key: string, dispatch: Dispatch): void {
  const file = entryFile(cacheDir, key);
  written += 1;
  const temporary = `${file}.${process.pid}-${threadId}-${written}.tmp`;
  try {
    mkdirSync(join(cacheDir, 'entries', key.slice(0, 2)), { recursive: true });
    writeFileSync(temporary, JSON.stringify(dispatch));
    renameSync(temporary, file);
  } catch (error) {
    throw new ExplainedError(`${cacheDir}: cannot write the ingest cache (${describeFileError(error)})`);
  }
}

export interface CompletedRun {
  cacheDir: string;
  folder: string;
  version: string;
  /** Every entry the run used, hit or written. */
  keys: readonly string[];
  /** When the run began; entries newer than that may belong to a run going on at the same time. */
  startedAt: number;
}

interface RunRecord {
  folder: string;
  version: string;
  keys: string[];
}

/**
 * Records which entries a complete run over a folder used, then removes every entry that no run on
 * record uses. The cache thus holds the latest complete run over each folder that still exists, for
 * this version of the ingest, and never grows beyond that. An entry written after this run began is
 * left alone: a run over another folder may be writing it right now.
 */
export async function recordRunAndPrune(run: CompletedRun): Promise<{ removed: number }> {
  const runsDir = join(run.cacheDir, 'runs');
  const record: RunRecord = { folder: resolve(run.folder), version: run.version, keys: [...run.keys] };
  const recordFile = join(runsDir, `${createHash('sha256').update(record.folder).digest('hex').slice(0, 16)}.json`);
  await writeFile(`${recordFile}.${process.pid}.tmp`, JSON.stringify(record));
  await rename(`${recordFile}.${process.pid}.tmp`, recordFile);

  const kept = await keysOnRecord(runsDir, run.version);
  let removed = 0;
  const entriesDir = join(run.cacheDir, 'entries');
  for (const shard of await readdir(entriesDir)) {
    for (const name of await readdir(join(entriesDir, shard)).catch(() => [])) {
      if (kept.has(name.slice(0, name.indexOf('.')))) continue;
      if (await removeIfOlder(join(entriesDir, shard, name), run.startedAt)) removed += 1;
    }
  }
  return { removed };
}

/** Keys of every run on record for this version over a folder that still exists; other records go. */
async function keysOnRecord(runsDir: string, version: string): Promise<Set<string>> {
  const kept = new Set<string>();
  for (const name of await readdir(runsDir)) {
    const file = join(runsDir, name);
    const record = name.endsWith('.json') ? parseRunRecord(await readFile(file, 'utf8').catch(() => '')) : null;
    if (record !== null && record.version === version && (await isFolder(record.folder))) {
      for (const key of record.keys) kept.add(key);
    } else {
      await removeIfOlder(file, Number.POSITIVE_INFINITY);
    }
  }
  return kept;
}

function parseRunRecord(text: string): RunRecord | null {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null) return null;
    const { folder, version, keys } = value as Record<string, unknown>;
    if (typeof folder !== 'string' || typeof version !== 'string' || !Array.isArray(keys)) return null;
    return { folder, version, keys: keys.filter((key): key is string => typeof key === 'string') };
  } catch {
    return null;
  }
}

async function isFolder(path: string): Promise<boolean> {
  return stat(path).then((stats) => stats.isDirectory(), () => false);
}

async function removeIfOlder(file: string, time: number): Promise<boolean> {
  try {
    if ((await stat(file)).mtimeMs >= time) return false;
    await unlink(file);
    return true;
  } catch {
    return false; // Gone already, or removed by another run: either way not ours to count.
  }
}
