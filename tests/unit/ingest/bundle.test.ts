/** The bundle as a whole: validated, sorted, complete country names, and byte-identical run to run. */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Bundle, bundleSchema } from '../../../src/core/schema.ts';
import { validateBundle } from '../../../src/ingest/bundle.ts';
import { dispatchProblems } from '../../../src/ingest/read-dispatch.ts';
import { buildBundle, readDispatchFolder, serializeBundle, type SourceFile } from '../../../src/ingest/index.ts';
import { FIXTURES_DIR, parseSeed, SEEDS_DIR } from './support.ts';

function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).reverse().map(([key, inner]) => [key, reverseKeys(inner)]));
  }
  return value;
}

async function seedFiles(): Promise<SourceFile[]> {
  return readDispatchFolder(SEEDS_DIR);
}

describe('readDispatchFolder', () => {
  it('reads every .txt file, sorted by name', async () => {
    const files = await seedFiles();
    expect(files.map((file) => file.fileName)).toEqual(readdirSync(SEEDS_DIR).filter((name) => name.endsWith('.txt')).sort());
  });

  it('ignores files that are not .txt', async () => {
    const files = await readDispatchFolder(`${FIXTURES_DIR}large`);
    expect(files).toEqual([]);
  });

  it('refuses a folder holding a file name that is not UTF-8, naming the file', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'dispatch-bundle-test-'));
    try {
      writeFileSync(Buffer.concat([Buffer.from(`${folder}/r`), Buffer.from([0xe9, 0x73]), Buffer.from('um\u00e9.txt')]), 'Résumé');
      await expect(readDispatchFolder(folder)).rejects.toThrow('r\\xE9sumé.txt: the file name is not valid UTF-8 (byte 0xE9 at offset 1)');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('buildBundle', () => {
  it('builds the seeds into a bundle the schema accepts, with schema version 1', async () => {
    const result = buildBundle(await seedFiles());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(bundleSchema.safeParse(result.bundle).success).toBe(true);
    expect(result.bundle.schemaVersion).toBe(1);
  });

  it('sorts dispatches by source file whatever order the files come in', async () => {
    const files = (await seedFiles()).reverse();
    const result = buildBundle(files);
    if (!result.ok) throw new Error(result.errors.join('\n'));
    const names = result.bundle.dispatches.map((dispatch) => dispatch.sourceFile);
    expect(names).toEqual([...names].sort());
  });

  it('names every country it uses, in English', async () => {
    const result = buildBundle(await seedFiles());
    if (!result.ok) throw new Error(result.errors.join('\n'));
    expect(result.bundle.countryNames).toEqual({
      AZ: 'Azerbaijan', BG: 'Bulgaria', DE: 'Germany', KP: 'North Korea', RU: 'Russia', UA: 'Ukraine', VN: 'Vietnam',
    });
  });

  it('gives one report row per dispatch', async () => {
    const result = buildBundle(await seedFiles());
    if (!result.ok) throw new Error(result.errors.join('\n'));
    expect(result.rows.map((row) => row.file)).toEqual(result.bundle.dispatches.map((dispatch) => dispatch.sourceFile));
    expect(result.rows[1]).toMatchObject({ date: null, countries: ['RU', 'UA', 'VN'], warnings: [expect.stringMatching(/no date/)] });
  });
});

describe('dispatchProblems', () => {
  it('names the file and the field the schema refuses, and a path that is not the id\'s', () => {
    const dispatch = { ...parseSeed('002'), language: 'English', path: '/article/elsewhere' };
    expect(dispatchProblems(dispatch)).toEqual([
      expect.stringMatching(/^002_ab79468c31c8404f\.txt: language: /),
      '002_ab79468c31c8404f.txt: path: must be /article/002_ab79468c31c8404f',
    ]);
  });

  it('finds nothing wrong with a dispatch the parser made', () => {
    expect(dispatchProblems(parseSeed('001'))).toEqual([]);
  });
});

describe('validateBundle', () => {
  it('turns a schema failure into a message that names the file and the field', () => {
    const dispatch = { ...parseSeed('000'), date: '2026-02-30' };
    const result = validateBundle([dispatch]);
    expect(result).toEqual({ ok: false, errors: [expect.stringMatching(/^000_c1e9c1a179e0b2a5\.txt: date: .*real calendar date/)] });
  });
});

describe('serializeBundle', () => {
  it('gives byte-identical output on two runs', async () => {
    const first = buildBundle(await seedFiles());
    const second = buildBundle(await seedFiles());
    if (!first.ok || !second.ok) throw new Error('the seeds did not build');
    expect(serializeBundle(second.bundle)).toBe(serializeBundle(first.bundle));
  });

  it('does not depend on the order keys were set in', async () => {
    const result = buildBundle(await seedFiles());
    if (!result.ok) throw new Error('the seeds did not build');
    // Same data, every object's keys in reverse order: only the order of insertion differs.
    const reversed = reverseKeys(result.bundle) as Bundle;
    expect(Object.keys(reversed)[0]).toBe('countryNames');
    expect(serializeBundle(reversed)).toBe(serializeBundle(result.bundle));
  });

  it('lays the bundle out exactly as JSON.stringify with two spaces would, empty or not', async () => {
    const result = buildBundle(await seedFiles());
    if (!result.ok) throw new Error('the seeds did not build');
    const empty: Bundle = { schemaVersion: 1, countryNames: {}, dispatches: [] };
    for (const bundle of [result.bundle, empty]) {
      const json = serializeBundle(bundle);
      expect(json).toBe(`${JSON.stringify(JSON.parse(json), null, 2)}\n`);
    }
  });

  it('writes the schema version first, the country names after the dispatches, ids first in each dispatch, and ends with a newline', async () => {
    const result = buildBundle(await seedFiles());
    if (!result.ok) throw new Error('the seeds did not build');
    const json = serializeBundle(result.bundle);
    expect(json.endsWith('}\n')).toBe(true);
    expect(Object.keys(JSON.parse(json) as object)).toEqual(['schemaVersion', 'dispatches', 'countryNames']);
    expect(json).toMatch(/"dispatches": \[\n {4}\{\n {6}"id": "000_c1e9c1a179e0b2a5"/);
  });
});
