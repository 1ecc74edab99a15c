/**
 * A manual check, too heavy for CI: the ingest over a folder of very many small files, cold and then
 * warm, watching how many files the process holds open and how much memory it takes.
 *
 *   tsx scripts/bench/many-files.ts --files 50000 [--workers <n>]
 *
 * Opening every file at once failed here with "too many open files" at 50,000; the streaming ingest
 * must stay at a small, fixed number whatever the count. Open files are counted from /proc/self/fd
 * (Linux), sampled every 20 ms, so they include what Node and the worker threads hold themselves.
 */
import { readdirSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ingestFolder } from '../../src/ingest/index.ts';

const PARTNERS = ['Japan', 'France', 'India', 'Cuba', 'Laos', 'Chile', 'Egypt', 'Poland', 'Mongolia', 'Hungary'];

/** A short wire story, different in every file, so no two files share a cache entry. */
function storyNumber(index: number): string {
  const partner = PARTNERS[index % PARTNERS.length] ?? 'Japan';
  const day = String((index % 28) + 1).padStart(2, '0');
  return (
    ` date 2025-06-${day} HÀ NỘI — Việt Nam and ${partner} agreed on the ${index}th round of talks to widen trade ` +
    `and training exchanges, officials said after a meeting in Hà Nội.\n\nBoth sides will review the plan next year. — VNA/VNS\n`
  );
}

function openFiles(): number | null {
  try {
    return readdirSync('/proc/self/fd').length;
  } catch {
    return null;
  }
}

interface Pass {
  seconds: number;
  dispatches: number;
  problems: number;
  fromCache: number;
  mostOpenFiles: number | null;
}

async function ingestOnce(folder: string, cacheDir: string, workers: number | undefined): Promise<Pass> {
  let mostOpenFiles = openFiles();
  const sampler = setInterval(() => {
    const open = openFiles();
    if (open !== null) mostOpenFiles = Math.max(mostOpenFiles ?? 0, open);
  }, 20);
  const started = performance.now();
  const pass: Pass = { seconds: 0, dispatches: 0, problems: 0, fromCache: 0, mostOpenFiles: null };
  try {
    for await (const event of ingestFolder({ folder, cacheDir, workers })) {
      if (event.kind === 'problem') pass.problems += 1;
      else {
        pass.dispatches += 1;
        if (event.fromCache) pass.fromCache += 1;
      }
    }
  } finally {
    clearInterval(sampler);
  }
  return { ...pass, seconds: (performance.now() - started) / 1000, mostOpenFiles };
}

function describePass(label: string, pass: Pass): string {
  return (
    `${label}: ${pass.dispatches} dispatches (${pass.fromCache} from cache), ${pass.problems} problems in ` +
    `${pass.seconds.toFixed(1)} s (${Math.round((pass.dispatches + pass.problems) / pass.seconds)} files/s); ` +
    `at most ${pass.mostOpenFiles ?? 'an unknown number of'} files open`
  );
}

const { values } = parseArgs({ options: { files: { type: 'string', default: '50000' }, workers: { type: 'string' } } });
const count = Number(values.files);
const workers = values.workers === undefined ? undefined : Number(values.workers);
if (!Number.isInteger(count) || count < 1 || (workers !== undefined && (!Number.isInteger(workers) || workers < 0))) {
  process.stderr.write('usage: tsx scripts/bench/many-files.ts [--files <count ≥ 1>] [--workers <threads ≥ 0>]\n');
  process.exitCode = 2;
} else {
  const scratch = await mkdtemp(join(tmpdir(), 'dispatch-many-files-'));
  try {
    const folder = join(scratch, 'archive');
    await mkdir(folder);
    process.stderr.write(`writing ${count} files…\n`);
    for (let index = 0; index < count; index += 1) {
      await writeFile(join(folder, `${String(index).padStart(6, '0')}.txt`), storyNumber(index));
    }
    process.stdout.write(`${describePass('cold', await ingestOnce(folder, join(scratch, 'cache'), workers))}\n`);
    process.stdout.write(`${describePass('warm', await ingestOnce(folder, join(scratch, 'cache'), workers))}\n`);
    process.stdout.write(`peak memory: ${Math.round(process.resourceUsage().maxRSS / 1024)} MB\n`);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
