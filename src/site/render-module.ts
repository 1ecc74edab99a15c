/** The app's server bundle, loaded at build time to render pages to HTML. */
import { pathToFileURL } from 'node:url';
import type { PageData } from '../core/site-data.ts';
import { headTags, renderDocument } from './page-html.ts';
import type { Page } from './pages.ts';

export interface RenderModule {
  renderPage(data: PageData): string;
}

export async function loadRenderModule(file: string): Promise<RenderModule> {
  const module: unknown = await import(pathToFileURL(file).href);
  if (typeof module === 'object' && module !== null && 'renderPage' in module && typeof module.renderPage === 'function') {
    return module as RenderModule;
  }
  throw new Error(`${file} does not export renderPage()`);
}

export function renderPageDocument(app: { template: string; css: string | null }, origin: string | undefined, render: RenderModule, page: Page): string {
  return renderDocument(app.template, { head: headTags(page.meta, origin), markup: render.renderPage(page.data), data: page.data, css: app.css });
}
