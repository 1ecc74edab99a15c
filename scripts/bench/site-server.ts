/**
 * The site as the browser bench serves it: the built folder as it is, and the raw text of each
 * measured dispatch beside it under `/raw/`, so a page and the plain text of the same dispatch come
 * from the same server with the same compression. The site is served in place, never copied: at
 * 10,000 dispatches a copy would cost more than the measurement.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { constants } from 'node:zlib';
import { brotli } from '../../src/site/output.ts';
import { serveStatic } from '../../src/site/static-files.ts';

export const RAW_PREFIX = '/raw/';

export interface Server {
  origin: string;
  close: () => Promise<void>;
}

/** Where the raw text of a dispatch is served. */
export function rawPath(id: string): string {
  return `${RAW_PREFIX}${id}.txt`;
}

/**
 * Serves `root` with our own static server on a free loopback port, and each dispatch file of
 * `texts` (id → path) at `/raw/<id>.txt`, with a brotli copy made as the build makes them for assets.
 */
export async function serveSite(root: string, texts: ReadonlyMap<string, string>): Promise<Server> {
  const rawDir = await mkdtemp(join(tmpdir(), 'dispatch-bench-raw-'));
  await mkdir(rawDir, { recursive: true });
  for (const [id, file] of texts) {
    const text = await readFile(file);
    await writeFile(join(rawDir, `${id}.txt`), text);
    await writeFile(join(rawDir, `${id}.txt.br`), brotli(text, constants.BROTLI_MAX_QUALITY));
  }
  const site = serveStatic(root);
  const raw = serveStatic(rawDir);
  const server = createServer((req, res) => {
    if (req.url?.startsWith(RAW_PREFIX)) {
      req.url = req.url.slice(RAW_PREFIX.length - 1);
      raw(req, res);
    } else site(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: async () => {
      await new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      });
      await rm(rawDir, { recursive: true, force: true });
    },
  };
}
