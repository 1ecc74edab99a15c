/**
 * `npm start -- [--in <folder>] [--out <folder>]`: builds the site from a folder of dispatch files
 * (scripts/build.ts, the seeds by default) and serves it as a plain static host would, at
 * http://localhost:4173 (`vite preview`).
 */
import { spawn, spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DIST_DIR, PROJECT_ROOT } from '../src/site/paths.ts';

const USAGE = 'usage: npm start -- [--in <folder of dispatch .txt files>] [--out <folder>]';

let values: { in?: string; out?: string };
try {
  ({ values } = parseArgs({ options: { in: { type: 'string' }, out: { type: 'string' } }, strict: true }));
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`);
  process.exit(2);
}

const out = resolve(values.out ?? DIST_DIR);
const buildArgs = [...(values.in === undefined ? [] : ['--in', values.in]), '--out', out];
const built = spawnSync(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, 'scripts/build.ts'), ...buildArgs], { cwd: PROJECT_ROOT, stdio: 'inherit' });
// A build with files left out still succeeds (it names them); one with nothing to show does not.
if (built.status !== 0) process.exit(built.status ?? 1);

const preview = spawn(join(PROJECT_ROOT, 'node_modules/.bin/vite'), ['preview', '--outDir', out], { cwd: PROJECT_ROOT, stdio: 'inherit' });
preview.on('exit', (code) => process.exit(code ?? 0));
