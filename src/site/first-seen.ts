/**
 * When the archive first saw each dispatch: a feed needs a time for every entry, and a dispatch that
 * is undated (or dated only by month or year) is given the time of the build that first saw it, which
 * stays the same from build to build. Kept with the build's cache; a fresh clone starts afresh.
 */
import { readFile, writeFile } from 'node:fs/promises';
import type { ArchiveIndex } from './archive-index.ts';

export async function readFirstSeen(file: string, index: ArchiveIndex, now: Date): Promise<Map<string, string>> {
  let known: Record<string, string> = {};
  try {
    known = JSON.parse(await readFile(file, 'utf8')) as Record<string, string>;
  } catch {
    // No record yet: every dispatch is seen now.
  }
  const time = now.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return new Map(index.records.map(({ entry }) => [entry.id, known[entry.id] ?? time]));
}

export async function writeFirstSeen(file: string, firstSeen: Map<string, string>): Promise<void> {
  await writeFile(file, JSON.stringify(Object.fromEntries(firstSeen)));
}
