/**
 * The prerender entry, run in Node at build time: the same App, rendered to HTML for one page, with
 * the components the browser loads on demand already at hand.
 */
import { renderToString } from 'react-dom/server';
import type { PageData } from '../core/site-data.ts';
import { App } from './App.tsx';
import ArticleExtras from './components/ArticleExtras.tsx';
import { ArticleView } from './components/ReadingPane.tsx';
import ListRows from './list/ListRows.tsx';
import FilterRow from './components/FilterRow.tsx';
import NotFound from './components/NotFound.tsx';
import Overview from './components/Overview.tsx';
import { Prerendered } from './prerendered.ts';

const components = { Overview, NotFound, ArticleView, ArticleExtras, FilterRow, ListRows };

export function renderPage(data: PageData): string {
  return renderToString(
    <Prerendered value={components}>
      <App data={data} />
    </Prerendered>,
  );
}
