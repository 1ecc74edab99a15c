/**
 * The prerender entry, run in Node at build time: the same App, rendered to HTML for one page.
 */
import { renderToString } from 'react-dom/server';
import type { PageData } from '../core/site-data.ts';
import { App } from './App.tsx';

export function renderPage(data: PageData): string {
  return renderToString(<App data={data} />);
}
