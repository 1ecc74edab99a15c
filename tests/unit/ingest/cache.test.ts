/**
 * The ingest's cache: a file is parsed again exactly when its bytes, its name or the ingest's own
 * code changed, and the cache keeps only what the latest complete run over each folder used.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type DispatchSource, folderSource, type IngestEvent, ingestSource, readCachedDispatch, type SourceOptions } from '../../../src/ingest/pipeline.ts';
import { importedPackages, versionOfSources } from '../../../src/ingest/version.ts';
import { SEED_FILES, SEEDS_DIR } from './support.ts';

const scratch = mkdtempSync(join(tmpdir(), 'dispatch-cache-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let made = 0;
/** A copy of the seeds and an empty cache of its own. */
function newArchive(): { folder: string; cacheDir: string } {
  made += 1;
  const folder = join(scratch, `archive-${made}`);
  cpSync(SEEDS_DIR, folder, { recursive: true });
  return { folder, cacheDir: join(scratch, `cache-${made}`) };
}

async function run(folder: string, cacheDir: string, options: Partial<SourceOptions> = {}): Promise<IngestEvent[]> {
  return runSource(folderSource(folder), cacheDir, options);
}

async function runSource(source: DispatchSource, cacheDir: string, options: Partial<SourceOptions> = {}): Promise<IngestEvent[]> {
  const events: IngestEvent[] = [];
  for await (const event of ingestSource(source, { cacheDir, workers: 0, version: 'v1', ...options })) events.push(event);
  return events;
}

/**
 * The folder as the ingest sees it, noting every file it reads. The stamps are the file system's,
 * but `age` says when each file last changed: "long ago", as if the files had been copied there a
 * while before the run, or "just now", within the clock tick before the run.
 */
function watchedFolder(folder: string, age: 'just now' | 'long ago'): { source: DispatchSource; reads: string[] } {
  const plain = folderSource(folder);
  const reads: string[] = [];
  const source: DispatchSource = {
    ...plain,
    read: (fileName) => {
      reads.push(fileName);
      return plain.read(fileName);
    },
    stamp: (fileName) => {
      const stamp = plain.stamp?.(fileName) ?? null;
      return stamp === null ? null : { ...stamp, reliableFromMs: age === 'long ago' ? 0 : Date.now() + 60_000 };
    },
  };
  return { source, reads };
}

/** "file from cache" or "file parsed", per dispatch. */
function howRead(events: readonly IngestEvent[]): string[] {
  return events.flatMap((event) => (event.kind === 'dispatch' ? [`${event.dispatch.sourceFile} ${event.fromCache ? 'from cache' : 'parsed'}`] : []));
}

interface RunRecord {
  pack: string;
  entries: Record<string, unknown>;
}

/** What the cache holds, as laid out on disk (see src/ingest/cache.ts): the runs on record and the packs. */
function onDisk(cacheDir: string): { keys: string[]; packs: string[]; packsOnRecord: string[] } {
  const runsDir = join(cacheDir, 'runs');
  const records = readdirSync(runsDir).map((name) => JSON.parse(readFileSync(join(runsDir, name), 'utf8')) as RunRecord);
  return {
    keys: records.flatMap((record) => Object.keys(record.entries)).sort(),
    packs: readdirSync(join(cacheDir, 'packs')).sort(),
    packsOnRecord: records.map((record) => record.pack).sort(),
  };
}

function cachedKeys(cacheDir: string): string[] {
  const { keys, packs, packsOnRecord } = onDisk(cacheDir);
  // Every pack left is one a record names: nothing else stays behind.
  expect(packs).toEqual(packsOnRecord);
  return keys;
}

function keysOf(events: readonly IngestEvent[]): string[] {
  return events.flatMap((event) => (event.kind === 'dispatch' ? [event.key] : [])).sort();
}

const seedNames = Object.values(SEED_FILES);

