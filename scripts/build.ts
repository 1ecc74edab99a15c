/**
 * `npm run build`: dispatches → bundle → the static site in dist/.
 *
 * 1. ingest the seeds (fails with every problem listed), 2. build the browser app with Vite,
 * 3. build the same app for Node, 4. prerender a page per route with its data inlined,
 * 5. precompress everything for servers that can send .br/.gz files.
 *
 * SITE_ORIGIN (e.g. https://dispatches.example) makes canonical and Open Graph URLs absolute.
 */
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';
import { precompress } from '../src/site/compress.ts';
import { APP_SERVER_ENTRY, DIST_DIR, PROJECT_ROOT, SSR_OUT_DIR } from '../src/site/paths.ts';
import { writeSite, type RenderModule } from '../src/site/prerender.ts';
import { ingestArchive } from '../src/site/archive.ts';

async function main(): Promise<void> {
  // Always a production build, whatever the caller's environment says: test runners set
  // NODE_ENV=test, which would otherwise make Vite ship React's development build.
  process.env.NODE_ENV = 'production';
  const { site, report } = await ingestArchive();
  console.log(report);

  await build({ root: PROJECT_ROOT, mode: 'production', logLevel: 'warn' });
  await build({
    root: PROJECT_ROOT,
    mode: 'production',
    logLevel: 'warn',
    build: { ssr: APP_SERVER_ENTRY, outDir: SSR_OUT_DIR, emptyOutDir: true, copyPublicDir: false },
  });
  const render = await loadRenderModule(join(SSR_OUT_DIR, 'server.js'));

  const templateFile = join(DIST_DIR, 'index.html');
  const template = await readFile(templateFile, 'utf8');
  const cssHref = /<link rel="stylesheet"[^>]*href="([^"]+)"/.exec(template)?.[1];
  if (cssHref === undefined) throw new Error(`${templateFile} links no stylesheet to inline`);
  const cssFile = join(DIST_DIR, cssHref);
  const css = await readFile(cssFile, 'utf8');
  // Every page inlines the stylesheet, so the file itself would only be dead weight.
  await rm(cssFile);

  const written = await writeSite({ outDir: DIST_DIR, site, render, template, css, origin: process.env.SITE_ORIGIN });
  await precompress(DIST_DIR);
  console.log(`Wrote ${written.length} pages and data files to dist/, with .br and .gz copies.`);
}

async function loadRenderModule(file: string): Promise<RenderModule> {
  const module: unknown = await import(pathToFileURL(file).href);
  if (typeof module === 'object' && module !== null && 'renderPage' in module && typeof module.renderPage === 'function') {
    return module as RenderModule;
  }
  throw new Error(`${file} does not export renderPage()`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
