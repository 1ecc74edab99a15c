/**
 * Worker threads that misbehave: a thread that dies on one file costs that file alone, and threads
 * that cannot start at all stop the run with a message rather than leaving it waiting forever.
 */
import { describe, expect, it } from 'vitest';
import { ExplainedError } from '../../../src/ingest/files.ts';
import { parseInWorkers } from '../../../src/ingest/parse-pool.ts';

const job = (fileName: string) => ({ fileName, bytes: new TextEncoder().encode('text') });

describe('parseInWorkers', () => {
  it('fails only the file a thread died on, and parses the files queued behind it on a fresh thread', async () => {
    const parser = parseInWorkers(1, new URL('workers/crash-on-name.mjs', import.meta.url));
    try {
      const outcomes = await Promise.all(['a.txt', 'crash.txt', 'b.txt', 'throw.txt', 'c.txt'].map((name) => parser.parse(job(name))));
      expect(outcomes).toEqual([
        { ok: true, json: '{"sourceFile":"a.txt"}' },
        { ok: false, problems: ['crash.txt: the worker thread reading this file stopped (exit code 3); the file was skipped'] },
        { ok: true, json: '{"sourceFile":"b.txt"}' },
        { ok: false, problems: ['throw.txt: the worker thread reading this file stopped (out of memory, as it were); the file was skipped'] },
        { ok: true, json: '{"sourceFile":"c.txt"}' },
      ]);
    } finally {
      await parser.close();
    }
  }, 30_000);

  it('says it is busy while its thread starts, and free once the thread is ready with nothing queued', async () => {
    const parser = parseInWorkers(1, new URL('workers/crash-on-name.mjs', import.meta.url));
    try {
      expect(parser.isBusy()).toBe(true);
      // The first reply comes only from a thread that has started.
      await parser.parse(job('a.txt'));
      expect(parser.isBusy()).toBe(false);
      const queued = Array.from({ length: 20 }, (_, index) => parser.parse(job(`${index}.txt`)));
      expect(parser.isBusy()).toBe(true);
      await Promise.all(queued);
      expect(parser.isBusy()).toBe(false);
    } finally {
      await parser.close();
    }
  }, 30_000);

  it('stops the run with a message naming the cause when the threads cannot start', async () => {
    const parser = parseInWorkers(2, new URL('workers/cannot-start.mjs', import.meta.url));
    try {
      const outcome = parser.parse(job('a.txt'));
      await expect(outcome).rejects.toThrow(ExplainedError);
      await expect(outcome).rejects.toThrow(/worker threads could not start \(Cannot find package "tsx"\)/);
      await expect(parser.parse(job('b.txt'))).rejects.toThrow(/could not start/);
    } finally {
      await parser.close();
    }
  }, 30_000);
});
