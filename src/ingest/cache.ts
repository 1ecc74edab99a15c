/**
 * Parsed dispatches kept on disk between runs, so a second ingest of an unchanged archive only looks
 * at its files. An entry's key is a hash of the ingest's version, the file's name (the id comes from
 * it) and its bytes: change any of the three and the file is parsed again. A run also records each
 * file's stamp (folder.ts) beside its key, and the next run over the folder takes the key of a file
 * whose stamp has not changed without reading the file (decision 0026).
 *
 *   <cacheDir>/packs/<run>.pack          the bundle entry of every dispatch one run gave, back to back
 *   <cacheDir>/runs/<folder hash>.json   the latest complete run over a folder: its pack, and where
 *                                        in it each key's dispatch is
 *
 * Why packs rather than a file per dispatch: creating a file costs the kernel a few hundred
 * microseconds on an ordinary ext4 disk, which at 10,000 dispatches is seconds, more than parsing is
 * allowed to take; appending to one file costs next to nothing. Each run writes a pack of its own
 * with every dispatch it gave, the ones it found in the cache copied forward (writing 76 MB takes
 * tens of milliseconds), so a run on record needs exactly one pack, and a pack no record names can
 * simply be deleted. The cache thus holds the latest complete run over each folder that still
 * exists, for this version of the ingest, and never grows beyond that.
 *
 * Records are written whole (a temporary file renamed into place). A run stopped halfway leaves a pack
 * no record names, removed by the next complete run; a damaged pack only means files parsed again.
 */
import { createHash, randomBytes } from 'node:crypto';
import { close, open, readSync, write } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Dispatch } from '../core/schema.ts';
import { describeFileError, ExplainedError } from './files.ts';
import type { FileStamp } from './folder.ts';

export function cacheKey(version: string, fileName: string, bytes: Uint8Array): string {
  // NUL cannot occur in a version or a file name, so no two different triples hash the same text.
  return createHash('sha256').update(version).update('\0').update(fileName).update('\0').update(bytes).digest('hex');
}

interface Location {
  pack: string;
  offset: number;
  length: number;
}

interface RunRecord {
  folder: string;
  version: string;
  pack: string;
  /** Key → [offset, length] of its dispatch's JSON in the pack. */
  entries: Record<string, [number, number]>;
  /** File name → [its stamp's text, its key], for files whose stamp can be relied on (absent in older records). */
  stamps: Record<string, [string, string]>;
}

/** Bytes waiting to be appended to the pack; one write per this many keeps writes few and memory small. */
const FLUSH_AT = 1 << 20;
const NEWLINE = Buffer.from('\n');

/** The cache as one run uses it: looks up what earlier runs left, and writes this run's pack. */
export class RunCache {
  private readonly entries: Record<string, [number, number]> = {};
  private readonly stamps: Record<string, [string, string]> = {};
  private readonly packFds = new Map<string, Promise<number>>();
  private pending: Uint8Array[] = [];
  private pendingLength = 0;
  private written = 0;
  private writing: Promise<void> = Promise.resolve();
  private failure: unknown = null;

  private constructor(
    private readonly cacheDir: string,
    private readonly version: string,
    private readonly startedAt: number,
    private readonly known: Map<string, Location>,
    /** The stamps the last complete run over this folder recorded. */
    private readonly stamped: ReadonlyMap<string, readonly [string, string]>,
    /** Whether a complete run over this folder, by this version of the ingest, is on record. */
    readonly knowsFolder: boolean,
    private readonly pack: string,
    private readonly packFd: number,
  ) {}

