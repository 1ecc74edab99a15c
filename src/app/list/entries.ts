/**
 * Fetching the list beyond the page: a chunk of entries at a time, and where a dispatch sits in the
 * whole archive (from the id lookup's shard). Loaded with the whole list, at the reader's first move.
 */
import { hash32 } from '../../core/hash.ts';
import { dataFiles } from '../../core/data-paths.ts';
import type { ListEntry } from '../../core/site-data.ts';
import type { Archive } from '../archive.ts';

/** The entry at a position, fetching its chunk of the list once. */
export async function loadEntry(archive: Archive, position: number): Promise<ListEntry | undefined> {
  const known = archive.entryAt(position);
  if (known !== undefined) return known;
  const summary = await archive.loadSummary();
  const chunk = Math.floor(position / summary.chunkSize);
  const list = await archive.file<ListEntry[]>(dataFiles.listChunk(chunk));
  if (archive.entryAt(position) === undefined) archive.place(list, chunk * summary.chunkSize);
  return archive.entryAt(position);
}

/**
 * Where a dispatch sits in the whole archive; null when it is not in this build. Given the page's
 * own first screen, which holds it, the whole screen is placed at once.
 */
export async function positionOf(archive: Archive, id: string, window?: readonly ListEntry[]): Promise<number | null> {
  const known = archive.knownPosition(id);
  if (known !== undefined) return known;
  const summary = await archive.loadSummary();
  const shard = await archive.file<Record<string, number>>(dataFiles.idShard(hash32(id) % summary.idShards));
  const position = shard[id];
  if (position === undefined) return null;
  const offset = window?.findIndex((entry) => entry.id === id) ?? -1;
  if (window !== undefined && offset !== -1) archive.place(window, position - offset);
  else archive.notePosition(id, position);
  return position;
}
