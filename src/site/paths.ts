/** Where the project keeps its inputs and outputs. */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// Path arithmetic rather than `new URL(…)`: test environments may replace the URL global.
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const root = (relative: string) => resolve(PROJECT_ROOT, relative);

export const SEEDS_DIR = root('seeds');
export const BUNDLE_FILE = root('generated/dispatches.json');
export const DIST_DIR = root('dist');
/** What one build leaves for the next: parsed dispatches, search terms, what was written where. */
export const CACHE_DIR = root('node_modules/.cache/dispatch-reader');
export const CLIENT_OUT_DIR = root('node_modules/.tmp/client');
export const SSR_OUT_DIR = root('node_modules/.tmp/ssr');
/** The service worker as Vite builds it, before the site build writes its manifest in. */
export const SERVICE_WORKER_OUT_FILE = root('node_modules/.tmp/sw/worker.js');
export const SERVICE_WORKER_ENTRY = 'src/sw/worker.ts';
export const APP_SERVER_ENTRY = 'src/app/server.tsx';
export const RENDER_WORKER_ENTRY = 'src/site/render-worker.ts';
