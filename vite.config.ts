import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { dispatchSite, withoutPreloadHelper } from './src/site/vite-plugin.ts';

export default defineConfig(({ isSsrBuild }) => ({
  plugins: [react(), dispatchSite(), withoutPreloadHelper()],
  build: {
    // Prerendered pages inline the CSS themselves; a separate file would cost a blocking request.
    cssCodeSplit: false,
    // Chunks loaded on demand have no dependencies worth preloading.
    modulePreload: false,
    target: 'es2022',
    // Style sheets stay files: the policy allows the site's own sheets, not data: URLs.
    assetsInlineLimit: (file: string) => (file.endsWith('.css') ? false : undefined),
    // Everything the page needs at once in one file, and chunks loaded on demand import from it: no
    // shared chunk for the browser to fetch one round trip after the first.
    rolldownOptions: isSsrBuild ? {} : { output: { codeSplitting: { groups: [{ name: 'app', tags: ['$initial'] }] } } },
  },
  preview: { port: 4173 },
  server: { port: 5173 },
}));
