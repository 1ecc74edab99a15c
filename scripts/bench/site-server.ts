/**
 * The site as the browser bench serves it: a copy of dist/ with each seed beside it as raw text, so a
 * page and the plain text of the same dispatch come from the same server, with the same compression.
 */
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { constants } from 'node:zlib';
import { brotli } from '../../src/site/output.ts';
import { serveStatic } from '../../src/site/static-files.ts';

export const RAW_DIR = 'raw';

export interface SiteCopy {
  root: string;
  remove: () => Promise<void>;
}

/** Copies dist/ to a temporary folder and adds `raw/<seed>.txt` with a brotli copy, as the build does for pages. */
export async function copySiteWithRawTexts(distDir: string, seedsDir: string): Promise<SiteCopy> {
  const root = await mkdtemp(join(tmpdir(), 'dispatch-bench-site-'));
  await cp(distDir, root, { recursive: true });
  await mkdir(join(root, RAW_DIR));
  for (const name of await listSeedFiles(seedsDir)) {
    const text = await readFile(join(seedsDir, name));
    await writeFile(join(root, RAW_DIR, name), text);
    await writeFile(join(root, RAW_DIR, `${name}.br`), brotli(text, constants.BROTLI_MAX_QUALITY));
  }
  return { root, remove: () => rm(root, { recursive: true, force: true }) };
}

export async function listSeedFiles(seedsDir: string): Promise<string[]> {
  return (await readdir(seedsDir)).filter((name) => name.endsWith('.txt')).sort();
}

export interface Server {
  origin: string;
  close: () => Promise<void>;
}

/** The project's own static server on a free loopback port. */
export async function serveFolder(root: string): Promise<Server> {
  const server = createServer(serveStatic(root));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

export interface HtmlSize {
  /** Relative to dist/, e.g. `article/003_de0e4ba2ab4b4e39.html`. */
  file: string;
  bytes: number;
  brotliBytes: number;
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

/** Every route's HTML as the build compressed it (its .br copy); the largest first. */
export async function measureHtmlSizes(distDir: string): Promise<HtmlSize[]> {
  const files = (await listFiles(distDir)).filter((file) => file.endsWith('.html'));
  const sizes = await Promise.all(
    files.map(async (file) => {
      const [content, compressed] = await Promise.all([stat(file), stat(`${file}.br`).catch(() => null)]);
      return { file: relative(distDir, file), bytes: content.size, brotliBytes: compressed?.size ?? content.size };
    }),
  );
  return sizes.sort((a, b) => b.brotliBytes - a.brotliBytes || a.file.localeCompare(b.file));
}

/** Article ids as the build wrote them: `article/<id>.html`. */
export async function listArticleIds(distDir: string): Promise<string[]> {
  const names = await readdir(join(distDir, 'article'));
  return names.filter((name) => name.endsWith('.html')).map((name) => basename(name, '.html')).sort();
}
