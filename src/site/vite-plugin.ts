/**
 * Ties the dispatch archive to Vite. In development it builds the bundle from the seeds before the
 * first request, rebuilds it whenever a dispatch file changes, serves the data files, and renders
 * each page on the server exactly as the build will. In preview it serves the built site like a
 * plain static host (see static-files.ts).
 */
import { resolve } from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import { articleDataUrl, searchTextsUrl } from '../core/routes.ts';
import { ingestArchive } from './archive.ts';
import { headTags, renderDocument } from './page-html.ts';
import { APP_SERVER_ENTRY, SEEDS_DIR } from './paths.ts';
import { pageForPath, sitePages, type RenderModule } from './prerender.ts';
import type { SiteData } from './site-data.ts';
import { serveStatic } from './static-files.ts';

export function dispatchSite(): Plugin {
  let site: SiteData | null = null;

  const rebuild = async (server: ViteDevServer) => {
    try {
      const archive = await ingestArchive();
      site = archive.site;
      server.config.logger.info(archive.report, { timestamp: true });
    } catch (error) {
      // Keep serving the last good bundle; the terminal says what is wrong with the new one.
      server.config.logger.error(error instanceof Error ? error.message : String(error));
    }
  };

  return {
    name: 'dispatch-site',

    async configureServer(server) {
      await rebuild(server);
      server.watcher.add(SEEDS_DIR);
      const onChange = async (file: string) => {
        if (!resolve(file).startsWith(SEEDS_DIR) || !file.endsWith('.txt')) return;
        await rebuild(server);
        server.ws.send({ type: 'full-reload' });
      };
      for (const event of ['add', 'change', 'unlink'] as const) server.watcher.on(event, (file) => void onChange(file));

      server.middlewares.use((req, res, next) => {
        const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
        const body = site && devDataFile(site, pathname);
        if (body === undefined || body === null) return next();
        res.setHeader('Content-Type', 'application/json; charset=utf-8');
        res.end(body);
      });
    },

    async transformIndexHtml(html, context) {
      const server = context.server;
      if (!server || !site) return html; // The build leaves the markers for the prerender.
      const page = pageForPath(sitePages(site), new URL(context.originalUrl ?? '/', 'http://localhost').pathname);
      const render = (await server.ssrLoadModule(APP_SERVER_ENTRY)) as RenderModule;
      return renderDocument(html, { head: headTags(page.meta, undefined), markup: render.renderPage(page.data), data: page.data, css: null });
    },

    configurePreviewServer(server) {
      const outDir = resolve(server.config.root, server.config.build.outDir);
      server.middlewares.use(serveStatic(outDir));
    },
  };
}

function devDataFile(site: SiteData, pathname: string): string | null {
  if (pathname === searchTextsUrl(site.list.version)) return JSON.stringify(site.searchTexts);
  for (const [id, article] of site.articles) {
    if (pathname === articleDataUrl(site.list.version, id)) return JSON.stringify(article);
  }
  return null;
}
