/**
 * A built page carries its data without the words its markup already holds; the app reads them back.
 * What it reads back must be exactly the data the page was rendered from, for every kind of page.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { completePageData } from '../../src/app/paragraphs.ts';
import { renderPage } from '../../src/app/server.tsx';
import { compactPageData } from '../../src/site/page-html.ts';
import type { SiteModel } from '../../src/site/site-model.ts';
import { seedSite } from '../support/sites.ts';

let site: SiteModel;
beforeAll(async () => {
  site = await seedSite();
});

const PATHS = ['/', '/article/000_c1e9c1a179e0b2a5', '/article/001_660d5ccee3f9ddf8', '/article/002_ab79468c31c8404f', '/article/003_de0e4ba2ab4b4e39', '/article/004_fddb412e61d3f82b', '/no/such/page'];

describe('the data a page carries', () => {
  it.each(PATHS)('reads back from the markup of %s exactly as it was built', (path) => {
    const { data } = site.pageFor(path).page;
    const markup = Object.assign(document.createElement('div'), { innerHTML: renderPage(data) });
    expect(completePageData(compactPageData(data), markup)).toEqual(data);
  });

  it('holds none of the words its markup shows but the article’s title: snippets, standfirst, paragraphs, captions, related dispatches', () => {
    const { data } = site.pageFor('/article/003_de0e4ba2ab4b4e39').page;
    const carried = JSON.stringify(compactPageData(data));
    // Once, for the offline page's list of the dispatches a device keeps.
    expect(carried.split('Fremme forholdet')).toHaveLength(2);
    expect(data.article?.standfirst).toBeTruthy();
    expect(data.article?.images.length).toBeGreaterThan(0);
    expect(data.article?.related.length).toBeGreaterThan(0);
    for (const words of ['Generalsekretær', 'Tô Lâm received', 'also names', 'Kim Jong-un']) expect(carried).not.toContain(words);
  });
});
