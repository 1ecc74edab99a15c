/** Reading a folder of dispatch files: the only part of the ingest that lists and reads source files. */
import { statSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { firstInvalidUtf8Offset } from './decode.ts';
import { readWholeFile } from './files.ts';
import { Limit } from './limit.ts';

export interface SourceFile {
  fileName: string;
  bytes: Uint8Array;
}

/** A `.txt` file of the folder, known by name only: listing a folder of 50,000 files reads none of them. */
export interface FolderEntry {
  /** The name as printed in messages; a name that is not UTF-8 shows its bad bytes as `\xE9`. */
  fileName: string;
  /** Why the file cannot be read as a dispatch whatever it holds, or null. */
  nameProblem: string | null;
}

/**
 * The `.txt` files directly in the folder, sorted by name in code-unit order (the same on every
 * machine). Names are listed as bytes, because a name that is not UTF-8 would otherwise come back
 * with U+FFFD in it and could neither be reported faithfully nor told apart from a real U+FFFD.
 */
export async function listDispatchFiles(folder: string): Promise<FolderEntry[]> {
  const entries = await readdir(folder, { withFileTypes: true, encoding: 'buffer' });
  return entries
    .filter((entry) => entry.isFile() && isTextFileName(entry.name))
    .map((entry) => toFolderEntry(entry.name))
    .sort((a, b) => compareCodeUnits(a.fileName, b.fileName));
}

// ".txt" in any case; the suffix is ASCII, so it can be judged on the bytes before decoding.
function isTextFileName(name: Buffer): boolean {
  return name.length > 4 && name.subarray(-4).toString('latin1').toLowerCase() === '.txt';
}

function toFolderEntry(name: Buffer): FolderEntry {
  const invalidAt = firstInvalidUtf8Offset(name);
  if (invalidAt === -1) return { fileName: name.toString('utf8'), nameProblem: null };
  const fileName = escapeInvalidBytes(name);
  const byte = (name[invalidAt] ?? 0).toString(16).toUpperCase().padStart(2, '0');
  return {
    fileName,
    nameProblem: `${fileName}: the file name is not valid UTF-8 (byte 0x${byte} at offset ${invalidAt}); rename the file`,
  };
}

/** The name with every byte that breaks UTF-8 written as `\xNN`, and the valid parts as they are. */
function escapeInvalidBytes(name: Buffer): string {
  let text = '';
  let start = 0;
  while (start < name.length) {
    const invalidAt = firstInvalidUtf8Offset(name, start);
    const end = invalidAt === -1 ? name.length : invalidAt;
    text += name.subarray(start, end).toString('utf8');
    if (invalidAt === -1) break;
    text += `\\x${(name[invalidAt] ?? 0).toString(16).toUpperCase().padStart(2, '0')}`;
    start = invalidAt + 1;
  }
  return text;
}

export async function readSourceFile(folder: string, fileName: string): Promise<Uint8Array> {
  return readWholeFile(join(folder, fileName));
}

/**
 * What the file system says of a file without reading it (decision 0026): a file whose stamp is the
 * same as at an earlier run has not been written since. Its change time (ctime) moves with every
 * write and with every change of its other times, and nobody can set it back, so a copy that keeps
 * the modification time, or a rewrite of the same size, still changes the stamp.
 */
export interface FileStamp {
  /** Size, modification and change times in nanoseconds, and inode, as one comparable text. */
  text: string;
  /**
   * When the stamp can be relied on, in milliseconds: a run that began after this time may record it.
   * File systems keep times to a clock tick, so a file written twice within one tick, the second
   * time after a run looked at it, could keep its stamp: the tick after the file's last change is
   * left to pass first.
   */
  reliableFromMs: number;
}

/**
 * How long a tick may last: a few milliseconds where times are kept in fractions of a second
 * (Linux's, macOS's and Windows' own file systems), up to two seconds where they are kept in whole
 * seconds (FAT's are even), which shows as times without a fraction.
 */
const FINE_TICK_MS = 100;
const WHOLE_SECONDS_TICK_MS = 2000;

/** Null when the file cannot be looked at: it is then read, and a failure reported as usual. */
export function sourceFileStamp(folder: string, fileName: string): FileStamp | null {
  try {
    const stats = statSync(join(folder, fileName), { bigint: true, throwIfNoEntry: false });
    if (stats === undefined || !stats.isFile()) return null;
    const changedAtNs = stats.ctimeNs > stats.mtimeNs ? stats.ctimeNs : stats.mtimeNs;
    const wholeSeconds = stats.ctimeNs % 1_000_000_000n === 0n && stats.mtimeNs % 1_000_000_000n === 0n;
    const tick = wholeSeconds ? WHOLE_SECONDS_TICK_MS : FINE_TICK_MS;
    return { text: `${stats.size}:${stats.mtimeNs}:${stats.ctimeNs}:${stats.ino}`, reliableFromMs: Number(changedAtNs / 1_000_000n) + tick };
  } catch {
    return null;
  }
}

/** How many files the small in-memory path below reads at once: enough to keep a disk busy, far below any fd limit. */
const READ_AT_ONCE = 16;

/**
 * Every `*.txt` file of the folder in memory, in name order: the small synchronous path for tests and
 * archives of a few hundred files. Large archives go through `ingestFolder` (pipeline.ts), which never
 * holds every file. A name that is not UTF-8 stops this path, which is all or nothing anyway.
 */
export async function readDispatchFolder(folder: string): Promise<SourceFile[]> {
  const entries = await listDispatchFiles(folder);
  const badNames = entries.flatMap((entry) => (entry.nameProblem === null ? [] : [entry.nameProblem]));
  if (badNames.length > 0) throw new Error(badNames.join('\n'));
  const limit = new Limit(READ_AT_ONCE);
  return Promise.all(
    entries.map((entry) => limit.run(async () => ({ fileName: entry.fileName, bytes: await readSourceFile(folder, entry.fileName) }))),
  );
}

export function compareCodeUnits(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
