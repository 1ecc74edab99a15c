/**
 * The streamed bundle: the same bytes as the in-memory one, accepted by the schema, checked one
 * dispatch at a time for the rules that span the bundle, and written whole or not at all.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleSchema } from '../../../src/core/schema.ts';
import { openBundleWriter } from '../../../src/ingest/bundle-writer.ts';
import { buildBundle, readDispatchFolder, serializeBundle } from '../../../src/ingest/index.ts';
import { ingestFolder } from '../../../src/ingest/pipeline.ts';
import { parseSeed, SEEDS_DIR } from './support.ts';

const scratch = mkdtempSync(join(tmpdir(), 'dispatch-writer-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('openBundleWriter', () => {
  // Entries made on this thread, by worker threads, and read back from the cache those left.
  it.each([
    ['parsed on the calling thread', 0, 'cache-here', false],
    ['parsed by worker threads', 2, 'cache-threads', false],
    ['read from the cache', 2, 'cache-threads', true],
  ] as const)('streams the seeds %s into the very bytes of the in-memory bundle, which the schema accepts', async (_how, workers, cache, fromCache) => {
    const out = join(scratch, 'streamed', 'dispatches.json');
    const writer = await openBundleWriter(out);
    for await (const event of ingestFolder({ folder: SEEDS_DIR, cacheDir: join(scratch, cache), workers })) {
      if (event.kind !== 'dispatch') continue;
      expect(event.fromCache).toBe(fromCache);
      expect(await writer.add(event.dispatch, event.entry)).toEqual([]);
    }
    const finished = await writer.finish();
    expect(finished).toMatchObject({ dispatches: 5, countryNames: { KP: 'North Korea', VN: 'Vietnam' } });
    const built = buildBundle(await readDispatchFolder(SEEDS_DIR));
    if (!built.ok) throw new Error(built.errors.join('\n'));
    const streamed = readFileSync(out, 'utf8');
    expect(streamed).toBe(serializeBundle(built.bundle));
    expect(finished.bytes).toBe(Buffer.byteLength(streamed));
    expect(bundleSchema.safeParse(JSON.parse(streamed)).success).toBe(true);
    expect(readdirSync(join(scratch, 'streamed'))).toEqual(['dispatches.json']);
  });

  it('refuses a dispatch whose id is taken or whose path is not its id\'s, naming the file, and keeps the rest', async () => {
    const out = join(scratch, 'checked.json');
    const writer = await openBundleWriter(out);
    const first = parseSeed('000');
    expect(await writer.add(first)).toEqual([]);
    expect(await writer.add({ ...parseSeed('001'), id: first.id, path: first.path })).toEqual([
      `001_660d5ccee3f9ddf8.txt: id: "${first.id}" is already the id of 000_c1e9c1a179e0b2a5.txt`,
    ]);
    expect(await writer.add({ ...parseSeed('002'), path: '/article/elsewhere' })).toEqual([
      '002_ab79468c31c8404f.txt: path: must be /article/002_ab79468c31c8404f',
    ]);
    expect(await writer.add(parseSeed('003'))).toEqual([]);
    await writer.finish();
    const bundle = bundleSchema.parse(JSON.parse(readFileSync(out, 'utf8')));
    expect(bundle.dispatches.map((dispatch) => dispatch.sourceFile)).toEqual([first.sourceFile, '003_de0e4ba2ab4b4e39.txt']);
    expect(Object.keys(bundle.countryNames)).toEqual([...new Set(bundle.dispatches.flatMap((dispatch) => dispatch.countries))].sort());
  });

  it('treats dispatches out of file-name order as a bug in the caller', async () => {
    const writer = await openBundleWriter(join(scratch, 'unordered.json'));
    await writer.add(parseSeed('001'));
    await expect(writer.add(parseSeed('000'))).rejects.toThrow(/must come in file-name order/);
    await writer.abort();
  });

  it('leaves the previous bundle as it was, and nothing beside it, when the run is abandoned', async () => {
    const folder = join(scratch, 'abandoned');
    mkdirSync(folder);
    writeFileSync(join(folder, 'dispatches.json'), '{"previous": true}\n');
    const writer = await openBundleWriter(join(folder, 'dispatches.json'));
    await writer.add(parseSeed('000'));
    await writer.abort();
    expect(readFileSync(join(folder, 'dispatches.json'), 'utf8')).toBe('{"previous": true}\n');
    expect(readdirSync(folder)).toEqual(['dispatches.json']);
  });

  it('says at once, before any file is read, that a folder or a path under a file cannot be written', async () => {
    await expect(openBundleWriter(scratch)).rejects.toThrow(`${scratch}: is a folder; give the path of the bundle file to write`);
    const file = join(scratch, 'a-file');
    writeFileSync(file, '');
    await expect(openBundleWriter(join(file, 'dispatches.json'))).rejects.toThrow(/a-file\/dispatches\.json: cannot create the folder .*a-file \(a file of that name is in the way\)/);
    expect(existsSync(join(file, 'dispatches.json'))).toBe(false);
  });
});
