/**
 * The ingest as the site build meets it: a stream of parsed dispatches, each cached under a key so
 * the build can read it again when it renders its page.
 *
 * Interim: this reads the folder and parses on one thread; the ingest's streaming pipeline takes
 * its place with the same shape.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PROJECT_ROOT } from './paths.ts';
import type { Dispatch } from '../core/schema.ts';
import { decodeDispatchBytes } from '../ingest/decode.ts';
import { parseDispatch, readDispatchFolder } from '../ingest/index.ts';
import { dispatchSchema } from '../core/schema.ts';
import { dispatchIdFromFileName } from '../ingest/ids.ts';

export interface IngestOptions {
  folder: string;
  cacheDir: string;
  onProgress?: (progress: { done: number; total: number; fromCache: number }) => void;
}

export type IngestEvent =
  | { kind: 'dispatch'; dispatch: Dispatch; key: string; fromCache: boolean }
  | { kind: 'problem'; fileName: string; message: string };

export async function* ingestFolder({ folder, cacheDir, onProgress }: IngestOptions): AsyncGenerator<IngestEvent> {
  const files = await readDispatchFolder(folder);
  const version = await ingestVersion();
  const seen = new Map<string, string>();
  let done = 0;
  let fromCache = 0;
  await mkdir(cacheDir, { recursive: true });
  for (const file of files) {
    done += 1;
    const id = dispatchIdFromFileName(file.fileName);
    const other = seen.get(id);
    if (other !== undefined) {
      yield { kind: 'problem', fileName: file.fileName, message: `"${file.fileName}" and "${other}" would both get the id "${id}"; only "${other}" is published` };
      continue;
    }
    seen.set(id, file.fileName);
    const key = createHash('sha256').update(version).update(file.fileName).update('\0').update(file.bytes).digest('hex').slice(0, 32);
    const cached = join(cacheDir, `${key}.json`);
    if (existsSync(cached)) {
      fromCache += 1;
      onProgress?.({ done, total: files.length, fromCache });
      yield { kind: 'dispatch', dispatch: await readCachedDispatch(cacheDir, key), key, fromCache: true };
      continue;
    }
    const decoded = decodeDispatchBytes(file.bytes, file.fileName);
    if (!decoded.ok) {
      yield { kind: 'problem', fileName: file.fileName, message: decoded.error };
      continue;
    }
    const parsed = parseDispatch(decoded.text, file.fileName);
    if (!parsed.ok) {
      for (const message of parsed.errors) yield { kind: 'problem', fileName: file.fileName, message };
      continue;
    }
    const valid = dispatchSchema.safeParse(parsed.dispatch);
    if (!valid.success) {
      for (const issue of valid.error.issues) yield { kind: 'problem', fileName: file.fileName, message: `${file.fileName}: ${issue.path.join('.')}: ${issue.message}` };
      continue;
    }
    await writeFile(cached, JSON.stringify(valid.data));
    onProgress?.({ done, total: files.length, fromCache });
    yield { kind: 'dispatch', dispatch: valid.data, key, fromCache: false };
  }
}

export async function readCachedDispatch(cacheDir: string, key: string): Promise<Dispatch> {
  return JSON.parse(await readFile(join(cacheDir, `${key}.json`), 'utf8')) as Dispatch;
}

/** Changes whenever the ingest's code does, so a cached dispatch is never one an older ingest made. */
async function ingestVersion(): Promise<string> {
  const hash = createHash('sha256');
  for (const folder of ['src/ingest', 'src/core']) {
    for (const name of (await readdir(join(PROJECT_ROOT, folder))).sort()) hash.update(name).update(await readFile(join(PROJECT_ROOT, folder, name)));
  }
  return hash.digest('hex');
}
