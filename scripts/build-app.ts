/**
 * The app as Vite builds it: the browser bundle (node_modules/.tmp/client), the service worker
 * (node_modules/.tmp/sw) and, for the build's page renderer, the server bundle (node_modules/.tmp/ssr). scripts/build.ts runs this in a child
 * process, so that Vite's memory is given back before the site build starts.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { build } from 'vite';
import { APP_SERVER_ENTRY, CLIENT_OUT_DIR, PROJECT_ROOT, RENDER_WORKER_ENTRY, SERVICE_WORKER_ENTRY, SERVICE_WORKER_OUT_FILE, SSR_OUT_DIR } from '../src/site/paths.ts';

// Always a production build, whatever the caller's environment says: test runners set
// NODE_ENV=test, which would otherwise make Vite ship React's development build.
process.env.NODE_ENV = 'production';

await build({ root: PROJECT_ROOT, mode: 'production', logLevel: 'warn', build: { outDir: CLIENT_OUT_DIR, emptyOutDir: true } });
await build({
  root: PROJECT_ROOT,
  mode: 'production',
  logLevel: 'warn',
  build: {
    ssr: true,
    outDir: SSR_OUT_DIR,
    emptyOutDir: true,
    copyPublicDir: false,
    rolldownOptions: {
      input: { server: APP_SERVER_ENTRY, 'render-worker': RENDER_WORKER_ENTRY },
      output: { entryFileNames: '[name].js' },
      // The prerender has the components the browser loads on demand at hand, by design.
      onwarn: (warning, warn) => warning.code === 'INEFFECTIVE_DYNAMIC_IMPORT' || warn(warning),
    },
  },
});

// The service worker: one classic script (every browser runs those), without the app's config.
const worker = await build({
  configFile: false,
  root: PROJECT_ROOT,
  mode: 'production',
  logLevel: 'warn',
  build: { write: false, copyPublicDir: false, target: 'es2022', rolldownOptions: { input: SERVICE_WORKER_ENTRY, output: { format: 'iife' } } },
});
const chunk = (Array.isArray(worker) ? worker : [worker]).flatMap((output) => ('output' in output ? output.output : [])).find((file) => file.type === 'chunk');
if (chunk?.type !== 'chunk') throw new Error(`${SERVICE_WORKER_ENTRY}: Vite built no script`);
await mkdir(dirname(SERVICE_WORKER_OUT_FILE), { recursive: true });
await writeFile(SERVICE_WORKER_OUT_FILE, chunk.code);
