/**
 * Writing dist/ incrementally. Every file the build produces goes through here: it is written only
 * when its content changed since the last build (so a rebuild touches few files and a deploy uploads
 * few), compressed copies are made beside it for servers that can send them, and whatever the build
 * no longer produces is removed at the end, so dist/ always holds exactly one build.
 */
import { createHash } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { readdir, readFile, rm, rmdir, unlink } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/**
 * How hard to compress ahead of time. Shared assets are fetched by every reader: the smallest bytes
 * are worth the time, in brotli and gzip. Data files are many: a fast brotli level is within a tenth
 * of the best at a thirtieth of the time. Dispatch pages get no copies at all: at one per dispatch
 * they would double dist/, and hosts compress HTML as they send it (static-files.ts does too).
 */
export type Compression = 'best' | 'fast' | 'none';

/** Every suffix compressedCopies may give. */
const COPY_SUFFIXES = ['.br', '.gz'] as const;

const COMPRESSIBLE = /\.(html|js|css|json|svg|txt|xml|webmanifest|atom)$/;

export function brotli(content: Buffer, quality: number): Buffer {
  return brotliCompressSync(content, {
    params: { [constants.BROTLI_PARAM_QUALITY]: quality, [constants.BROTLI_PARAM_SIZE_HINT]: content.length },
  });
}

/** The compressed copies of a file, by suffix; only those smaller than the file itself. */
export function compressedCopies(path: string, content: Buffer, compression: Compression): Array<[string, Buffer]> {
  if (compression === 'none' || !COMPRESSIBLE.test(path)) return [];
  const copies: Array<[string, Buffer]> = [['.br', brotli(content, compression === 'best' ? constants.BROTLI_MAX_QUALITY : 5)]];
  if (compression === 'best') copies.push(['.gz', gzipSync(content, { level: 9 })]);
  return copies.filter(([, copy]) => copy.length < content.length);
}

export function contentHash(content: string | Buffer): string {
  return createHash('sha256').update(content).digest('hex').slice(0, 16);
}

/** What a previous build wrote: path → content hash, and for pages the hash of what they were made from. */
export interface OutputRecord {
  files: Record<string, string>;
  /**
   * Bytes on disk of each file, under the name it was written at (its other names are links to it),
   * compressed copies included: what dist/ holds is summed from here, not from a stat of every file.
   */
  bytes: Record<string, number>;
  inputs: Record<string, string>;
  /** The data folder the build wrote, `data/<version>/`. */
  dataVersion: string | null;
}

export const EMPTY_RECORD: OutputRecord = { files: {}, bytes: {}, inputs: {}, dataVersion: null };

export interface WriteResult {
  written: boolean;
  bytes: number;
}

export class Output {
  readonly record: OutputRecord = { files: {}, bytes: {}, inputs: {}, dataVersion: null };
  private readonly produced = new Set<string>();
  writtenCount = 0;
  unchangedCount = 0;

  constructor(
    readonly outDir: string,
    private readonly previous: OutputRecord,
  ) {}

  /**
   * Writes `content` to `paths[0]`, with the other paths as links to the same file (an article
   * answers at two addresses), unless the same content is already there.
   */
  async write(paths: readonly string[], content: string | Buffer, compression: Compression): Promise<WriteResult> {
    const buffer = typeof content === 'string' ? Buffer.from(content) : content;
    // The compression is part of what was written: the same content asked with other copies is written again.
    const hash = `${contentHash(buffer)}-${compression}`;
    const [first, ...others] = paths;
    if (first === undefined) return { written: false, bytes: 0 };
    // Unchanged, so are its compressed copies: compressing them again (brotli at its best quality for
    // the shared assets) was most of what a rebuild after one new dispatch spent outside the pages.
    if (this.previous.files[first] === hash && this.keep(paths, COPY_SUFFIXES)) return { written: false, bytes: buffer.length };
    const copies = compressedCopies(first, buffer, compression);
    this.note(paths, hash, copies.map(([suffix]) => suffix), copies.reduce((sum, [, copy]) => sum + copy.length, buffer.length));
    await writeWithLinks(this.outDir, first, others, buffer);
    for (const [suffix, copy] of copies) await writeWithLinks(this.outDir, first + suffix, others.map((path) => path + suffix), copy);
    this.writtenCount += 1;
    return { written: true, bytes: buffer.length };
  }

  /**
   * Files another part of the build wrote itself (a render worker): recorded, and kept at the end.
   * `bytes` is what the file takes on disk with its copies; its other names are links to it.
   */
  note(paths: readonly string[], hash: string, suffixes: readonly string[], bytes: number | undefined): void {
    // Unknown only for a file kept from a record older than its sizes (see bytesOnDisk).
    if (paths[0] !== undefined && bytes !== undefined) this.record.bytes[paths[0]] = bytes;
    for (const path of paths) {
      for (const name of [path, ...suffixes.map((suffix) => path + suffix)]) {
        this.record.files[name] = hash;
        this.produced.add(name);
      }
    }
  }

