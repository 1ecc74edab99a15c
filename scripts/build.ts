/**
 * `npm run build -- [--in <folder>]`: dispatch files → the static site in dist/.
 *
 * 1. Vite builds the browser app and, for Node, the same app with the build's page renderer
 *    (scripts/build-app.ts, in a child process; skipped when nothing it reads has changed).
 * 2. The site build (src/site/build-site.ts) ingests the folder, indexes it, renders each page that
 *    changed since the last build, and writes the data files, with .br copies.
 *
 * A second build reuses what the first cached (node_modules/.cache/dispatch-reader, or the folder
 * `--cache` names), so adding one dispatch to a large archive rewrites only what it changes. The
 * benchmark gives each build its own cache, to time a cold build and then a rebuild. SITE_ORIGIN (e.g.
 * https://dispatches.example) makes canonical, Open Graph and feed URLs absolute.
 */
import { createHash } from 'node:crypto';
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { buildSite, type BuiltApp, type BuildSummary } from '../src/site/build-site.ts';
import { SCREEN_STYLESHEET, withoutNotes } from '../src/site/page-html.ts';
import { CACHE_DIR, CLIENT_OUT_DIR, DIST_DIR, PROJECT_ROOT, SEEDS_DIR, SERVICE_WORKER_OUT_FILE, SSR_OUT_DIR } from '../src/site/paths.ts';
import { createProgress } from './lib/progress.ts';

// The site is always a production build, whatever the caller's environment says (test runners set
// NODE_ENV=test): React's development build would prerender the same pages two to three times slower.
process.env.NODE_ENV = 'production';

const USAGE = 'usage: npm run build -- [--in <folder of dispatch .txt files>] [--out <folder>] [--cache <folder>]';

