/** Small file-system helpers of the ingest: a fast whole-file read, and errors in words. */
import { readFile } from 'node:fs';

/**
 * A failure a person can act on from its message alone (the path and the reason), so a command line
 * prints the message and no stack trace. Anything else that escapes is a bug, and shows its stack.
 */
export class ExplainedError extends Error {}

/**
 * A whole file, read asynchronously. The callback API rather than fs/promises: on many small files
 * the promise-based readFile is several times slower (it goes through the thread pool once per
 * open, stat, read and close), and the ingest reads every file of the archive.
 */
export function readWholeFile(path: string): Promise<Buffer> {
  return new Promise((resolve, reject) => readFile(path, (error, data) => (error === null ? resolve(data) : reject(error))));
}

const REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or folder',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'it is a folder',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
  EMFILE: 'too many open files',
  EEXIST: 'a file of that name is in the way',
};

/** "permission denied", "no such file or folder"…: why a file operation failed, for messages without a stack trace. */
export function describeFileError(error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  return REASONS[code] ?? (error instanceof Error ? error.message : String(error));
}
