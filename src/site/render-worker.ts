/**
 * A worker thread of the build: reads dispatches' features and renders their pages, so both cores
 * share the work. Vite compiles it beside the app's server bundle (scripts/build.ts), and it loads
 * that bundle to render. A page is rendered, and written only when it changed.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { articlePage } from './pages.ts';
import { loadRenderModule, renderPageDocument } from './render-module.ts';
import { runTask, type RenderSetup, type WorkerResult, type WorkerTask } from './render-task.ts';

const setup = workerData as RenderSetup;
const render = await loadRenderModule(setup.serverModule);

parentPort?.on('message', (task: WorkerTask) => {
  runTask(setup, task, (dispatch, page) => renderPageDocument(setup, setup.origin, render, articlePage(dispatch, page.placement))).then(
    (result: WorkerResult) => parentPort?.postMessage(result),
    (error: unknown) => parentPort?.postMessage({ seq: task.seq, error: error instanceof Error ? error.message : String(error) }),
  );
});
