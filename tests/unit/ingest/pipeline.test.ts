/**
 * The streaming ingest as the site build and the CLI meet it: every file once and in name order, a
 * bad file never stopping the others, worker threads giving what the calling thread gives, and a
 * bounded number of files in hand at any moment.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { buildBundle, readDispatchFolder } from '../../../src/ingest/index.ts';
import { type DispatchSource, type IngestEvent, type IngestOptions, ingestFolder, ingestSource } from '../../../src/ingest/pipeline.ts';
import { FIXTURES_DIR, SEEDS_DIR } from './support.ts';

const scratch = mkdtempSync(join(tmpdir(), 'dispatch-pipeline-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let folders = 0;
function newFolder(files: Record<string, string | Uint8Array> = {}): string {
  folders += 1;
  const folder = join(scratch, `folder-${folders}`);
  mkdirSync(folder, { recursive: true });
  for (const [name, content] of Object.entries(files)) writeFileSync(join(folder, name), content);
  return folder;
}

async function collect(iterable: AsyncIterable<IngestEvent>): Promise<IngestEvent[]> {
  const events: IngestEvent[] = [];
  for await (const event of iterable) events.push(event);
  return events;
}

function ingest(folder: string, options: Partial<IngestOptions> = {}): Promise<IngestEvent[]> {
  return collect(ingestFolder({ folder, cacheDir: join(scratch, `cache-${folders}`), workers: 0, ...options }));
}

function fileNames(events: readonly IngestEvent[]): string[] {
  return events.map((event) => (event.kind === 'dispatch' ? event.dispatch.sourceFile : event.fileName));
}

function problemOf(events: readonly IngestEvent[], fileName: string): string {
  const event = events.find((candidate) => candidate.kind === 'problem' && candidate.fileName === fileName);
  if (event?.kind !== 'problem') throw new Error(`no problem reported for ${fileName}`);
  return event.message;
}

const SHORT_STORY = ' date 2026-01-15 HÀ NỘI — Việt Nam and Japan agreed on Thursday to widen cooperation in clean energy.\n\nThe two sides will meet again in May. — VNA/VNS\n';

describe('ingestFolder: order and completeness', () => {
  it('gives every .txt file exactly once, in code-unit order of the names', async () => {
    const names = ['b.txt', 'a.txt', 'Charlie.txt', 'Zeta.txt', 'äpple.txt', '10.txt', '9.txt', 'upper.TXT'];
    const folder = newFolder(Object.fromEntries([...names.map((name) => [name, SHORT_STORY]), ['notes.md', '# not a dispatch']]));
    const events = await ingest(folder);
    expect(fileNames(events)).toEqual(['10.txt', '9.txt', 'Charlie.txt', 'Zeta.txt', 'a.txt', 'b.txt', 'upper.TXT', 'äpple.txt']);
    expect(events.every((event) => event.kind === 'dispatch')).toBe(true);
  });

  it('reads the seeds into the same dispatches as the in-memory path', async () => {
    const events = await ingest(SEEDS_DIR);
    const built = buildBundle(await readDispatchFolder(SEEDS_DIR));
    if (!built.ok) throw new Error(built.errors.join('\n'));
    expect(events.map((event) => (event.kind === 'dispatch' ? event.dispatch : event.message))).toEqual(built.bundle.dispatches);
  });

  it('reports progress for every file, ending at the total', async () => {
    const folder = newFolder({ 'one.txt': SHORT_STORY, 'two.txt': SHORT_STORY, 'three.txt': '' });
    const seen: number[] = [];
    await ingest(folder, { onProgress: ({ done, total }) => seen.push(done, total) });
    expect(seen).toEqual([1, 3, 2, 3, 3, 3]);
  });

  it('fails with the folder and the reason when the folder does not exist', async () => {
    await expect(ingest(join(scratch, 'no-such-folder'))).rejects.toThrow(/no-such-folder: cannot read the folder \(no such file or folder\)/);
  });
});

describe('ingestFolder: a bad file fails alone, named', () => {
  const encoding = (name: string): string => join(FIXTURES_DIR, 'encoding', name);

  it('keeps every good file of a folder where most files are bad', async () => {
    const events = await ingest(join(FIXTURES_DIR, 'broken-archive'));
    expect(events.map((event) => [event.kind, fileNames([event])[0]])).toEqual([
      ['problem', 'binary.txt'],
      ['problem', 'empty.txt'],
      ['dispatch', 'good.txt'],
      ['problem', 'latin1.txt'],
      ['dispatch', 'same id.txt'],
      ['problem', 'same-id.txt'],
    ]);
  });

  it('says what is wrong with an empty, a binary, a UTF-16 and a non-UTF-8 file', async () => {
    const folder = newFolder();
    for (const name of ['empty.txt', 'binary.txt', 'utf16.txt', 'invalid-utf8.txt']) copyFileSync(encoding(name), join(folder, name));
    const events = await ingest(folder);
    expect(problemOf(events, 'empty.txt')).toBe('empty.txt: the file is empty');
    expect(problemOf(events, 'binary.txt')).toMatch(/^binary\.txt: .*binary.*NUL byte at byte offset 45/);
    expect(problemOf(events, 'utf16.txt')).toMatch(/^utf16\.txt: .*UTF-16.*re-save it as UTF-8/);
    expect(problemOf(events, 'invalid-utf8.txt')).toMatch(/^invalid-utf8\.txt: not valid UTF-8 at byte offset 148 \(line 5, column 32\)/);
  });

  it('fails a file whose name is not UTF-8, showing the bad byte, and reads the rest', async () => {
    const folder = newFolder({ 'good.txt': SHORT_STORY });
    // "café.txt" with é as the single Latin-1 byte 0xE9, as an old tool might have named it.
    writeFileSync(Buffer.concat([Buffer.from(`${folder}/caf`), Buffer.from([0xe9]), Buffer.from('.txt')]), SHORT_STORY);
    const events = await ingest(folder);
    expect(problemOf(events, 'caf\\xE9.txt')).toBe('caf\\xE9.txt: the file name is not valid UTF-8 (byte 0xE9 at offset 3); rename the file');
    expect(events.filter((event) => event.kind === 'dispatch').map((event) => fileNames([event])[0])).toEqual(['good.txt']);
  });

  it('keeps the first of two names that fold to one id and refuses the other, naming both', async () => {
    const folder = newFolder({ 'Hà Nội talks.txt': SHORT_STORY, 'ha-noi-talks.txt': SHORT_STORY });
    const events = await ingest(folder);
    expect(events[0]).toMatchObject({ kind: 'dispatch', dispatch: { sourceFile: 'Hà Nội talks.txt', id: 'ha-noi-talks' } });
    expect(problemOf(events, 'ha-noi-talks.txt')).toBe(
      'ha-noi-talks.txt: would get the id "ha-noi-talks", which "Hà Nội talks.txt" already has; "Hà Nội talks.txt" is kept, rename this file',
    );
  });

  it('reports a file that cannot be read and goes on with the next', async () => {
    const source: DispatchSource = {
      folder: 'in-memory',
      list: async () => ['a.txt', 'b.txt', 'c.txt'].map((fileName) => ({ fileName, nameProblem: null })),
      read: async (fileName) => {
        if (fileName === 'b.txt') throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
        return new TextEncoder().encode(SHORT_STORY);
      },
    };
    const events = await collect(ingestSource(source, { cacheDir: join(scratch, 'cache-unreadable'), workers: 0 }));
    expect(events.map((event) => event.kind)).toEqual(['dispatch', 'problem', 'dispatch']);
    expect(problemOf(events, 'b.txt')).toBe('b.txt: cannot read the file (permission denied)');
  });
});

describe('ingestFolder: worker threads', () => {
  it('give the same dispatches as the calling thread', async () => {
    const onThisThread = await ingest(SEEDS_DIR, { cacheDir: join(scratch, 'cache-here') });
    const inThreads = await ingest(SEEDS_DIR, { cacheDir: join(scratch, 'cache-threads'), workers: 2 });
    expect(inThreads.every((event) => event.kind === 'dispatch' && !event.fromCache)).toBe(true);
    expect(inThreads).toEqual(onThisThread);
  }, 30_000);

  it('report problems from the threads like any other', async () => {
    const events = await ingest(join(FIXTURES_DIR, 'broken-archive'), { cacheDir: join(scratch, 'cache-broken-threads'), workers: 2 });
    expect(problemOf(events, 'latin1.txt')).toMatch(/^latin1\.txt: not valid UTF-8/);
    expect(events.filter((event) => event.kind === 'dispatch')).toHaveLength(2);
  }, 30_000);
});

describe('ingestSource: bounded work', () => {
  const FILES = 3_000;
  const names = Array.from({ length: FILES }, (_, index) => `${String(index).padStart(5, '0')}.txt`);

  it('never has more than 16 files open nor more than 64 read ahead of the caller, on 3,000 files', async () => {
    let open = 0;
    let mostOpen = 0;
    let read = 0;
    let given = 0;
    let mostAhead = 0;
    const source: DispatchSource = {
      folder: 'in-memory',
      list: async () => names.map((fileName) => ({ fileName, nameProblem: null })),
      read: async (fileName) => {
        open += 1;
        mostOpen = Math.max(mostOpen, open);
        // A file takes a moment to read, as on a real disk, so reads overlap if nothing stops them.
        await new Promise((resolve) => setTimeout(resolve, 1));
        open -= 1;
        read += 1;
        mostAhead = Math.max(mostAhead, read - given);
        return new TextEncoder().encode(SHORT_STORY.replace('May', `May ${fileName}`));
      },
    };
    const order: string[] = [];
    for await (const event of ingestSource(source, { cacheDir: join(scratch, 'cache-bounded'), workers: 0 })) {
      given += 1;
      order.push(fileNames([event])[0] ?? '');
    }
    expect(order).toEqual(names);
    expect(mostOpen).toBeGreaterThan(1);
    expect(mostOpen).toBeLessThanOrEqual(16);
    expect(mostAhead).toBeLessThanOrEqual(64);
    const leftovers = readdirSync(join(scratch, 'cache-bounded'), { recursive: true }).filter((name) => String(name).endsWith('.tmp'));
    expect(leftovers).toEqual([]);
  }, 60_000);

  it('reads 3,000 files in worker threads under a cap of 256 open files', () => {
    const folder = newFolder(Object.fromEntries(names.map((name) => [name, SHORT_STORY.replace('May', `May ${name}`)])));
    const script = fileURLToPath(new URL('run-ingest.ts', import.meta.url));
    // Reading every file at once fails here with "too many open files"; the cap is per process, hence a process of its own.
    const run = spawnSync('sh', ['-c', `ulimit -n 256 && exec "${process.execPath}" --import tsx "$0" "$1" "$2" 2`, script, folder, join(scratch, 'cache-capped')], {
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({ dispatch: FILES, problem: 0, problems: [] });
  }, 60_000);
});
