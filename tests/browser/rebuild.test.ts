/**
 * A second build, as a maintainer runs it when the archive grows: through the real command, on a
 * small generated archive. A rebuild re-renders only the pages one new dispatch changes, touches no
 * file it does not have to, and takes the dispatch out again when its file goes. (The browser
 * project's setup has built the app, so these builds skip Vite.)
 */
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSyntheticArchive } from '../../scripts/lib/synthetic-archive.ts';
import { readBuiltList } from '../../src/site/data-files.ts';
import { articleFiles } from '../../src/site/pages.ts';
import { PROJECT_ROOT } from '../../src/site/paths.ts';

const ARCHIVE_SIZE = 40;

let work = '';
const folders = () => ({ in: join(work, 'in'), out: join(work, 'out'), cache: join(work, 'cache') });

/** Runs `npm run build` on the work folders; returns its summary line of pages and files. */
function build(): string {
  const { in: inDir, out, cache } = folders();
  const result = spawnSync('npx', ['tsx', 'scripts/build.ts', '--in', inDir, '--out', out, '--cache', cache], { cwd: PROJECT_ROOT, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`the build failed:\n${result.stdout}\n${result.stderr}`);
  const line = result.stdout.split('\n').find((text) => text.includes('pages rendered'));
  if (line === undefined) throw new Error(`the build printed no summary:\n${result.stdout}`);
  return line;
}

/** Every file of the built site with its modification time. */
async function modificationTimes(): Promise<Map<string, number>> {
  const times = new Map<string, number>();
  const { out } = folders();
  for (const entry of await readdir(out, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = join(entry.parentPath, entry.name);
    times.set(file.slice(out.length + 1), (await stat(file)).mtimeMs);
  }
  return times;
}

async function exists(path: string): Promise<boolean> {
  return stat(join(folders().out, path)).then(
    () => true,
    () => false,
  );
}

describe('a rebuild after the archive changes (npm run build, twice)', () => {
  let newFile = '';

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'dispatch-rebuild-'));
    const { in: inDir } = folders();
    await mkdir(inDir);
    await writeSyntheticArchive(inDir, ARCHIVE_SIZE + 1);
    // The last generated file arrives later, as a new dispatch does.
    newFile = (await readdir(inDir)).sort().at(-1) ?? '';
    await rename(join(inDir, newFile), join(work, newFile));
    expect(build()).toMatch(new RegExp(`^${ARCHIVE_SIZE} pages rendered`));
  }, 120_000);

  afterAll(async () => rm(work, { recursive: true, force: true }));

  it('touches no file when nothing changed', { timeout: 60_000 }, async () => {
    const before = await modificationTimes();
    expect(build()).toMatch(/^0 pages rendered \(0 changed\), 0 files written, \d+ unchanged, 0 removed/);
    expect(await modificationTimes()).toEqual(before);
  });

  it('after one new dispatch renders its page and its neighbours only, and leaves the shared assets alone', { timeout: 60_000 }, async () => {
    const before = await modificationTimes();
    const { entries: listed } = await readBuiltList(folders().out);
    await rename(join(work, newFile), join(folders().in, newFile));

    const summary = build();

    const { entries } = await readBuiltList(folders().out);
    expect(entries).toHaveLength(ARCHIVE_SIZE + 1);
    const added = entries.find((entry) => !listed.some((old) => old.id === entry.id));
    if (added === undefined) throw new Error('the new dispatch is not in the list');
    for (const path of articleFiles(added.id)) expect(await exists(path)).toBe(true);
    const rendered = Number(/^(\d+) pages rendered/.exec(summary)?.[1]);
    expect(rendered).toBeGreaterThanOrEqual(1);
    expect(rendered).toBeLessThan(ARCHIVE_SIZE / 2);
    const after = await modificationTimes();
    const assets = [...before.keys()].filter((path) => path.startsWith('assets/'));
    expect(assets.length).toBeGreaterThan(0);
    for (const path of assets) expect(after.get(path), path).toBe(before.get(path));
  });

  it('takes the dispatch out, page and all, when its file is removed', { timeout: 60_000 }, async () => {
    const { entries: listed } = await readBuiltList(folders().out);
    await rename(join(folders().in, newFile), join(work, newFile));

    build();

    const { entries } = await readBuiltList(folders().out);
    expect(entries).toHaveLength(ARCHIVE_SIZE);
    const gone = listed.find((entry) => !entries.some((kept) => kept.id === entry.id));
    if (gone === undefined) throw new Error('no dispatch left the list');
    for (const path of articleFiles(gone.id)) expect(await exists(path)).toBe(false);
  });
});