  /** Fails at once, naming the folder, when the cache cannot be written: better than at the first file. */
  static async open(cacheDir: string, version: string, startedAt: number, folder: string): Promise<RunCache> {
    try {
      await mkdir(join(cacheDir, 'packs'), { recursive: true });
      await mkdir(join(cacheDir, 'runs'), { recursive: true });
      const pack = `${startedAt}-${process.pid}-${randomBytes(4).toString('hex')}.pack`;
      const fd = await callback<number>((done) => open(join(cacheDir, 'packs', pack), 'w', done));
      const records = (await readRecords(cacheDir)).filter((record) => record.version === version);
      const own = records.find((record) => record.folder === resolve(folder));
      return new RunCache(cacheDir, version, startedAt, locationsOf(records), new Map(Object.entries(own?.stamps ?? {})), own !== undefined, pack, fd);
    } catch (error) {
      throw new ExplainedError(`${cacheDir}: cannot write the ingest cache there (${describeFileError(error)})`);
    }
  }

  /** The dispatch an earlier run cached for this file and its bundle entry's bytes, or null (then the file is parsed again). */
  async find(key: string, fileName: string): Promise<{ dispatch: Dispatch; entry: Buffer } | null> {
    const location = this.known.get(key);
    if (location === undefined) return null;
    try {
      const fd = await this.readerOf(location.pack);
      const entry = readSlice(fd, location);
      const dispatch = parseEntry(entry.toString('utf8'));
      return dispatch !== null && dispatch.sourceFile === fileName ? { dispatch, entry } : null;
    } catch {
      return null; // A pack removed or cut short by another run: parsing the file again is always right.
    }
  }

  /**
   * The cached dispatch of a file whose stamp is the one the last run over the folder recorded: the
   * file has not been written since, so its key is the same and it need not be read. Null otherwise.
   */
  async findUnchanged(fileName: string, stamp: FileStamp): Promise<{ key: string; dispatch: Dispatch; entry: Buffer } | null> {
    const [recorded, key] = this.stamped.get(fileName) ?? [];
    if (recorded !== stamp.text || key === undefined) return null;
    const found = await this.find(key, fileName);
    return found === null ? null : { key, ...found };
  }

  /**
   * Adds a dispatch's JSON to this run's pack, written in large pieces in the background. At most one
   * piece is on its way to the disk while the next fills: a slow disk slows the run, it does not fill
   * the memory. `file` is the file it came from and its stamp, taken before the file was read.
   */
  async keep(key: string, bytes: Uint8Array, file?: { name: string; stamp: FileStamp | null }): Promise<void> {
    if (this.failure !== null) throw this.writeError(this.failure);
    // Only a stamp that was already reliable when the run began: see FileStamp.reliableFromMs.
    if (file?.stamp != null && file.stamp.reliableFromMs < this.startedAt) this.stamps[file.name] = [file.stamp.text, key];
    // A cached dispatch is copied forward as the bytes it was read as, never decoded and encoded again.
    this.entries[key] = [this.written + this.pendingLength, bytes.length];
    this.pending.push(bytes, NEWLINE);
    this.pendingLength += bytes.length + 1;
    if (this.pendingLength < FLUSH_AT) return;
    await this.writing;
    // Another file's keep may have flushed while this one waited.
    if (this.pendingLength >= FLUSH_AT) this.flush();
  }

  /**
   * The run saw every file: record what it used, then remove what no run on record uses any more.
   * Entries of a run going on at the same time are safe: its pack is newer than this run's start.
   */
  async complete(folder: string): Promise<void> {
    await this.finishWriting();
    const record: RunRecord = { folder: resolve(folder), version: this.version, pack: this.pack, entries: this.entries, stamps: this.stamps };
    const runsDir = join(this.cacheDir, 'runs');
    const recordFile = join(runsDir, `${createHash('sha256').update(record.folder).digest('hex').slice(0, 16)}.json`);
    try {
      await writeFile(`${recordFile}.${this.pack}.tmp`, JSON.stringify(record));
      await rename(`${recordFile}.${this.pack}.tmp`, recordFile);
    } catch (error) {
      throw this.writeError(error);
    }
    forgetLocations(this.cacheDir);
    await prune(this.cacheDir, this.version, this.startedAt);
  }