describe('the ingest cache', () => {
  it('gives every dispatch of an unchanged folder from the cache, the same as when it was parsed', async () => {
    const { folder, cacheDir } = newArchive();
    const first = await run(folder, cacheDir);
    const second = await run(folder, cacheDir);
    expect(howRead(first)).toEqual(seedNames.map((name) => `${name} parsed`));
    expect(howRead(second)).toEqual(seedNames.map((name) => `${name} from cache`));
    expect(second.map((event) => (event.kind === 'dispatch' ? event.dispatch : null))).toEqual(
      first.map((event) => (event.kind === 'dispatch' ? event.dispatch : null)),
    );
  });

  it('parses a file again when its text changed, and only that file', async () => {
    const { folder, cacheDir } = newArchive();
    await run(folder, cacheDir);
    writeFileSync(join(folder, SEED_FILES['002']), ' date 2026-03-01 HÀ NỘI — Việt Nam and Chile signed a trade pact on Sunday.\n\nMore talks follow. — VNA/VNS\n');
    const events = await run(folder, cacheDir);
    expect(howRead(events)).toEqual(seedNames.map((name) => `${name} ${name === SEED_FILES['002'] ? 'parsed' : 'from cache'}`));
    expect(events[2]).toMatchObject({ dispatch: { countries: ['CL', 'VN'] } });
  });

  it('parses a file again under its new name when it is renamed, since the id comes from the name', async () => {
    const { folder, cacheDir } = newArchive();
    await run(folder, cacheDir);
    renameSync(join(folder, SEED_FILES['004']), join(folder, 'renamed.txt'));
    const events = await run(folder, cacheDir);
    expect(howRead(events).at(-1)).toBe('renamed.txt parsed');
    expect(events.at(-1)).toMatchObject({ dispatch: { id: 'renamed', sourceFile: 'renamed.txt' } });
  });

  it('parses every file again when the ingest itself changed', async () => {
    const { folder, cacheDir } = newArchive();
    await run(folder, cacheDir, { version: 'v1' });
    const events = await run(folder, cacheDir, { version: 'v2' });
    expect(howRead(events)).toEqual(seedNames.map((name) => `${name} parsed`));
  });

  it('parses a file again when its cached dispatch is damaged, and caches it afresh', async () => {
    const { folder, cacheDir } = newArchive();
    await run(folder, cacheDir);
    const [pack = ''] = onDisk(cacheDir).packs;
    const packFile = join(cacheDir, 'packs', pack);
    // Cut short, as a full disk or a crash might leave it: the later dispatches are gone.
    truncateSync(packFile, 100);
    expect(howRead(await run(folder, cacheDir))).toEqual(seedNames.map((name) => `${name} parsed`));
    expect(howRead(await run(folder, cacheDir))).toEqual(seedNames.map((name) => `${name} from cache`));
  });

  it('gives a cached dispatch back by its key, as the site build reads it in a second pass', async () => {
    const { folder, cacheDir } = newArchive();
    const events = await run(folder, cacheDir);
    for (const event of events) {
      if (event.kind === 'dispatch') expect(await readCachedDispatch(cacheDir, event.key)).toEqual(event.dispatch);
    }
    await expect(readCachedDispatch(cacheDir, 'f'.repeat(64))).rejects.toThrow(/no cached dispatch under the key f+; run the ingest again/);
  });
});

describe('files the ingest need not read', () => {
  it('reads no file of a folder unchanged since the last run, and gives the same dispatches', async () => {
    const { folder, cacheDir } = newArchive();
    const first = await runSource(watchedFolder(folder, 'long ago').source, cacheDir);
    const { source, reads } = watchedFolder(folder, 'long ago');
    const second = await runSource(source, cacheDir);
    expect(reads).toEqual([]);
    expect(howRead(second)).toEqual(seedNames.map((name) => `${name} from cache`));
    const given = (events: readonly IngestEvent[]) => events.map((event) => (event.kind === 'dispatch' ? [event.key, event.dispatch] : event));
    expect(given(second)).toEqual(given(first));
  });

  it('reads a file rewritten since, even with its size and its modification time as they were', async () => {
    const { folder, cacheDir } = newArchive();
    const file = join(folder, SEED_FILES['002']);
    // A time in whole seconds, which utimes sets exactly (it takes milliseconds, the disk keeps nanoseconds).
    const longAgo = 1_700_000_000;
    utimesSync(file, longAgo, longAgo);
    await runSource(watchedFolder(folder, 'long ago').source, cacheDir);
    const before = statSync(file);
    writeFileSync(file, readFileSync(file, 'utf8').replace('date 2026-01-26', 'date 2026-01-27'));
    // Set back, as a copy that keeps times would: only the change time, which nobody can set, tells.
    utimesSync(file, longAgo, longAgo);
    expect([statSync(file).size, statSync(file).mtimeMs]).toEqual([before.size, before.mtimeMs]);
    const { source, reads } = watchedFolder(folder, 'long ago');
    const events = await runSource(source, cacheDir);
    expect(reads).toEqual([SEED_FILES['002']]);
    expect(howRead(events)).toEqual(seedNames.map((name) => `${name} ${name === SEED_FILES['002'] ? 'parsed' : 'from cache'}`));
    expect(events[2]).toMatchObject({ dispatch: { date: '2026-01-27' } });
  });

  it('reads again next time a file that changed just before the run, since a clock tick could hide a second write', async () => {
    const { folder, cacheDir } = newArchive();
    await runSource(watchedFolder(folder, 'just now').source, cacheDir);
    const { source, reads } = watchedFolder(folder, 'just now');
    const events = await runSource(source, cacheDir);
    expect(reads).toEqual(seedNames);
    expect(howRead(events)).toEqual(seedNames.map((name) => `${name} from cache`));
  });

  it('reads every file again when the ingest itself changed', async () => {
    const { folder, cacheDir } = newArchive();
    await runSource(watchedFolder(folder, 'long ago').source, cacheDir, { version: 'v1' });
    const { source, reads } = watchedFolder(folder, 'long ago');
    expect(howRead(await runSource(source, cacheDir, { version: 'v2' }))).toEqual(seedNames.map((name) => `${name} parsed`));
    expect(reads).toEqual(seedNames);
  });
});

