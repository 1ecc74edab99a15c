// The entry of the ingest's worker threads, in plain JavaScript because it is what makes the thread
// able to load TypeScript. A worker starts without the loader its caller runs under (tsx for the npm
// scripts, Vitest's own, Vite's config loader in the dev server), so it registers tsx itself.
import { register } from 'tsx/esm/api';

register();
await import('./parse-worker.ts');