  /** The run stopped early: its pack is of no use to anyone. */
  async abandon(): Promise<void> {
    await this.finishWriting().catch(() => {});
    await rm(join(this.cacheDir, 'packs', this.pack), { force: true });
  }

  private flush(): void {
    const chunk = Buffer.concat(this.pending);
    const position = this.written;
    this.written += this.pendingLength;
    this.pending = [];
    this.pendingLength = 0;
    this.writing = this.writing
      .then(() => writeAll(this.packFd, chunk, position))
      .catch((error: unknown) => {
        this.failure ??= error;
      });
  }

  private async finishWriting(): Promise<void> {
    this.flush();
    await this.writing;
    await Promise.all([this.packFd, ...this.packFds.values()].map(async (fd) => closeQuietly(await fd)));
    this.packFds.clear();
    if (this.failure !== null) throw this.writeError(this.failure);
  }

  private readerOf(pack: string): Promise<number> {
    let fd = this.packFds.get(pack);
    if (fd === undefined) {
      fd = callback<number>((done) => open(join(this.cacheDir, 'packs', pack), 'r', done));
      fd.catch(() => {});
      this.packFds.set(pack, fd);
    }
    return fd;
  }

  private writeError(error: unknown): ExplainedError {
    return new ExplainedError(`${this.cacheDir}: cannot write the ingest cache (${describeFileError(error)})`);
  }
}

async function readRecords(cacheDir: string): Promise<RunRecord[]> {
  const runsDir = join(cacheDir, 'runs');
  const names = await readdir(runsDir).catch(() => []);
  const records: RunRecord[] = [];
  for (const name of names) {
    if (!name.endsWith('.json')) continue;
    const record = parseRecord(await readFile(join(runsDir, name), 'utf8').catch(() => ''));
    if (record !== null) records.push(record);
  }
  return records;
}

function parseRecord(text: string): RunRecord | null {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null) return null;
    const { folder, version, pack, entries, stamps } = value as Record<string, unknown>;
    if (typeof folder !== 'string' || typeof version !== 'string' || typeof pack !== 'string') return null;
    if (typeof entries !== 'object' || entries === null) return null;
    return { folder, version, pack, entries: entries as RunRecord['entries'], stamps: stampsOf(stamps) };
  } catch {
    return null;
  }
}

/** The stamps of a record as written; anything else in their place counts as none (the files are then read). */
function stampsOf(value: unknown): RunRecord['stamps'] {
  if (typeof value !== 'object' || value === null) return {};
  const stamps: RunRecord['stamps'] = {};
  for (const [name, pair] of Object.entries(value)) {
    if (Array.isArray(pair) && pair.length === 2 && typeof pair[0] === 'string' && typeof pair[1] === 'string') stamps[name] = [pair[0], pair[1]];
  }
  return stamps;
}

function locationsOf(records: readonly RunRecord[]): Map<string, Location> {
  const locations = new Map<string, Location>();
  for (const record of records) {
    for (const [key, [offset, length]] of Object.entries(record.entries)) locations.set(key, { pack: record.pack, offset, length });
  }
  return locations;
}

/** Drops records of another version or of a folder that is gone, then every pack no record names. */
async function prune(cacheDir: string, version: string, startedAt: number): Promise<void> {
  const runsDir = join(cacheDir, 'runs');
  const named = new Set<string>();
  for (const name of await readdir(runsDir)) {
    const file = join(runsDir, name);
    const record = name.endsWith('.json') ? parseRecord(await readFile(file, 'utf8').catch(() => '')) : null;
    if (record !== null && record.version === version && (await isFolder(record.folder))) named.add(record.pack);
    else if (record !== null || (await isOlderThan(file, startedAt))) await rm(file, { force: true });
  }
  const packsDir = join(cacheDir, 'packs');
  for (const pack of await readdir(packsDir)) {
    if (!named.has(pack) && (await isOlderThan(join(packsDir, pack), startedAt))) await rm(join(packsDir, pack), { force: true });
  }
}

