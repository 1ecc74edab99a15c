/**
 * Writes the bundle to a file dispatch by dispatch, never as one string of everything.
 *
 * The dispatches go straight into a temporary file beside the bundle, after the opening; `finish`
 * adds the country names, which are known only once every dispatch has been seen, and renames the
 * file into place. The bundle file is therefore replaced whole or not at all: a run that stops
 * halfway leaves the previous bundle as it was. Nothing is written twice (decision 0027).
 */
import { type FileHandle, mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Dispatch } from '../core/schema.ts';
import { BundleChecks } from './bundle-checks.ts';
import { bundleClosing, bundleOpening, ENTRY_SEPARATOR, entryText } from './bundle-json.ts';
import { describeFileError, ExplainedError } from './files.ts';

/** A bundle file that cannot be written: the message says which path and why, and is all a person needs to see. */
export class BundleOutputError extends ExplainedError {}

export interface BundleWriter {
  /**
   * Adds the dispatch, or returns why it cannot join the bundle (each line naming its file). `entry`
   * is its bundle entry as the ingest made it (IngestEvent.entry), written as it is; without it, the
   * entry is made here.
   */
  add(dispatch: Dispatch, entry?: Uint8Array): Promise<string[]>;
  /** Writes the bundle in place of the file; nothing is left beside it. Says what it wrote. */
  finish(): Promise<{ dispatches: number; bytes: number; countryNames: Record<string, string> }>;
  /** Leaves the file as it was and removes the temporary files. */
  abort(): Promise<void>;
}

/** Bytes waiting to be written; one write per this many keeps the writes few and the memory small. */
const FLUSH_AT = 1 << 20;
const SEPARATOR = Buffer.from(ENTRY_SEPARATOR);

/** Checks at once that the bundle can be written where asked, before any file is read. */
export async function openBundleWriter(outFile: string): Promise<BundleWriter> {
  if (await isFolder(outFile)) throw new BundleOutputError(`${outFile}: is a folder; give the path of the bundle file to write`);
  const folder = dirname(outFile);
  try {
    await mkdir(folder, { recursive: true });
  } catch (error) {
    throw new BundleOutputError(`${outFile}: cannot create the folder ${folder} (${describeFileError(error)})`);
  }
  const bundleFile = join(folder, `.${basename(outFile)}.${process.pid}.tmp`);
  let file: FileHandle;
  try {
    file = await open(bundleFile, 'w');
  } catch (error) {
    throw new BundleOutputError(`${outFile}: cannot write there (${describeFileError(error)})`);
  }

  const checks = new BundleChecks();
  // Each dispatch is encoded as it comes, once: one long string of many dispatches would first be
  // copied whole to be encoded, and would live long enough to cost the garbage collector a move.
  const opening = Buffer.from(bundleOpening());
  let pending: Uint8Array[] = [opening];
  let pendingBytes = opening.length;
  let bytes = 0;
  const flush = async (): Promise<void> => {
    if (pending.length === 0) return;
    const chunk = Buffer.concat(pending, pendingBytes);
    pending = [];
    pendingBytes = 0;
    bytes += chunk.length;
    await file.write(chunk);
  };
  const removeTemporaryFile = async (): Promise<void> => {
    await file.close().catch(() => {});
    await rm(bundleFile, { force: true });
  };

  return {
    async add(dispatch, entry) {
      const problems = checks.admit(dispatch);
      if (problems.length > 0) return problems;
      if (checks.count > 1) {
        pending.push(SEPARATOR);
        pendingBytes += SEPARATOR.length;
      }
      const bytes = entry ?? Buffer.from(entryText(dispatch));
      pending.push(bytes);
      pendingBytes += bytes.length;
      if (pendingBytes >= FLUSH_AT) await flush();
      return [];
    },

    async finish() {
      try {
        const countryNames = checks.countryNames();
        const closing = Buffer.from(bundleClosing(checks.count, countryNames));
        pending.push(closing);
        pendingBytes += closing.length;
        await flush();
        await file.close();
        await rename(bundleFile, outFile);
        return { dispatches: checks.count, bytes, countryNames };
      } catch (error) {
        await removeTemporaryFile();
        throw new BundleOutputError(`${outFile}: cannot write the bundle (${describeFileError(error)})`);
      }
    },

    abort: removeTemporaryFile,
  };
}

async function isFolder(path: string): Promise<boolean> {
  return stat(path).then((stats) => stats.isDirectory(), () => false);
}
