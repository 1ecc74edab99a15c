/** Reading a folder of dispatch files: the only part of the ingest that touches the file system. */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface SourceFile {
  fileName: string;
  bytes: Uint8Array;
}

/** Every `*.txt` file directly in the folder, sorted by name (code-unit order, the same on every machine). */
export async function readDispatchFolder(folder: string): Promise<SourceFile[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  const names = entries
    .filter((entry) => entry.isFile() && entry.name.toLowerCase().endsWith('.txt'))
    .map((entry) => entry.name)
    .sort(compareCodeUnits);
  return Promise.all(names.map(async (fileName) => ({ fileName, bytes: new Uint8Array(await readFile(join(folder, fileName))) })));
}

export function compareCodeUnits(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
