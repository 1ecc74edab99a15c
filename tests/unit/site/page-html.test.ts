import { describe, expect, it } from 'vitest';
import { headTags, inlineJson, renderDocument, withoutNotes } from '../../../src/site/page-html.ts';
import type { PageData } from '../../../src/core/site-data.ts';
import { hashSource } from '../../../src/site/security-headers.ts';

describe('inlineJson', () => {
  it('cannot be broken out of: no "<" survives, and the value reads back unchanged', () => {
    const value = { title: '</script><script>alert(1)</script><!--', line: 'a\u2028b' };
    const json = inlineJson(value);
    expect(json).not.toContain('<');
    expect(JSON.parse(json)).toEqual(value);
  });
});

describe('headTags', () => {
  it('escapes dispatch text in attributes and makes URLs absolute when the origin is known', () => {
    const tags = headTags({ title: 'A "quoted" <title>', description: 'x & y', path: '/article/a', type: 'article', published: '2026-01-10' }, 'https://dispatches.example');
    expect(tags).toContain('<title>A &#34;quoted&#34; &#60;title&#62;</title>');
    expect(tags).toContain('<meta name="description" content="x &#38; y" />');
    expect(tags).toContain('<link rel="canonical" href="https://dispatches.example/article/a" />');
    expect(tags).toContain('<meta property="og:url" content="https://dispatches.example/article/a" />');
    expect(tags).toContain('<meta property="article:published_time" content="2026-01-10" />');
  });

  it('announces the feeds of the newest dispatches on every page, the not-found page included', () => {
    for (const path of ['/', '/article/a', null]) {
      const tags = headTags({ title: 't', description: 'd', path, type: 'website' }, undefined);
      expect(tags).toContain('<link rel="alternate" type="application/atom+xml" title="Dispatch Reader: newest dispatches" href="/feeds/newest.xml" />');
      expect(tags).toContain('<link rel="alternate" type="application/feed+json" title="Dispatch Reader: newest dispatches" href="/feeds/newest.json" />');
    }
  });
});

describe('withoutNotes', () => {
  it('drops the notes written for maintainers and keeps the markers pages are filled in at', () => {
    const template = '<head>\n  <!-- Why this script: a note\n       on two lines. -->\n  <script>go()</script>\n  <!--page-head-->\n</head><body><!--page-markup--><!--page-data--></body>';
    expect(withoutNotes(template)).toBe('<head>\n  <script>go()</script>\n  <!--page-head-->\n</head><body><!--page-markup--><!--page-data--></body>');
  });
});

describe('renderDocument', () => {
  const data: PageData = { pathname: '/', window: { entries: [], newer: false, older: false }, article: null, overview: null, names: { countries: {}, languages: {} } };
  const template = '<head><link rel="stylesheet" href="/assets/a.css"><!--page-head--></head><body><div id="root"><!--page-markup--></div><!--page-data--></body>';

  it('inlines the screen’s stylesheet, and puts a print-only one after it, as a link', () => {
    const printing = template.replace('<head>', '<head><link rel="stylesheet" media="print" href="/assets/print.css">');
    const html = renderDocument(printing, { head: '', markup: '', data, css: 'body{color:red}' });
    expect(html).toContain('<style>body{color:red}</style>');
    expect(html.indexOf('<style>')).toBeLessThan(html.indexOf('media="print"'));
    expect(html.match(/media="print"/g)).toHaveLength(1);
  });

  it('inlines the stylesheet and fills every marker', () => {
    const html = renderDocument(template, { head: '<title>t</title>', markup: '<p>hi</p>', data, css: 'body{color:red}' });
    expect(html).toContain('<style>body{color:red}</style>');
    expect(html).not.toContain('stylesheet');
    expect(html).toContain('<div id="root"><p>hi</p></div>');
    expect(html).toContain('<script type="application/json" id="page-data">');
  });

  it('does not treat "$&" in the content as a replacement pattern', () => {
    const html = renderDocument(template, { head: '', markup: '<p>costs $& more</p>', data, css: null });
    expect(html).toContain('<p>costs $& more</p>');
  });

  it('carries its Content-Security-Policy ahead of the code it allows: the inlined stylesheet and the template’s script', () => {
    const guarded = template.replace('<!--page-head-->', '<!--page-head--><script>if (location.search) go();</script>');
    const html = renderDocument(guarded, { head: '<title>t</title>', markup: '', data, css: 'body{color:red}' });
    const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)" \/>/.exec(html)?.[1] ?? '';
    expect(policy).toContain(`style-src 'self' ${hashSource('body{color:red}')}`);
    expect(policy).toContain(`script-src 'self' ${hashSource('if (location.search) go();')}`);
    const at = html.indexOf('Content-Security-Policy');
    expect(at).toBeGreaterThan(0);
    expect(at).toBeLessThan(html.indexOf('<script>'));
    expect(at).toBeLessThan(html.indexOf('<style>'));
  });

  it('leaves the policy to the development server, whose styles and scripts Vite injects', () => {
    const html = renderDocument(template, { head: '', markup: '', data, css: null });
    expect(html).not.toContain('Content-Security-Policy');
  });
});
