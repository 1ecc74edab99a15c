import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { dispatchSite } from './src/site/vite-plugin.ts';

export default defineConfig({
  plugins: [react(), dispatchSite()],
  build: {
    // Prerendered pages inline the CSS themselves; a separate file would cost a blocking request.
    cssCodeSplit: false,
    modulePreload: { polyfill: false },
    target: 'es2022',
  },
  preview: { port: 4173 },
  server: { port: 5173 },
});