describe('what the cache keeps', () => {
  it('drops the entries of changed and renamed files once a run completes', async () => {
    const { folder, cacheDir } = newArchive();
    await run(folder, cacheDir);
    renameSync(join(folder, SEED_FILES['004']), join(folder, 'renamed.txt'));
    writeFileSync(join(folder, SEED_FILES['000']), ' date 2026-03-01 BERLIN — Germany and Việt Nam agreed on a new exchange.\n\nDetails follow. — VNA/VNS\n');
    const events = await run(folder, cacheDir);
    expect(cachedKeys(cacheDir)).toEqual(keysOf(events));
  });

  it('drops every entry of an older version of the ingest', async () => {
    const { folder, cacheDir } = newArchive();
    await run(folder, cacheDir, { version: 'v1' });
    const events = await run(folder, cacheDir, { version: 'v2' });
    expect(cachedKeys(cacheDir)).toEqual(keysOf(events));
  });

  it('keeps the entries of another folder that still exists, and drops them once it is gone', async () => {
    const { folder, cacheDir } = newArchive();
    const other = join(scratch, `other-${made}`);
    mkdirSync(other);
    writeFileSync(join(other, 'other.txt'), ' date 2026-03-01 PARIS — France and Việt Nam opened a cultural year.\n\nEvents follow. — VNA/VNS\n');
    const otherEvents = await run(other, cacheDir);
    const events = await run(folder, cacheDir);
    expect(cachedKeys(cacheDir)).toEqual([...keysOf(otherEvents), ...keysOf(events)].sort());
    rmSync(other, { recursive: true });
    await run(folder, cacheDir);
    expect(cachedKeys(cacheDir)).toEqual(keysOf(events));
  });

  it('prunes nothing when the caller stops before the last file', async () => {
    const { folder, cacheDir } = newArchive();
    const events = await run(folder, cacheDir, { version: 'v1' });
    for await (const event of ingestSource(folderSource(folder), { cacheDir, workers: 0, version: 'v2' })) {
      expect(event.kind).toBe('dispatch');
      break;
    }
    expect(cachedKeys(cacheDir)).toEqual(expect.arrayContaining(keysOf(events)));
  });
});

describe('the ingest version', () => {
  it('changes when a source file changes, and comes back when the change is undone', async () => {
    const dir = join(scratch, 'version-sources');
    mkdirSync(dir);
    writeFileSync(join(dir, 'reader.ts'), "export const rule = /^date /;\n");
    const before = await versionOfSources([dir]);
    writeFileSync(join(dir, 'reader.ts'), "export const rule = /^date\\s/;\n");
    const after = await versionOfSources([dir]);
    writeFileSync(join(dir, 'reader.ts'), "export const rule = /^date /;\n");
    expect(after).not.toBe(before);
    expect(await versionOfSources([dir])).toBe(before);
  });

  it('counts the packages the sources import, by any form of import', () => {
    const source = [
      "import { z } from 'zod';",
      "import type * as Iso from 'i18n-iso-countries';",
      "const data = require(`i18n-iso-countries/langs/${locale}.json`);",
      "const lazy = await import('@scope/tool/sub');",
      "import { join } from 'node:path';",
      "import { fold } from '../core/fold.ts';",
      "const text = lines.join(', ') + ' from ' + 'x y';",
    ].join('\n');
    expect(importedPackages(source).sort()).toEqual(['@scope/tool', 'i18n-iso-countries', 'zod']);
  });
});
