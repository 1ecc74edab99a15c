/** The ingest benchmark runs end to end on a small synthetic archive and cleans up after itself. */
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { formatIngestResult, runIngestBench } from '../../../scripts/bench/ingest.ts';

function benchFolders(): string[] {
  return readdirSync(tmpdir()).filter((name) => name.startsWith('dispatch-ingest-bench-'));
}

describe('runIngestBench', () => {
  it('ingests a generated archive of the three shapes cold, each run in a new process, then warm from the cache, and reports speed and size', async () => {
    const before = benchFolders();
    const result = await runIngestBench(30, { workers: 0, runs: 3 });
    expect(result.count).toBe(30);
    expect(result.runSeconds).toHaveLength(3);
    // The median run is the one reported.
    expect(result.seconds).toBe([...result.runSeconds].sort((a, b) => a - b)[1]);
    expect(result.seconds).toBeGreaterThan(0);
    expect(result.warmFromCache).toBe(30);
    expect(result.peakRssBytes).toBeGreaterThan(0);
    expect(result.bundleGzipBytes).toBeGreaterThan(0);
    expect(result.bundleGzipBytes).toBeLessThan(result.bundleBytes);
    expect(formatIngestResult(result)).toMatch(
      /^ingest, cold: 30 dispatches in .*\), the median of 3 runs, each in a new process \(\d+, \d+, \d+ dispatches\/s\)\ningest, warm: 30 from cache .*\nbundle: /,
    );
    expect(benchFolders()).toEqual(before);
  }, 60_000);
});
