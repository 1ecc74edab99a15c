/**
 * The script the ingest's worker threads run: the parser joined into one plain JavaScript file.
 *
 * A thread that loads the parser as TypeScript first starts tsx's loader, which runs on a thread of its
 * own and answers every import by message: about half the CPU a thread takes to start, and a few
 * hundred milliseconds before it parses its first file (docs/decisions/0021-worker-threads-run-one-script.md).
 * esbuild joins the parser's modules once per version of the ingest's code, into node_modules/.cache;
 * packages stay imports, found from there as from src/ingest, except eld, whose n-gram table goes in
 * as JSON. Where that cannot be done (esbuild missing, a folder that cannot be written), threads load
 * the TypeScript as before.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ELD_ENTRY, ELD_PART_PATHS } from './eld-parts.ts';
import { ingestVersion } from './version.ts';

/** The TypeScript entry, which registers tsx in the thread: the fallback, and what tests may give instead. */
export const TYPESCRIPT_WORKER_ENTRY = new URL('./parse-worker.mjs', import.meta.url);
const WORKER_SOURCE = new URL('./parse-worker.ts', import.meta.url);
const SCRIPT_DIR = new URL('../../node_modules/.cache/dispatch-reader/parse-worker/', import.meta.url);
/** The table of the eld build the ingest imports (language.ts). */
const ELD_TABLE = /[\\/]eld[\\/]src[\\/]ngrams[\\/]small\.js$/;
const ELD_PARTS_MODULE = /[\\/]eld-parts\.ts$/;
/** Scripts of other versions are left this long, for a process that still runs one, then removed. */
const KEEP_OLD_SCRIPTS_MS = 24 * 60 * 60 * 1000;

let script: Promise<URL> | null = null;

/** The worker threads' entry: the joined script when it can be had, the TypeScript entry otherwise. */
export function workerEntry(): Promise<URL> {
  script ??= joinedScript().catch(() => TYPESCRIPT_WORKER_ENTRY);
  return script;
}

async function joinedScript(): Promise<URL> {
  // Paths are taken here, not when the module loads: where the module is bundled for a browser-like
  // test environment its URL is no file's, and it must still load.
  const folder = fileURLToPath(SCRIPT_DIR);
  // The version hashes every source file of the ingest and the packages it uses: all the script is made of.
  const file = join(folder, `${await ingestVersion()}.mjs`);
  // Checked synchronously: a run that parses on the calling thread meanwhile may not come back to the
  // event loop for a while, and the threads should start as soon as the script is known.
  if (!existsSync(file)) await writeJoinedScript(folder, file);
  return pathToFileURL(file);
}

async function writeJoinedScript(folder: string, file: string): Promise<void> {
  const source = fileURLToPath(WORKER_SOURCE);
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [source],
    bundle: true,
    platform: 'node',
    format: 'esm',
    write: false,
    logLevel: 'silent',
    plugins: [
      {
        name: 'packages-stay-imports-but-eld',
        setup(script) {
          // Packages are found at run time from where the script is, as they are from src/ingest.
          script.onResolve({ filter: /^[^./]/ }, (args) =>
            args.path === 'eld' || args.path.startsWith('eld/') || isAbsolute(args.path) ? undefined : { path: args.path, external: true },
          );
          // eld's n-gram table is a 1.6 MB object literal, which a thread spends a third of a second
          // compiling; the same table as JSON text is parsed in a tenth of that.
          script.onLoad({ filter: ELD_TABLE }, async (args) => {
            const table: unknown = ((await import(pathToFileURL(args.path).href)) as { ngramsData: unknown }).ngramsData;
            return { contents: `export const ngramsData = JSON.parse(${JSON.stringify(JSON.stringify(table))});`, loader: 'js' };
          });
          // eld-parts.ts finds eld's files at run time from where it is; joined here, they are taken
          // in by their paths instead, the table among them (as JSON, above) only once.
          script.onLoad({ filter: ELD_PARTS_MODULE }, () => {
            const entry = import.meta.resolve(ELD_ENTRY);
            const from = (name: keyof typeof ELD_PART_PATHS) => `import { ${name} } from ${JSON.stringify(fileURLToPath(new URL(ELD_PART_PATHS[name], entry)))};`;
            return { contents: `${from('ngramsData')}\n${from('separators')}\n${from('dictionary')}\nexport const eldParts = { ngramsData, separators, dictionary };`, loader: 'js' };
          });
        },
      },
    ],
  });
  const code = result.outputFiles[0]?.text;
  if (code === undefined) throw new Error(`${source}: esbuild gave no script`);
  await mkdir(folder, { recursive: true });
  // Written beside and renamed into place, so a thread never loads half a script another process writes.
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, code);
  await rename(temporary, file);
  await removeOldScripts(folder, file);
}

async function removeOldScripts(folder: string, current: string): Promise<void> {
  const now = Date.now();
  for (const name of await readdir(folder)) {
    const path = join(folder, name);
    if (path === current) continue;
    const modified = await stat(path).then((stats) => stats.mtimeMs, () => now);
    if (now - modified > KEEP_OLD_SCRIPTS_MS) await rm(path, { force: true });
  }
}
