/**
 * Browser tests run against the real built site, served the way a plain static host serves it.
 * Without Chromium the Chromium tests skip loudly on a developer's machine; under CI=true that is a
 * failure. The build and the hosting checks run either way.
 */
import { spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TestProject } from 'vitest/node';
import { findChromium } from '../../scripts/lib/chromium.ts';
import { DIST_DIR, PROJECT_ROOT } from '../../src/site/paths.ts';
import { serveStatic } from '../../src/site/static-files.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    chromePath: string;
    baseUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const chromePath = findChromium();
  if (chromePath === null) {
    const message = 'No Chromium found (set CHROME_PATH or `apt-get install -y chromium`).';
    if (process.env.CI === 'true') throw new Error(`${message} Browser tests cannot be skipped under CI.`);
    console.warn(`\n${'!'.repeat(78)}\n!! ${message}\n!! SKIPPING THE CHROMIUM TESTS. They run in CI; install Chromium to run them here.\n${'!'.repeat(78)}\n`);
  }

  const build = spawnSync('npx', ['tsx', 'scripts/build.ts'], { cwd: PROJECT_ROOT, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('npm run build failed; the browser tests need the built site');

  const server: Server = createServer(serveStatic(DIST_DIR));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  project.provide('chromePath', chromePath ?? '');
  project.provide('baseUrl', `http://127.0.0.1:${port}`);
  return () => new Promise((resolve) => server.close(() => resolve()));
}
