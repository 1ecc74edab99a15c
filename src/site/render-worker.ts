/**
 * A worker thread of the build: renders dispatch pages and reads their search terms, so both cores
 * share the work. Vite compiles it beside the app's server bundle (scripts/build.ts), and it loads
 * that bundle to render. A page is rendered, compressed and written only when it changed.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadRenderModule, renderPageDocument } from './render-module.ts';
import { articlePage } from './pages.ts';
import { renderTerms, type RenderResult, type RenderSetup, type RenderTask } from './render-task.ts';

const setup = workerData as RenderSetup;
const render = await loadRenderModule(setup.serverModule);

parentPort?.on('message', (task: RenderTask) => {
  renderTerms(setup, task, (dispatch) => renderPageDocument(setup, setup.origin, render, articlePage(dispatch, task.placement))).then(
    (result: RenderResult) => parentPort?.postMessage(result),
    (error: unknown) => parentPort?.postMessage({ seq: task.seq, error: error instanceof Error ? error.message : String(error) }),
  );
});
