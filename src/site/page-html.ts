/**
 * One HTML page of the built site: Vite's index.html with the page's head, its prerendered markup,
 * the data it hydrates from, and the stylesheet inlined so nothing blocks the first paint. A built
 * page carries its Content-Security-Policy, which allows exactly that stylesheet and the template's
 * own script (security-headers.ts).
 */
import { PAGE_DATA_ELEMENT_ID, type ListEntry, type PageData } from '../core/site-data.ts';
import { feedPath } from '../core/feed-paths.ts';
import { PRODUCT_NAME } from '../core/text.ts';
import { pageInlineCode, policyMetaTag } from './security-headers.ts';

export interface PageMeta {
  title: string;
  description: string;
  /** The page's own address; null for the 404 page, which has none and must not be indexed. */
  path: string | null;
  type: 'website' | 'article';
  /** Full "YYYY-MM-DD" publication date, when known. */
  published?: string | null;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/**
 * JSON that is safe inside <script>: every "<" is escaped, so no dispatch text can close the script
 * element or open a comment, whatever it contains.
 */
export function inlineJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** `origin` (e.g. "https://dispatches.example") makes canonical and og:url absolute; without it they stay relative. */
const NEWEST = { kind: 'newest' } as const;

export function headTags(meta: PageMeta, origin: string | undefined): string {
  const url = meta.path === null ? null : (origin ?? '') + meta.path;
  const tags = [
    `<title>${escapeHtml(meta.title)}</title>`,
    `<meta name="description" content="${escapeHtml(meta.description)}" />`,
    url === null ? '<meta name="robots" content="noindex" />' : `<link rel="canonical" href="${escapeHtml(url)}" />`,
    `<meta property="og:site_name" content="${PRODUCT_NAME}" />`,
    `<meta property="og:type" content="${meta.type}" />`,
    `<meta property="og:title" content="${escapeHtml(meta.title)}" />`,
    `<meta property="og:description" content="${escapeHtml(meta.description)}" />`,
    // Every page announces the newest dispatches' feeds; a filtered view adds its own (ListTools.tsx).
    `<link rel="alternate" type="application/atom+xml" title="${PRODUCT_NAME}: newest dispatches" href="${feedPath(NEWEST, 'atom')}" />`,
    `<link rel="alternate" type="application/feed+json" title="${PRODUCT_NAME}: newest dispatches" href="${feedPath(NEWEST, 'json')}" />`,
  ];
  if (origin !== undefined && url !== null) tags.push(`<meta property="og:url" content="${escapeHtml(url)}" />`);
  if (meta.published) tags.push(`<meta property="article:published_time" content="${meta.published}" />`);
  return tags.join('\n    ');
}

export interface PageParts {
  head: string;
  markup: string;
  data: PageData;
  /** The stylesheet to inline; null in development, where Vite injects styles itself. */
  css: string | null;
}

/**
 * The data a page hydrates from, without the text its markup already holds: the article's paragraphs,
 * standfirst, captions and related dispatches, and the titles and snippets of the list's rows. The app reads them back from the
 * markup (app/paragraphs.ts), so a page does not carry its words twice; at 10,000 dispatches every
 * page's bytes are paid 10,000 times.
 */
export function compactPageData(data: PageData): PageData {
  const withoutText = (entry: ListEntry): ListEntry => ({ ...entry, title: '', snippet: '' });
  return {
    ...data,
    window: { ...data.window, entries: data.window.entries.map(withoutText) },
    article:
      data.article === null
        ? null
        : {
            ...data.article,
            // The article's title stays: the service worker lists the pages it keeps by it (sw/offline-page.ts).
            entry: { ...withoutText(data.article.entry), title: data.article.entry.title },
            standfirst: null,
            paragraphs: [],
            images: [],
            related: [],
          },
  };
}

let lastPolicy: { template: string; css: string; tag: string } | undefined;

/**
 * The policy <meta> of pages built from this template and stylesheet; none in development, where
 * Vite injects styles and scripts of its own. Every page of a build has the same: the last is kept.
 */
function policyTag(template: string, css: string | null): string {
  if (css === null) return '';
  if (lastPolicy?.template !== template || lastPolicy.css !== css) {
    lastPolicy = { template, css, tag: `${policyMetaTag(pageInlineCode(template, css))}\n    ` };
  }
  return lastPolicy.tag;
}

/** Where the policy goes: before anything it covers, right after the character set, which must come first. */
const POLICY_PLACE = /<meta charset[^>]*>\s*|<head>\s*/i;

/** The template's stylesheet for the screen, which pages inline; a print-only sheet stays a link. */
export const SCREEN_STYLESHEET = /<link rel="stylesheet"(?![^>]*\bmedia=)[^>]*>/;
const PRINT_STYLESHEET = /<link rel="stylesheet" media="print"[^>]*>/g;

/**
 * The template without the notes written for its maintainers: every page would carry them, and at
 * thousands of pages their bytes add up. The markers the pages are filled in at stay.
 */
export function withoutNotes(template: string): string {
  return template.replace(/<!--(?!page-)[\s\S]*?-->\s*/g, '');
}

export function renderDocument(template: string, parts: PageParts): string {
  const html = template
    .replace(POLICY_PLACE, (place) => place + policyTag(template, parts.css))
    // Inline the stylesheet: one round trip brings everything the first paint needs.
    .replace(SCREEN_STYLESHEET, (link) => (parts.css === null ? link : `<style>${parts.css}</style>`))
    // A print sheet goes last, so that on paper its rules win over the screen's.
    .replace(PRINT_STYLESHEET, '')
    .replace('</head>', () => `${template.match(PRINT_STYLESHEET)?.join('') ?? ''}</head>`)
    .replace('<!--page-head-->', () => parts.head)
    .replace('<!--page-markup-->', () => parts.markup)
    .replace(
      '<!--page-data-->',
      () => `<script type="application/json" id="${PAGE_DATA_ELEMENT_ID}">${inlineJson(compactPageData(parts.data))}</script>`,
    );
  for (const marker of ['<!--page-head-->', '<!--page-markup-->', '<!--page-data-->']) {
    if (html.includes(marker)) throw new Error(`index.html still holds ${marker} after rendering ${parts.data.pathname}`);
  }
  if (parts.css !== null && !POLICY_PLACE.test(template)) throw new Error(`index.html has no <head> to put the policy of ${parts.data.pathname} in`);
  return html;
}
