import { mkdtemp, readdir, rm, stat, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EMPTY_RECORD, Output, type OutputRecord } from '../../../src/site/output.ts';

let outDir: string;

beforeEach(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'dispatch-output-'));
});
afterEach(async () => {
  await rm(outDir, { recursive: true, force: true });
});

/** What the folder holds on disk, a file linked under two names counted once: what the build reports. */
async function walkedBytes(folder: string): Promise<number> {
  const seen = new Set<number>();
  let bytes = 0;
  for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const info = await stat(join(entry.parentPath, entry.name));
    if (seen.has(info.ino)) continue;
    seen.add(info.ino);
    bytes += info.size;
  }
  return bytes;
}

/** One build: a page at two addresses, a shared script with compressed copies, and a data folder. */
async function build(previous: OutputRecord, page: string, dataVersion: string): Promise<Output> {
  const output = new Output(outDir, previous);
  const script = 'const list = [];\n'.repeat(200);
  await output.write(['article/a.html', 'article/a/index.html'], page, 'none');
  await output.write(['assets/index.js'], script, 'best');
  // As writeDataFolder does: the data folder of this build is kept whole.
  await output.write([`data/${dataVersion}/list.json.gz`], `chunk of ${dataVersion}`, 'none');
  output.keepFolder(`data/${dataVersion}`);
  if (previous.dataVersion !== null && previous.dataVersion !== dataVersion) output.keepFolder(`data/${previous.dataVersion}`);
  output.record.dataVersion = dataVersion;
  await output.removeStale();
  return output;
}

describe('Output: what dist/ holds, without a walk of it', () => {
  it('counts a page linked under two names once, and a file with its compressed copies', async () => {
    const output = await build(EMPTY_RECORD, '<p>first</p>', 'a1a1a1');
    expect(output.bytesOnDisk()).toBe(await walkedBytes(outDir));
  });

  it('stays right for a rebuild that keeps some files, rewrites others and keeps the last data folder', async () => {
    const first = await build(EMPTY_RECORD, '<p>first</p>', 'a1a1a1');
    const second = await build(first.record, '<p>a longer second page</p>', 'b2b2b2');
    expect(second.unchangedCount).toBe(1);
    expect(second.bytesOnDisk()).toBe(await walkedBytes(outDir));
    // The build after drops the first data folder, and the count follows.
    const third = await build(second.record, '<p>a longer second page</p>', 'c3c3c3');
    expect(third.bytesOnDisk()).toBe(await walkedBytes(outDir));
    // Nothing changed: the same data folder, written and kept, is counted once.
    const fourth = await build(third.record, '<p>a longer second page</p>', 'c3c3c3');
    expect(fourth.bytesOnDisk()).toBe(await walkedBytes(outDir));
  });

  it('leaves out a file the build no longer makes', async () => {
    const first = await build(EMPTY_RECORD, '<p>first</p>', 'a1a1a1');
    const second = new Output(outDir, first.record);
    await second.write(['assets/index.js'], 'const list = [];\n'.repeat(200), 'best');
    await second.write(['data/a1a1a1/list.json.gz'], 'chunk of a1a1a1', 'none');
    second.keepFolder('data/a1a1a1');
    await second.removeStale();
    expect(second.bytesOnDisk()).toBe(await walkedBytes(outDir));
  });

  it('says it does not know when the last build recorded no sizes (an older record)', async () => {
    const first = await build(EMPTY_RECORD, '<p>first</p>', 'a1a1a1');
    const older: OutputRecord = { ...first.record, bytes: {} };
    const second = await build(older, '<p>first</p>', 'a1a1a1');
    expect(second.bytesOnDisk()).toBeNull();
  });
});

describe('Output.keep', () => {
  it('writes a page again when its file was taken out of dist/ since the last build', async () => {
    const first = await build(EMPTY_RECORD, '<p>first</p>', 'a1a1a1');
    await unlink(join(outDir, 'article/a.html'));
    const second = await build(first.record, '<p>first</p>', 'a1a1a1');
    expect(second.writtenCount).toBe(1);
    expect((await stat(join(outDir, 'article/a.html'))).size).toBe('<p>first</p>'.length);
  });
});
