/**
 * npm run bundle -- --in <folder> --out <file>
 *
 * Turns a folder of dispatch .txt files into the validated JSON bundle the app reads. When any file
 * cannot become a dispatch, every problem is printed at once and nothing is written, so a half-good
 * archive never replaces a good bundle.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { buildBundle, formatReport, readDispatchFolder, serializeBundle, type SourceFile } from '../src/ingest/index.ts';
import { BUNDLE_FILE, SEEDS_DIR } from '../src/site/paths.ts';

const USAGE = 'usage: npm run bundle -- [--in <folder of .txt files>] [--out <bundle.json>]';

async function main(): Promise<number> {
  let options: { in: string; out: string; help: boolean };
  try {
    const { values } = parseArgs({
      options: {
        in: { type: 'string', default: SEEDS_DIR },
        out: { type: 'string', default: BUNDLE_FILE },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
    });
    options = { in: values.in, out: values.out, help: values.help };
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`);
    return 2;
  }
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }

  let files: SourceFile[];
  try {
    files = await readDispatchFolder(options.in);
  } catch (error) {
    process.stderr.write(`${options.in}: cannot read the folder (${error instanceof Error ? error.message : String(error)})\n`);
    return 1;
  }
  if (files.length === 0) {
    process.stderr.write(`${options.in}: no .txt files in the folder; nothing written\n`);
    return 1;
  }

  const result = buildBundle(files);
  if (!result.ok) {
    const count = result.errors.length;
    process.stderr.write(`${result.errors.join('\n')}\n\n${count} problem${count === 1 ? '' : 's'} in ${options.in}; nothing written\n`);
    return 1;
  }
  const json = serializeBundle(result.bundle);
  await mkdir(dirname(options.out), { recursive: true });
  await writeFile(options.out, json);
  process.stdout.write(formatReport(result.rows));
  process.stdout.write(`Wrote ${options.out} (${Buffer.byteLength(json)} bytes)\n`);
  return 0;
}

process.exitCode = await main();
