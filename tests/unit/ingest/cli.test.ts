/** npm run bundle, run as a person would: exit codes, what is printed, what is written. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleSchema } from '../../../src/core/schema.ts';
import { FIXTURES_DIR, SEEDS_DIR } from './support.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'dispatch-cli-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function runBundle(input: string, output: string): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync('npx', ['tsx', 'scripts/bundle.ts', '--in', input, '--out', output], { cwd: ROOT, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('scripts/bundle.ts', () => {
  it('writes a valid bundle for the seeds and prints one report row per dispatch', () => {
    const output = join(scratch, 'nested', 'dispatches.json');
    const run = runBundle(SEEDS_DIR, output);
    expect(run.status).toBe(0);
    const bundle = bundleSchema.parse(JSON.parse(readFileSync(output, 'utf8')));
    expect(bundle.dispatches).toHaveLength(5);
    for (const dispatch of bundle.dispatches) expect(run.stdout).toContain(dispatch.sourceFile);
    expect(run.stdout).toContain('no date in the text');
  }, 30_000);

  it('lists every problem in a broken archive on stderr, exits 1 and writes nothing', () => {
    const output = join(scratch, 'broken.json');
    const run = runBundle(`${FIXTURES_DIR}broken-archive`, output);
    expect(run.status).toBe(1);
    for (const name of ['binary.txt', 'empty.txt', 'latin1.txt', 'same id.txt', 'same-id.txt']) expect(run.stderr).toContain(name);
    expect(run.stderr).toMatch(/4 problems .*nothing written/);
    expect(existsSync(output)).toBe(false);
  }, 30_000);

  it('fails with a clear message when the folder does not exist', () => {
    const run = runBundle(join(scratch, 'no-such-folder'), join(scratch, 'never.json'));
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/no-such-folder: cannot read the folder/);
  }, 30_000);
});
