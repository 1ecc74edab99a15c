/**
 * npm run bundle -- --in <folder> --out <file>
 *
 * Turns a folder of dispatch .txt files into the validated JSON bundle, streamed: files are read a
 * few at a time and parsed on every core, dispatches are written one by one, and parsed dispatches
 * are cached so the next run re-reads only the files that changed.
 *
 * Exit status (docs/decisions/0008-publish-what-can-be-read.md):
 *   0  the bundle is written and every file became a dispatch
 *   1  the bundle is written without the files whose problems are printed
 *   2  nothing is written: a wrong flag, a folder that cannot be read, an output that cannot be
 *      written, or not a single file that became a dispatch
 * Problems go to stderr, warnings and the summary to stdout, progress to stderr.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { type BundleWriter, createProgress, ExplainedError, ingestFolder, openBundleWriter, type Progress } from '../src/ingest/index.ts';
import { formatCount } from '../src/ingest/progress.ts';
import { BUNDLE_FILE, PROJECT_ROOT, SEEDS_DIR } from '../src/site/paths.ts';

const USAGE = 'usage: npm run bundle -- [--in <folder of .txt files>] [--out <bundle.json>] [--cache <folder>] [--workers <n>]';
const DEFAULT_CACHE_DIR = join(PROJECT_ROOT, 'node_modules/.cache/dispatch-reader/ingest');

interface Options {
  in: string;
  out: string;
  cache: string;
  workers: number | undefined;
}

class UsageError extends Error {}

function optionsFromArgs(args: string[]): Options | 'help' {
  const { values } = parseArgs({
    args,
    options: {
      in: { type: 'string', default: SEEDS_DIR },
      out: { type: 'string', default: BUNDLE_FILE },
      cache: { type: 'string', default: DEFAULT_CACHE_DIR },
      workers: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) return 'help';
  const workers = values.workers === undefined ? undefined : Number(values.workers);
  if (workers !== undefined && (!Number.isInteger(workers) || workers < 0)) {
    throw new UsageError(`--workers wants a whole number of threads (0 parses on the main thread), not "${values.workers}"`);
  }
  return { in: values.in, out: values.out, cache: values.cache, workers };
}

interface Tally {
  files: number;
  dispatches: number;
  warned: number;
  fromCache: number;
  problems: number;
}

/** Every file of the folder into the writer; problems and warnings are printed as they come. */
async function bundleFolder(options: Options, writer: BundleWriter, progress: Progress): Promise<Tally> {
  const tally: Tally = { files: 0, dispatches: 0, warned: 0, fromCache: 0, problems: 0 };
  const events = ingestFolder({
    folder: options.in,
    cacheDir: options.cache,
    workers: options.workers,
    onProgress: (counts) => progress.update(counts),
  });
  for await (const event of events) {
    tally.files += 1;
    const refusal = event.kind === 'problem' ? event.message : (await writer.add(event.dispatch, event.entry)).join('\n');
    if (refusal !== '') {
      tally.problems += 1;
      progress.print(refusal, process.stderr);
      continue;
    }
    if (event.kind !== 'dispatch') continue;
    const { dispatch } = event;
    tally.dispatches += 1;
    if (event.fromCache) tally.fromCache += 1;
    if (dispatch.warnings.length > 0) {
      tally.warned += 1;
      progress.print(dispatch.warnings.map((warning) => `${dispatch.sourceFile}: warning: ${warning}`).join('\n'), process.stdout);
    }
  }
  return tally;
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`;
}

function formatBytes(bytes: number): string {
  return bytes < 1_000_000 ? `${Math.ceil(bytes / 1_000)} KB` : `${(bytes / 1_000_000).toFixed(1)} MB`;
}

function summaryOf(tally: Tally, bytes: number, seconds: number): string {
  const problems = tally.problems === 0 ? '' : `; ${plural(tally.problems, 'file')} left out with problems (listed above)`;
  return (
    `${plural(tally.dispatches, 'dispatch', 'dispatches')} (${formatCount(tally.warned)} with warnings, ` +
    `${formatCount(tally.fromCache)} from cache), ${formatBytes(bytes)} in ${seconds.toFixed(1)} s${problems}`
  );
}

async function main(): Promise<number> {
  let options: Options;
  try {
    const parsed = optionsFromArgs(process.argv.slice(2));
    if (parsed === 'help') {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    options = parsed;
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`);
    return 2;
  }

  const started = performance.now();
  let writer: BundleWriter;
  try {
    writer = await openBundleWriter(options.out);
  } catch (error) {
    process.stderr.write(`${messageOf(error)}; nothing written\n`);
    return 2;
  }
  const progress = createProgress('bundle', process.stderr);
  let tally: Tally;
  try {
    tally = await bundleFolder(options, writer, progress);
  } catch (error) {
    await writer.abort();
    progress.print(`${messageOf(error)}; nothing written`, process.stderr);
    return 2;
  }
  if (tally.dispatches === 0) {
    await writer.abort();
    const why = tally.files === 0 ? 'no .txt files in the folder' : 'not one file became a dispatch';
    progress.print(`${options.in}: ${why}; nothing written`, process.stderr);
    return 2;
  }
  try {
    const written = await writer.finish();
    progress.finish(`Wrote ${options.out}: ${summaryOf(tally, written.bytes, (performance.now() - started) / 1000)}`, process.stdout);
  } catch (error) {
    progress.print(`${messageOf(error)}; nothing written`, process.stderr);
    return 2;
  }
  return tally.problems === 0 ? 0 : 1;
}

// An explained failure names the path and the reason; anything else is a bug, and then the stack is
// what the person reporting it should paste.
function messageOf(error: unknown): string {
  if (error instanceof ExplainedError) return error.message;
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

process.exitCode = await main();
