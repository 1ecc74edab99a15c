/** npm run bundle, run as a person would: exit codes, what is printed, what is written. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleSchema } from '../../../src/core/schema.ts';
import { FIXTURES_DIR, SEEDS_DIR } from './support.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'dispatch-cli-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function runBundle(input: string, output: string, ...more: string[]): { status: number | null; stdout: string; stderr: string } {
  const args = ['tsx', 'scripts/bundle.ts', '--in', input, '--out', output, '--cache', join(scratch, 'cache'), ...more];
  const run = spawnSync('npx', args, { cwd: ROOT, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** What a person would take for a crash: a stack trace. */
const STACK_LINE = /^\s+at /m;

describe('scripts/bundle.ts', () => {
  it('writes a valid bundle for the seeds, prints their warnings and a summary, and exits 0', () => {
    const output = join(scratch, 'nested', 'dispatches.json');
    const run = runBundle(SEEDS_DIR, output);
    expect(run.status).toBe(0);
    const bundle = bundleSchema.parse(JSON.parse(readFileSync(output, 'utf8')));
    expect(bundle.dispatches).toHaveLength(5);
    expect(run.stdout).toContain('001_660d5ccee3f9ddf8.txt: warning: no date in the text');
    expect(run.stdout).toMatch(/Wrote .*dispatches\.json: 5 dispatches \(1 with warnings, \d+ from cache\)/);
    expect(run.stderr).toBe('');
  }, 30_000);

  it('takes every dispatch from the cache on a second run over the same files', () => {
    const output = join(scratch, 'again.json');
    runBundle(SEEDS_DIR, output);
    const run = runBundle(SEEDS_DIR, output);
    expect(run.stdout).toMatch(/5 dispatches \(1 with warnings, 5 from cache\)/);
  }, 30_000);

  it('writes the good files of a broken archive, lists every problem on stderr and exits 1', () => {
    const output = join(scratch, 'broken.json');
    const run = runBundle(`${FIXTURES_DIR}broken-archive`, output);
    expect(run.status).toBe(1);
    const problems = run.stderr.trim().split('\n');
    expect(problems).toEqual([
      expect.stringMatching(/^binary\.txt: /),
      expect.stringMatching(/^empty\.txt: /),
      expect.stringMatching(/^latin1\.txt: /),
      expect.stringMatching(/^same-id\.txt: .*"same id\.txt"/),
    ]);
    const bundle = bundleSchema.parse(JSON.parse(readFileSync(output, 'utf8')));
    expect(bundle.dispatches.map((dispatch) => dispatch.sourceFile)).toEqual(['good.txt', 'same id.txt']);
    expect(run.stdout).toMatch(/2 dispatches .*; 4 files left out with problems/);
  }, 30_000);

  it('writes nothing and exits 2 when not one file becomes a dispatch', () => {
    const folder = join(scratch, 'all-bad');
    mkdirSync(folder);
    writeFileSync(join(folder, 'empty.txt'), '');
    const output = join(scratch, 'all-bad.json');
    const run = runBundle(folder, output);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^empty\.txt: the file is empty\n.*all-bad: not one file became a dispatch; nothing written\n$/);
    expect(existsSync(output)).toBe(false);
  }, 30_000);

  it('ends with one line and no stack trace when --out names a folder', () => {
    const run = runBundle(SEEDS_DIR, scratch);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`${scratch}: is a folder; give the path of the bundle file to write; nothing written\n`);
  }, 30_000);

  it('ends with one line and no stack trace when --out cannot be written', () => {
    const file = join(scratch, 'plain-file');
    writeFileSync(file, 'not a folder');
    const run = runBundle(SEEDS_DIR, join(file, 'dispatches.json'));
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^.*plain-file\/dispatches\.json: cannot create the folder .*; nothing written\n$/);
    expect(run.stderr).not.toMatch(STACK_LINE);
  }, 30_000);

  it('ends with one line and no stack trace when the folder does not exist', () => {
    const output = join(scratch, 'never.json');
    const run = runBundle(join(scratch, 'no-such-folder'), output);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^.*no-such-folder: cannot read the folder \(no such file or folder\); nothing written\n$/);
    expect(existsSync(output)).toBe(false);
  }, 30_000);

  it('explains a wrong flag with the usage and exits 2', () => {
    const run = runBundle(SEEDS_DIR, join(scratch, 'unused.json'), '--workers', 'many');
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--workers wants a whole number .*\nusage: npm run bundle/);
  }, 30_000);
});
