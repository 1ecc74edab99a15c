/**
 * How big a built site is on disk, and how big each route's HTML is as a server sends it.
 *
 * An article's two addresses (`article/<id>.html`, `article/<id>/index.html`) are one file linked
 * twice, so files are counted once per inode. Pages with a precompressed `.br` copy are sent as that
 * copy; dispatch pages have none and are compressed as they are sent, at brotli 5 (our server,
 * src/site/static-files.ts), so they are measured compressed the same way.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants } from 'node:zlib';

/** The quality our server compresses pages at when they have no .br copy. */
export const SERVER_BROTLI_QUALITY = 5;
/** Pages compressed at once: enough to keep libuv's threads busy, few enough to hold little memory. */
const AT_ONCE = 4;

const compress = promisify(brotliCompress);

export interface HtmlSize {
  /** Relative to the site's root, e.g. `article/003_de0e4ba2ab4b4e39.html`. */
  file: string;
  bytes: number;
  brotliBytes: number;
  /** Whether the build made the .br copy, or the bench compressed the page as the server would. */
  precompressed: boolean;
}

export interface SiteSizes {
  /** Every file once, however many names it has. */
  bytes: number;
  files: number;
  /** Bytes under each top-level entry (`article`, `data`, `assets`, `index.html`…), largest first. */
  byFolder: Array<[name: string, bytes: number]>;
  /** Every route's HTML, the largest compressed first. */
  html: HtmlSize[];
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

async function brotliSizeAsSent(file: string): Promise<{ brotliBytes: number; precompressed: boolean }> {
  const copy = await stat(`${file}.br`).catch(() => null);
  if (copy !== null) return { brotliBytes: copy.size, precompressed: true };
  const compressed = await compress(await readFile(file), { params: { [constants.BROTLI_PARAM_QUALITY]: SERVER_BROTLI_QUALITY } });
  return { brotliBytes: compressed.length, precompressed: false };
}

export async function measureSite(root: string): Promise<SiteSizes> {
  const seen = new Set<number>();
  const byFolder = new Map<string, number>();
  const pages: Array<{ file: string; bytes: number }> = [];
  let bytes = 0;
  for (const file of await listFiles(root)) {
    const info = await stat(file);
    if (seen.has(info.ino)) continue;
    seen.add(info.ino);
    bytes += info.size;
    const path = relative(root, file);
    const top = path.split(sep)[0] ?? path;
    byFolder.set(top, (byFolder.get(top) ?? 0) + info.size);
    if (file.endsWith('.html')) pages.push({ file: path.split(sep).join('/'), bytes: info.size });
  }
  const html: HtmlSize[] = [];
  for (let start = 0; start < pages.length; start += AT_ONCE) {
    const batch = pages.slice(start, start + AT_ONCE);
    html.push(...(await Promise.all(batch.map(async (page) => ({ ...page, ...(await brotliSizeAsSent(join(root, page.file))) })))));
  }
  html.sort((a, b) => b.brotliBytes - a.brotliBytes || a.file.localeCompare(b.file));
  return { bytes, files: seen.size, byFolder: [...byFolder].sort((a, b) => b[1] - a[1]), html };
}
