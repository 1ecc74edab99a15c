/**
 * Browser tests run against real built sites, served the way a plain static host serves them: the
 * seeds' site, and an archive of a few hundred generated dispatches for what only shows at scale
 * (a list longer than its first screen, a word planted in exactly one dispatch). Without Chromium the
 * Chromium tests skip loudly on a developer's machine; under CI=true that is a failure. The builds
 * and the hosting checks run either way.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { findChromium } from '../../scripts/lib/chromium.ts';
import { writeSyntheticArchive } from '../../scripts/lib/synthetic-archive.ts';
import { DIST_DIR, PROJECT_ROOT } from '../../src/site/paths.ts';
import { serveStatic } from '../../src/site/static-files.ts';
import { ARCHIVE_DIST_DIR, ARCHIVE_INPUT_DIR, ARCHIVE_SIZE, HOSTILE, PLANTED } from './archive-fixture.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    chromePath: string;
    baseUrl: string;
    archiveUrl: string;
  }
}

function build(args: string[]): void {
  const result = spawnSync('npx', ['tsx', 'scripts/build.ts', ...args], { cwd: PROJECT_ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) throw new Error(`npm run build ${args.join(' ')} failed; the browser tests need the built site`);
}

async function writeArchive(): Promise<void> {
  await rm(ARCHIVE_INPUT_DIR, { recursive: true, force: true });
  await mkdir(ARCHIVE_INPUT_DIR, { recursive: true });
  // The hostile dispatch is one of the archive's, so counts stay ARCHIVE_SIZE.
  await writeSyntheticArchive(ARCHIVE_INPUT_DIR, ARCHIVE_SIZE - 1);
  await writeFile(join(ARCHIVE_INPUT_DIR, HOSTILE.fileName), HOSTILE.text);
  // In a wire story, right after its lede: article text in any reading (a page's header block, a
  // footer or a sign-off would not be).
  for (const name of (await readdir(ARCHIVE_INPUT_DIR)).sort().slice(PLANTED.fileIndex)) {
    const file = join(ARCHIVE_INPUT_DIR, name);
    const text = await readFile(file, 'utf8');
    if (!text.startsWith(' date ')) continue;
    const lede = text.indexOf('\n\n');
    return writeFile(file, `${text.slice(0, lede)}\n\n${PLANTED.sentence}${text.slice(lede)}`);
  }
  throw new Error('the generated archive has no wire story to plant a word in');
}

async function serve(root: string): Promise<{ url: string; server: Server }> {
  const server = createServer(serveStatic(root));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const chromePath = findChromium();
  if (chromePath === null) {
    const message = 'No Chromium found (set CHROME_PATH or `apt-get install -y chromium`).';
    if (process.env.CI === 'true') throw new Error(`${message} Browser tests cannot be skipped under CI.`);
    console.warn(`\n${'!'.repeat(78)}\n!! ${message}\n!! SKIPPING THE CHROMIUM TESTS. They run in CI; install Chromium to run them here.\n${'!'.repeat(78)}\n`);
  }

  build([]);
  await writeArchive();
  build(['--in', ARCHIVE_INPUT_DIR, '--out', ARCHIVE_DIST_DIR]);

  const seeds = await serve(DIST_DIR);
  const archive = await serve(ARCHIVE_DIST_DIR);
  project.provide('chromePath', chromePath ?? '');
  project.provide('baseUrl', seeds.url);
  project.provide('archiveUrl', archive.url);
  return async () => {
    await Promise.all([seeds, archive].map(({ server }) => new Promise<void>((resolve) => server.close(() => resolve()))));
  };
}
