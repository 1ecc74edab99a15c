/**
 * The files that make the site readable offline (decision 0013): the service worker, with this
 * build's manifest written into it, and the page it shows for what it has no copy of. Build time.
 */
import { MANIFEST_PLACEHOLDER, OFFLINE_PAGE_MARKERS, OFFLINE_PAGE_PATH, type OfflineManifest } from '../core/offline.ts';
import { SERVICE_WORKER_PATH } from '../core/offline-signals.ts';
import { PRODUCT_NAME } from '../core/text.ts';
import { contentHash } from './output.ts';

export interface OfflineFile {
  /** Relative to the output folder. */
  path: string;
  content: string;
}

/**
 * The offline page in the site's look (the same inlined stylesheet, masthead and reading column),
 * with no script: the worker writes in the address and the dispatches kept on the device.
 */
export function offlinePage(css: string): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="color-scheme" content="light dark" />
    <meta name="robots" content="noindex" />
    <link rel="icon" href="data:," />
    <title>Offline · ${PRODUCT_NAME}</title>
    <style>${css}</style>
  </head>
  <body>
    <header class="masthead"><a href="/" class="brand">${PRODUCT_NAME}</a></header>
    <main class="reading-pane" id="main">
      <div class="not-found">
        <h1>You are offline</h1>
        <p>The page ${OFFLINE_PAGE_MARKERS.address} is not saved on this device. It opens again once you are back online.</p>
        <p><a href="/">Back to the list</a>: the dispatches below, and searches you made before, work without a network.</p>
        <section class="related" aria-labelledby="kept-title">
          <h2 id="kept-title">Readable on this device</h2>
          ${OFFLINE_PAGE_MARKERS.kept}
        </section>
      </div>
    </main>
  </body>
</html>
`;
}

/** `code` is the worker as Vite built it, holding the manifest's placeholder exactly once. */
export function serviceWorkerScript(code: string, manifest: OfflineManifest): string {
  const parts = code.split(MANIFEST_PLACEHOLDER);
  if (parts.length !== 2) throw new Error(`the built service worker holds ${MANIFEST_PLACEHOLDER} ${parts.length - 1} times, not once`);
  return parts.join(JSON.stringify(manifest));
}

/**
 * `sw.js` and `offline.html` for an app with a built worker. The build id covers everything the
 * worker precaches and the worker itself, so any change to them installs a new worker, which
 * replaces every cache of the one before; a build that changes only dispatches keeps the worker.
 */
export function offlineFiles(app: { css: string; assets: ReadonlyMap<string, Buffer>; worker?: string }): OfflineFile[] {
  if (app.worker === undefined) return [];
  const page = offlinePage(app.css);
  const assets = [...app.assets.keys()]
    .filter((path) => path.startsWith('assets/') && path.endsWith('.js'))
    .sort()
    .map((path) => `/${path}`);
  const build = contentHash(JSON.stringify([app.worker, assets, page]));
  return [
    { path: OFFLINE_PAGE_PATH.slice(1), content: page },
    { path: SERVICE_WORKER_PATH.slice(1), content: serviceWorkerScript(app.worker, { build, assets }) },
  ];
}