  /**
   * Keeps a file of a previous build (and its compressed copies) without touching it, as produced by
   * this one, if it is still there.
   */
  keep(paths: readonly string[], suffixes: readonly string[]): boolean {
    const [first] = paths;
    const hash = first === undefined ? undefined : this.previous.files[first];
    if (first === undefined || hash === undefined || !paths.every((path) => existsSync(join(this.outDir, path)))) return false;
    this.note(
      paths,
      hash,
      suffixes.filter((suffix) => this.previous.files[first + suffix] !== undefined),
      this.previous.bytes[first],
    );
    this.unchangedCount += 1;
    return true;
  }

  /** Keeps a whole folder (an earlier build's data, for pages still open in readers' tabs). */
  keepFolder(folder: string): void {
    this.produced.add(`${folder}/`);
  }

  /**
   * What dist/ holds once this build is done, each file once: what it recorded, and in the folders it
   * kept, what the build before recorded there; null after a build whose record has no sizes.
   */
  bytesOnDisk(): number | null {
    // A record from before sizes were kept has files and no bytes.
    const olderRecord = Object.keys(this.previous.bytes).length === 0 && Object.keys(this.previous.files).length > 0;
    if (olderRecord) return null;
    let bytes = Object.values(this.record.bytes).reduce((sum, size) => sum + size, 0);
    for (const [path, size] of Object.entries(this.previous.bytes)) {
      // A kept folder's files that this build wrote too are counted once, as its own.
      if (this.record.files[path] === undefined && this.isProduced(path)) bytes += size;
    }
    return bytes;
  }

  /**
   * Removes what this build did not produce; returns how many files. The last build's record says
   * what it wrote, so only that is looked at; without a record, every file of dist/ is.
   */
  async removeStale(): Promise<number> {
    const previousFiles = Object.keys(this.previous.files);
    let removed = 0;
    const emptied = new Set<string>();
    if (previousFiles.length === 0) {
      for (const entry of await readdir(this.outDir, { recursive: true, withFileTypes: true })) {
        if (entry.isFile() && (await this.removeIfStale(relative(this.outDir, join(entry.parentPath, entry.name)).split(sep).join('/')))) removed += 1;
      }
    } else {
      for (const path of previousFiles) {
        if (!(await this.removeIfStale(path))) continue;
        removed += 1;
        emptied.add(dirname(join(this.outDir, path)));
      }
      // Data folders of older builds, which no record lists once they are only kept.
      for (const version of await readdir(join(this.outDir, 'data')).catch(() => [])) {
        if (!this.isProduced(`data/${version}/x`) && /^[0-9a-f]{6,}$/.test(version)) {
          await rm(join(this.outDir, 'data', version), { recursive: true, force: true });
          removed += 1;
        }
      }
    }
    if (previousFiles.length === 0) await removeEmptyFolders(this.outDir);
    // Folders of removed pages, when nothing is left in them.
    for (const folder of emptied) if (folder !== this.outDir) await rmdir(folder).catch(() => undefined);
    return removed;
  }

  private isProduced(path: string): boolean {
    return this.produced.has(path) || [...keptFolders(path)].some((folder) => this.produced.has(folder));
  }

  private async removeIfStale(path: string): Promise<boolean> {
    if (this.isProduced(path)) return false;
    try {
      await unlink(join(this.outDir, path));
      return true;
    } catch {
      return false;
    }
  }
}

function* keptFolders(path: string): Generator<string> {
  for (let at = path.indexOf('/'); at !== -1; at = path.indexOf('/', at + 1)) yield path.slice(0, at + 1);
}

/**
 * Writes `content` at `first` and links it at `others`. Synchronous on purpose: it runs in the
 * render workers and in the build's own loop, once per file, and a page costs five file-system calls;
 * through the thread pool each of them cost more than the call itself (half the pages stage at
 * 10,000 dispatches).
 */
export async function writeWithLinks(outDir: string, first: string, others: readonly string[], content: Buffer): Promise<void> {
  const target = join(outDir, first);
  makeFolderOf(target);
  writeFileSync(target, content);
  for (const other of others) {
    const path = join(outDir, other);
    makeFolderOf(path);
    rmSync(path, { force: true });
    try {
      linkSync(target, path);
    } catch {
      // Where links are not possible (some file systems), a copy: it costs space, not correctness.
      writeFileSync(path, content);
    }
  }
}

function makeFolderOf(file: string): void {
  mkdirSync(dirname(file), { recursive: true });
}

async function removeEmptyFolders(folder: string): Promise<boolean> {
  let empty = true;
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    if (entry.isDirectory() && (await removeEmptyFolders(join(folder, entry.name)))) await rm(join(folder, entry.name), { recursive: true });
    else empty = false;
  }
  return empty;
}

export async function readRecord(file: string): Promise<OutputRecord> {
  try {
    const parsed = JSON.parse(await readFile(file, 'utf8')) as Partial<OutputRecord>;
    return { files: parsed.files ?? {}, bytes: parsed.bytes ?? {}, inputs: parsed.inputs ?? {}, dataVersion: parsed.dataVersion ?? null };
  } catch {
    return EMPTY_RECORD;
  }
}
