/** How the bench finds a build's processes and reads their memory from /proc. */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { descendantsOf, runMeasured, statusField } from '../../../scripts/bench/process-tree.ts';
import { buildScriptArguments, dispatchesBuilt } from '../../../scripts/bench/scale.ts';

describe('descendantsOf', () => {
  it('finds children and grandchildren, and nothing else', () => {
    const parents = new Map([
      [10, 1],
      [11, 10],
      [12, 11],
      [13, 1],
      [14, 13],
    ]);
    expect(descendantsOf(10, parents).sort()).toEqual([10, 11, 12]);
  });
});

describe('statusField', () => {
  it('reads a kB figure of /proc/<pid>/status as bytes', () => {
    const status = 'Name:\tnode\nVmHWM:\t  204800 kB\nVmRSS:\t  102400 kB\n';
    expect(statusField(status, 'VmRSS')).toBe(102_400 * 1024);
    expect(statusField(status, 'VmHWM')).toBe(204_800 * 1024);
    expect(statusField(status, 'VmSwap')).toBeNull();
  });
});

describe.skipIf(!existsSync('/proc/self/status'))('runMeasured', () => {
  it('sees the memory a child process of the command holds', async () => {
    // A shell whose child fills 200 MB (the shell waits for it, then runs `true`): the tree, not
    // only the process started, is watched.
    const script = 'const kept = Buffer.alloc(200e6, 1); setTimeout(() => console.log(kept.length), 300);';
    const run = await runMeasured('sh', ['-c', `"${process.execPath}" -e '${script}'; true`], { cwd: process.cwd() });
    expect(run.exitCode).toBe(0);
    expect(run.stdout.trim()).toBe('200000000');
    expect(run.peakRssBytes).toBeGreaterThan(200e6);
  });
});

describe('dispatchesBuilt', () => {
  it('reads how many dispatches a build reports', () => {
    expect(dispatchesBuilt('Warnings\n1,001 dispatches from <archive>/input, 2 files with warnings;\n…')).toBe(1001);
    expect(dispatchesBuilt('1 dispatch from seeds, 0 files with warnings')).toBe(1);
    expect(dispatchesBuilt('the build failed')).toBeNull();
  });
});

describe('buildScriptArguments', () => {
  it("gives node the build script's own flags, so the bench times the build as npm runs it", () => {
    const scripts = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts;
    const args = buildScriptArguments(scripts);
    expect(`node ${args.join(' ')}`).toBe(scripts.build);
    expect(args.at(-1)).toBe('scripts/build.ts');
  });

  it('refuses a build script that does not start node', () => {
    expect(() => buildScriptArguments({ build: 'vite build' })).toThrow(/should start with "node"/);
    expect(() => buildScriptArguments({})).toThrow(/should start with "node"/);
  });
});