async function isFolder(path: string): Promise<boolean> {
  return stat(path).then((stats) => stats.isDirectory(), () => false);
}

async function isOlderThan(file: string, time: number): Promise<boolean> {
  return stat(file).then((stats) => stats.mtimeMs < time, () => false);
}

function parseEntry(json: string): Dispatch | null {
  try {
    const value: unknown = JSON.parse(json);
    return isDispatchLike(value) ? value : null;
  } catch {
    return null;
  }
}

// Entries were checked against the schema when this same version of the ingest parsed them; this
// only catches bytes that are not an entry at all.
function isDispatchLike(value: unknown): value is Dispatch {
  return typeof value === 'object' && value !== null && 'id' in value && typeof value.id === 'string' && 'sourceFile' in value;
}

/** Where each key's dispatch is, per cache folder, loaded once per process and again when a run completes. */
const locationsByCache = new Map<string, Promise<Map<string, Location>>>();

function forgetLocations(cacheDir: string): void {
  locationsByCache.delete(resolve(cacheDir));
}

function knownLocations(cacheDir: string): Promise<Map<string, Location>> {
  const dir = resolve(cacheDir);
  let locations = locationsByCache.get(dir);
  if (locations === undefined) {
    locations = readRecords(dir).then(locationsOf);
    locationsByCache.set(dir, locations);
  }
  return locations;
}

/**
 * A dispatch the ingest cached under `key`, read again later (the site build renders pages in a second
 * pass). Reads are independent: many at once go faster (16 at a time read 10,000 in about half a
 * second here, one at a time about 1.7 s).
 */
export async function readCachedDispatch(cacheDir: string, key: string): Promise<Dispatch> {
  for (const retry of [false, true]) {
    // A run that completed since the locations were loaded may have moved the entry to a new pack.
    if (retry) forgetLocations(cacheDir);
    const location = (await knownLocations(cacheDir)).get(key);
    if (location === undefined) continue;
    const file = join(cacheDir, 'packs', location.pack);
    const json = await readSliceOf(file, location).catch(() => null);
    if (json === null) continue;
    const dispatch = parseEntry(json.toString('utf8'));
    if (dispatch === null) throw new ExplainedError(`${file}: the cached dispatch ${key} is damaged; run the ingest again`);
    return dispatch;
  }
  throw new ExplainedError(`${cacheDir}: no cached dispatch under the key ${key}; run the ingest again`);
}

// The callback API of node:fs throughout: on many small reads it is several times faster than
// fs/promises, which goes through more machinery per call.
function callback<T>(start: (done: (error: NodeJS.ErrnoException | null, value: T) => void) => void): Promise<T> {
  return new Promise((resolvePromise, reject) => start((error, value) => (error === null ? resolvePromise(value) : reject(error))));
}

/**
 * One entry's bytes, read synchronously for the reason readWholeFile gives (files.ts): a warm run
 * reads one slice per dispatch, and a trip through the thread pool costs more than the read.
 */
function readSlice(fd: number, { offset, length }: Location): Buffer {
  const buffer = Buffer.allocUnsafe(length);
  let filled = 0;
  while (filled < length) {
    const count = readSync(fd, buffer, filled, length - filled, offset + filled);
    if (count === 0) throw new Error('the pack ends before the entry');
    filled += count;
  }
  return buffer;
}

async function readSliceOf(file: string, location: Location): Promise<Buffer> {
  const fd = await callback<number>((done) => open(file, 'r', done));
  try {
    return readSlice(fd, location);
  } finally {
    await closeQuietly(fd);
  }
}

async function writeAll(fd: number, buffer: Buffer, position: number): Promise<void> {
  let done = 0;
  while (done < buffer.length) {
    const from = done;
    done += await callback<number>((finish) => write(fd, buffer, from, buffer.length - from, position + from, finish));
  }
}

function closeQuietly(fd: number): Promise<void> {
  return new Promise((resolvePromise) => close(fd, () => resolvePromise()));
}
