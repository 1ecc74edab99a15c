/**
 * The app as Vite builds it: the browser bundle (node_modules/.tmp/client) and, for the build's
 * page renderer, the server bundle (node_modules/.tmp/ssr). scripts/build.ts runs this in a child
 * process, so that Vite's memory is given back before the site build starts.
 */
import { build } from 'vite';
import { APP_SERVER_ENTRY, CLIENT_OUT_DIR, PROJECT_ROOT, RENDER_WORKER_ENTRY, SSR_OUT_DIR } from '../src/site/paths.ts';

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
