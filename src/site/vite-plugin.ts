/**
 * Ties the dispatch archive to Vite. In development it ingests the archive before the first request,
 * again whenever a dispatch file changes, serves the data files, and renders each page on the server
 * exactly as the build does. In preview it serves the built site like a plain static host
 * (see static-files.ts).
 */
import { resolve } from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import type { Dispatch } from '../core/schema.ts';
import { ingestFolder } from '../ingest/pipeline.ts';
import { CACHE_DIR, APP_SERVER_ENTRY, SEEDS_DIR } from './paths.ts';
import type { RenderModule } from './render-module.ts';
import { renderPageDocument } from './render-module.ts';
import { buildSiteModel, type SiteModel } from './site-model.ts';
import { serveStatic } from './static-files.ts';

/** The archive the development server reads: `DISPATCH_ARCHIVE=<folder> npm run dev`, or the seeds. */
function archiveFolder(): string {
  return resolve(process.env.DISPATCH_ARCHIVE ?? SEEDS_DIR);
}

export function dispatchSite(): Plugin {
  let site: SiteModel | null = null;
  const folder = archiveFolder();

  const rebuild = async (server: ViteDevServer) => {
    const dispatches: Dispatch[] = [];
    const problems: string[] = [];
    let warned = 0;
    for await (const event of ingestFolder({ folder, cacheDir: resolve(CACHE_DIR, 'ingest') })) {
      if (event.kind === 'problem') problems.push(event.message);
      else {
        dispatches.push(event.dispatch);
        for (const warning of event.dispatch.warnings) server.config.logger.warn(`  ${event.dispatch.sourceFile}: ${warning}`);
        if (event.dispatch.warnings.length > 0) warned += 1;
      }
    }
    for (const problem of problems) server.config.logger.error(`  left out: ${problem}`);
    site = buildSiteModel(dispatches);
    server.config.logger.info(`${dispatches.length} dispatches, ${warned} with warnings, ${problems.length} left out`, { timestamp: true });
  };

  return {
    name: 'dispatch-site',

    async configureServer(server) {
      await rebuild(server);
      server.watcher.add(folder);
      const onChange = async (file: string) => {
        if (!resolve(file).startsWith(folder) || !file.endsWith('.txt')) return;
        await rebuild(server);
        server.ws.send({ type: 'full-reload' });
      };
      for (const event of ['add', 'change', 'unlink'] as const) server.watcher.on(event, (file) => void onChange(file));

      server.middlewares.use((req, res, next) => {
        const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
        const body = site?.files.get(pathname);
        if (body === undefined) return next();
        res.setHeader('Content-Type', pathname.endsWith('.gz') ? 'application/gzip' : 'application/json; charset=utf-8');
        res.end(body);
      });
    },

    async transformIndexHtml(html, context) {
      const server = context.server;
      if (!server || !site) return html; // The build leaves the markers for the prerender.
      const { page } = site.pageFor(new URL(context.originalUrl ?? '/', 'http://localhost').pathname);
      const render = (await server.ssrLoadModule(APP_SERVER_ENTRY)) as RenderModule;
      return renderPageDocument({ template: html, css: null }, undefined, render, page);
    },

    configurePreviewServer(server) {
      const outDir = resolve(server.config.root, server.config.build.outDir);
      server.middlewares.use(serveStatic(outDir));
    },
  };
}

/**
 * Vite wraps every dynamic import in a helper that preloads the chunk's dependencies and styles. Our
 * on-demand chunks have neither (the stylesheet is inlined into every page), so the helper would
 * only add bytes to the script every page loads: it is replaced by a plain call.
 */
export function withoutPreloadHelper(): Plugin {
  const helper = '\0vite/preload-helper.js';
  return {
    name: 'dispatch-without-preload-helper',
    enforce: 'pre',
    apply: 'build',
    resolveId: (id) => (id === helper ? id : null),
    load: (id) => (id === helper ? 'export const __vitePreload = (load) => load();' : null),
  };
}