async function main(): Promise<number> {
  let options: { in: string; out: string; cache: string };
  try {
    const { values } = parseArgs({
      options: { in: { type: 'string', default: SEEDS_DIR }, out: { type: 'string', default: DIST_DIR }, cache: { type: 'string', default: CACHE_DIR } },
      strict: true,
    });
    options = { in: resolve(values.in), out: resolve(values.out), cache: resolve(values.cache) };
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`);
    return 2;
  }
  const started = performance.now();
  const app = await buildApp();
  const appSeconds = (performance.now() - started) / 1000;
  const appMegabytes = Math.round(process.memoryUsage.rss() / 1e6);
  const summary = await buildSite({
    inDir: options.in,
    outDir: options.out,
    cacheDir: options.cache,
    app,
    origin: process.env.SITE_ORIGIN,
    onProgress: createProgress(),
  });
  // Summed from the build's record of what it wrote; a record older than its sizes means a walk.
  const bytes = summary.bytes ?? folderBytes(options.out);
  summary.stages.unshift(['app', appSeconds, appMegabytes]);
  process.stdout.write(report(summary, bytes, (performance.now() - started) / 1000, options));
  return summary.dispatches === 0 ? 1 : 0;
}

/**
 * The app's bundles, built again only when what they are made from changed (the sources, the page
 * template, the Vite config, the locked dependencies): a rebuild for a new dispatch skips Vite. The
 * same inputs name the app's version, which decides whether every page is rendered again.
 */
async function buildApp(): Promise<BuiltApp> {
  const inputs = createHash('sha256');
  const sources = listFiles(join(PROJECT_ROOT, 'src')).sort();
  for (const file of [...sources, ...['index.html', 'vite.config.ts', 'package-lock.json', 'scripts/build-app.ts'].map((name) => join(PROJECT_ROOT, name))]) {
    inputs.update(relative(PROJECT_ROOT, file)).update(await readFile(file));
  }
  const stamp = inputs.digest('hex');
  const stampFile = join(SSR_OUT_DIR, '..', 'app-inputs');
  if ((await readFile(stampFile, 'utf8').catch(() => '')) !== stamp) {
    await runChild(process.execPath, ['--import', 'tsx', 'scripts/build-app.ts']);
    await writeFile(stampFile, stamp);
  }
  const template = withoutNotes(await readFile(join(CLIENT_OUT_DIR, 'index.html'), 'utf8'));
  const cssHref = /href="([^"]+)"/.exec(SCREEN_STYLESHEET.exec(template)?.[0] ?? '')?.[1];
  if (cssHref === undefined) throw new Error('the built index.html links no stylesheet to inline');
  const assets = new Map<string, Buffer>();
  let css = '';
  for (const file of listFiles(CLIENT_OUT_DIR)) {
    const path = relative(CLIENT_OUT_DIR, file).split(sep).join('/');
    if (path === 'index.html') continue;
    const content = await readFile(file);
    // Every page inlines the stylesheet, so the file itself would only be dead weight.
    if (`/${path}` === cssHref) css = content.toString('utf8');
    else assets.set(path, content);
  }
  const worker = await readFile(SERVICE_WORKER_OUT_FILE, 'utf8');
  // The sources cover the site build's own code too (how a page is put together), not only the app's.
  return { template, css, assets, serverDir: SSR_OUT_DIR, version: stamp.slice(0, 16), worker };
}

function runChild(command: string, args: string[]): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { cwd: PROJECT_ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', fail);
    child.on('exit', (code) => (code === 0 ? done() : fail(new Error(`building the app failed (exit ${code ?? 'by signal'})`))));
  });
}

/**
 * Every file under a folder. Synchronous: over a 10,000-dispatch dist/ (22,000 files) the promise form
 * of a recursive readdir took 0.8 to 1.4 s, a tenth of a rebuild, and this one 0.15 s.
 */
function listFiles(folder: string): string[] {
  const entries = readdirSync(folder, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

/** dist/'s size on disk: a file linked under two names (an article's two addresses) counts once. */
function folderBytes(folder: string): number {
  const seen = new Set<number>();
  let bytes = 0;
  // One stat per file, tens of thousands of them: synchronous calls skip the thread pool's round trips.
  for (const file of listFiles(folder)) {
    const info = statSync(file);
    if (seen.has(info.ino)) continue;
    seen.add(info.ino);
    bytes += info.size;
  }
  return bytes;
}

function report(summary: BuildSummary, bytes: number, seconds: number, options: { in: string; out: string }): string {
  const lines: string[] = [];
  const warned = summary.warnings.length;
  if (warned > 0 && warned <= 20) {
    lines.push('Warnings', ...summary.warnings.flatMap(({ file, warnings }) => warnings.map((warning) => `  ${file}: ${warning}`)));
  } else if (warned > 20) {
    lines.push(`Warnings (${warned} files; the most common):`, ...commonWarnings(summary.warnings));
  }
  if (summary.problems.length > 0) lines.push(`Left out (${summary.problems.length}):`, ...summary.problems.map((problem) => `  ${problem}`));
  const count = (n: number, noun: string) => `${n.toLocaleString('en')} ${noun}${n === 1 ? '' : noun.endsWith('h') ? 'es' : 's'}`;
  lines.push(
    `${count(summary.dispatches, 'dispatch')} from ${relative(PROJECT_ROOT, options.in) || '.'}, ${count(warned, 'file')} with warnings, ${count(summary.problems.length, 'file')} left out;`,
    `${count(summary.pagesRendered, 'page')} rendered (${summary.pagesWritten.toLocaleString('en')} changed), ${count(summary.filesWritten, 'file')} written, ${summary.filesUnchanged.toLocaleString('en')} unchanged, ${summary.filesRemoved.toLocaleString('en')} removed;`,
    `${relative(PROJECT_ROOT, options.out) || '.'}/ holds ${(bytes / 1e6).toFixed(1)} MB; ${seconds.toFixed(1)} s (${summary.stages.map(([stage, time, megabytes]) => `${stage} ${time.toFixed(1)} s, ${megabytes} MB`).join('; ')}).`,
  );
  return `${lines.join('\n')}\n`;
}

/** Warnings grouped by what they say, with a file that shows each: readable at any archive size. */
function commonWarnings(warnings: BuildSummary['warnings']): string[] {
  const groups = new Map<string, { count: number; example: string }>();
  for (const { file, warnings: list } of warnings) {
    for (const warning of list) {
      const kind = warning.replace(/"[^"]*"|“[^”]*”|\d+/g, '…');
      const group = groups.get(kind) ?? { count: 0, example: `${file}: ${warning}` };
      group.count += 1;
      groups.set(kind, group);
    }
  }
  return [...groups.values()]
    .sort((a, b) => b.count - a.count)
    .slice(0, 10)
    .map(({ count, example }) => `  ${count.toLocaleString('en')} × e.g. ${example}`);
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
