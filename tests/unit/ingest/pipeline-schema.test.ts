/**
 * A dispatch the schema refuses fails its file alone, naming the file and the field. The parser never
 * makes one on purpose, so this file stands in a parser that slips on one file; the slip can only be
 * planted on the calling thread, hence `workers: 0`.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type * as DispatchModule from '../../../src/ingest/dispatch.ts';
import { type IngestEvent, ingestFolder } from '../../../src/ingest/pipeline.ts';
import { SEED_FILES, SEEDS_DIR } from './support.ts';

vi.mock('../../../src/ingest/dispatch.ts', async (importOriginal) => {
  const original = await importOriginal<typeof DispatchModule>();
  return {
    ...original,
    parseDispatch: (text: string, fileName: string) => {
      const result = original.parseDispatch(text, fileName);
      return result.ok && fileName === 'slip.txt' ? { ok: true, dispatch: { ...result.dispatch, date: '2026-02-30', counterpart: 'Korea' } } : result;
    },
  };
});

const scratch = mkdtempSync(join(tmpdir(), 'dispatch-pipeline-schema-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('a dispatch the schema refuses', () => {
  it('fails its own file with a line per field, and the other files are kept', async () => {
    const folder = join(scratch, 'archive');
    cpSync(SEEDS_DIR, folder, { recursive: true });
    writeFileSync(join(folder, 'slip.txt'), ' date 2026-01-15 HÀ NỘI — Việt Nam and Japan agreed on Thursday to widen cooperation.\n\nMore talks follow. — VNA/VNS\n');
    const events: IngestEvent[] = [];
    for await (const event of ingestFolder({ folder, cacheDir: join(scratch, 'cache'), workers: 0 })) events.push(event);
    expect(events.filter((event) => event.kind === 'dispatch')).toHaveLength(Object.keys(SEED_FILES).length);
    const problem = events.find((event) => event.kind === 'problem');
    expect(problem).toMatchObject({ kind: 'problem', fileName: 'slip.txt' });
    if (problem?.kind !== 'problem') return;
    expect(problem.message.split('\n')).toEqual([
      expect.stringMatching(/^slip\.txt: date: not a real calendar date$/),
      expect.stringMatching(/^slip\.txt: counterpart: expected an ISO 3166-1 alpha-2 code/),
    ]);
  });
});
