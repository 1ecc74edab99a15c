/**
 * The ingest in a process of its own, for tests that need the process's own limits (a low cap on open
 * files): `node --import tsx tests/unit/ingest/run-ingest.ts <folder> <cache> <workers>` prints the
 * count of each kind of event as JSON, or the error's message on stderr.
 */
import { ingestFolder } from '../../../src/ingest/pipeline.ts';

const [folder = '', cacheDir = '', workers = '2'] = process.argv.slice(2);
const counts = { dispatch: 0, problem: 0 };
const problems: string[] = [];
for await (const event of ingestFolder({ folder, cacheDir, workers: Number(workers) })) {
  counts[event.kind] += 1;
  if (event.kind === 'problem') problems.push(event.message);
}
process.stdout.write(`${JSON.stringify({ ...counts, problems: problems.slice(0, 3) })}\n`);
