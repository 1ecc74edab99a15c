/**
 * Serves the built site the way a plain static host would, without rewrite rules: `/article/<id>`
 * finds `article/<id>.html`, precompressed files go to clients that accept them, hashed files are
 * cached for good, the service worker at the root is never served from a cache without asking, and
 * an unknown address gets the 404 page with status 404. Like the hosts that read the build's
 * `_headers`, it sends the headers that file names, and does not serve the file itself.
 * Used by the preview server, the browser tests and the benchmark.
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { FIXED_HEADERS, HEADERS_FILE, headersForPath, parseHeadersFile, type HeaderRule } from './security-headers.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.gz': 'application/gzip',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.xml': 'application/atom+xml; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/** Hashed assets and a build's versioned data never change under the same name; `data/archive.json` does. */
const IMMUTABLE = /^\/(?:assets|data\/[0-9a-f]{6,})\//;
/** Worth compressing when no compressed copy was made ahead of time (dispatch pages). */
const COMPRESSIBLE_TYPE = /^(?:text\/|application\/(?:json|xml|atom\+xml|feed\+json|manifest\+json))/;

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** The file a pathname names: itself, `<path>.html` or `<path>/index.html`; null when none exists. */
async function resolveFile(root: string, pathname: string): Promise<string | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  const base = normalize(join(root, decoded));
  if (base !== root && !base.startsWith(root + sep)) return null;
  for (const candidate of [base, `${base}.html`, join(base, 'index.html')]) {
    if (await isFile(candidate)) return candidate;
  }
  return null;
}

/**
 * The rules of the build's `_headers`, read again whenever the file changes (a rebuild while the
 * server runs); none when the folder has no such file.
 */
function headerRules(rootDir: string): () => Promise<HeaderRule[]> {
  const file = join(rootDir, HEADERS_FILE);
  let read: { version: string | null; rules: HeaderRule[] } | undefined;
  return async () => {
    const version = await stat(file).then((info) => `${info.mtimeMs} ${info.size}`, () => null);
    if (read?.version !== version) read = { version, rules: version === null ? [] : parseHeadersFile(await readFile(file, 'utf8')) };
    return read.rules;
  };
}

/** A request handler for `http.createServer` or a connect middleware; it always answers. */
export function serveStatic(root: string): (req: IncomingMessage, res: ServerResponse) => void {
  const rootDir = normalize(root);
  const rules = headerRules(rootDir);
  return (req, res) => {
    send(rootDir, rules, req, res).catch(() => {
      // A file that vanished mid-request (a rebuild) or a failed read: answer rather than hang.
      if (res.headersSent) res.destroy();
      else res.writeHead(500, { 'Content-Type': 'text/plain' }).end('Server error');
    });
  };
}

async function send(rootDir: string, rules: () => Promise<HeaderRule[]>, req: IncomingMessage, res: ServerResponse): Promise<void> {
  // The path as sent: "//" or "/article/x//" are odd but harmless, and a URL parser would read "//x" as a host.
  const pathname = (req.url ?? '/').split(/[?#]/)[0] ?? '/';
  for (const [name, value] of Object.entries({ ...FIXED_HEADERS, ...headersForPath(await rules(), pathname) })) res.setHeader(name, value);
  if (req.method !== 'GET' && req.method !== 'HEAD') return void res.writeHead(405, { Allow: 'GET, HEAD' }).end();
  let file = await resolveFile(rootDir, pathname);
  // Configuration for the host, not part of the site.
  if (file === join(rootDir, HEADERS_FILE)) file = null;
  let status = 200;
  if (file === null) {
    file = join(rootDir, '404.html');
    status = 404;
    if (!(await isFile(file))) return void res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
  }
  const accepted = String(req.headers['accept-encoding'] ?? '');
  const type = TYPES[extname(file)] ?? 'application/octet-stream';
  let sent = file;
  let encoding: string | null = null;
  for (const [name, suffix] of [['br', '.br'], ['gzip', '.gz']] as const) {
    if (accepted.includes(name) && (await isFile(file + suffix))) {
      sent = file + suffix;
      encoding = name;
      break;
    }
  }
  const headers: Record<string, string | number> = {
    'Content-Type': type,
    // A missing file may appear with the next build: only what exists is cached for good. All else,
    // `sw.js` above all (browsers compare it to find a new build, decision 0013), is asked for again.
    'Cache-Control': status === 200 && IMMUTABLE.test(pathname) ? 'public, max-age=31536000, immutable' : 'no-cache',
    Vary: 'Accept-Encoding',
  };
  const compressOnTheFly = encoding === null && COMPRESSIBLE_TYPE.test(type) && /\b(?:br|gzip)\b/.test(accepted);
  if (compressOnTheFly) {
    const content = await readFile(file);
    const useBrotli = /\bbr\b/.test(accepted);
    const body = useBrotli ? brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }) : gzipSync(content);
    res.writeHead(status, { ...headers, 'Content-Encoding': useBrotli ? 'br' : 'gzip', 'Content-Length': body.length });
    return void res.end(req.method === 'HEAD' ? undefined : body);
  }
  headers['Content-Length'] = (await stat(sent)).size;
  if (encoding) headers['Content-Encoding'] = encoding;
  res.writeHead(status, headers);
  if (req.method === 'HEAD') return void res.end();
  await new Promise<void>((resolve, reject) => {
    createReadStream(sent).on('error', reject).pipe(res).on('finish', resolve).on('error', reject);
  });
}
