/**
 * Components the prerender has at hand that the browser loads on demand. The server entry provides
 * them, so a page's HTML holds what they render; in the browser they load when first needed, and
 * React keeps the prerendered HTML on screen until then.
 */
import { createContext, type ComponentType } from 'react';
import type { Names, Overview } from '../core/site-data.ts';
import type { ExtrasProps } from './components/ArticleExtras.tsx';
import type { ArticleProps } from './components/ReadingPane.tsx';
import type { ListRowsProps } from './list/ListRows.tsx';
import type { FilterProps } from './components/FilterPanel.tsx';

export interface PrerenderedComponents {
  Overview?: ComponentType<{ overview: Overview; names: Names }>;
  NotFound?: ComponentType<{ pathname: string | null; listHref: string; isArticle: boolean }>;
  ArticleView?: ComponentType<ArticleProps>;
  ListRows?: ComponentType<ListRowsProps>;
  ArticleExtras?: ComponentType<ExtrasProps>;
  FilterRow?: ComponentType<FilterProps>;
}

export const Prerendered = createContext<PrerenderedComponents>({});
