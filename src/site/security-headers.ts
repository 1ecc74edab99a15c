/**
 * The headers that make the site safe to host, and the Content-Security-Policy it runs under
 * (decision 0014). Every page inlines the same stylesheet and the same small script, so one policy
 * with their hashes fits every page: the build writes it into each page (a <meta> element, for hosts
 * that cannot set headers) and into `_headers` (for hosts that read that file); the preview and test
 * server reads `_headers` back, so what the tests see is what a host sends.
 * Build time and the preview server only.
 */
import { createHash } from 'node:crypto';

/** Read by Netlify and Cloudflare Pages, which send the headers it names. */
export const HEADERS_FILE = '_headers';

/** The exact text of what a page runs inline, as the browser hashes it. */
export interface InlineCode {
  scripts: string[];
  styles: string[];
}

export type PolicyDelivery = 'header' | 'meta';

/** A CSP source for a piece of inline code: `'sha256-<base64>'`. */
export function hashSource(text: string): string {
  // The HTML parser turns CR LF into LF before the browser hashes an element's text; so do we, so a
  // template checked out with Windows line ends still matches.
  return `'sha256-${createHash('sha256').update(text.replace(/\r\n?/g, '\n'), 'utf8').digest('base64')}'`;
}

/** A comment (skipped: what it holds is not run) or a script or style element with its text. */
const ELEMENT = /<!--[\s\S]*?-->|<(script|style)\b([^>]*)>([\s\S]*?)<\/\1\s*>/gi;

/**
 * Whether a <script> with these attributes is run by the browser. A data block such as the page's
 * `application/json` is never run, so the policy does not need to allow it.
 */
function runsAsScript(attributes: string): boolean {
  if (/\bsrc\s*=/i.test(attributes)) return false;
  const type = /\btype\s*=\s*["']?([^"'\s>]*)/i.exec(attributes)?.[1]?.toLowerCase() ?? '';
  return type === '' || type === 'module' || /^(?:text|application)\/(?:java|ecma)script$/.test(type);
}

/** The inline scripts a browser would run and the inline stylesheets in an HTML document or template. */
export function inlineCodeOf(html: string): InlineCode {
  const code: InlineCode = { scripts: [], styles: [] };
  for (const [, element = '', attributes = '', text = ''] of html.matchAll(ELEMENT)) {
    if (element === '') continue;
    if (element.toLowerCase() === 'style') code.styles.push(text);
    else if (runsAsScript(attributes)) code.scripts.push(text);
  }
  return code;
}

/** What every page built from this template runs inline: the template's own code and the stylesheet it inlines. */
export function pageInlineCode(template: string, css: string): InlineCode {
  const { scripts, styles } = inlineCodeOf(template);
  return { scripts, styles: [...styles, css] };
}

function sources(code: readonly string[]): string[] {
  return [...new Set(code.map(hashSource))];
}

/**
 * The policy, directive by directive. Everything the app loads is its own: scripts and chunks, data
 * files, feeds, the favicon, a service worker. The only inline code is what the build hashed.
 * `frame-ancestors` works only as a header; a <meta> policy leaves it out (browsers would warn).
 */
export function policyDirectives(inline: InlineCode, delivery: PolicyDelivery): Array<[string, string[]]> {
  const styles = sources(inline.styles);
  const directives: Array<[string, string[]]> = [
    ['default-src', ["'self'"]],
    ['script-src', ["'self'", ...sources(inline.scripts)]],
    // The inlined sheet by its hash; the sheets of what the first screen never shows are files.
    ['style-src', ["'self'", ...styles]],
    // The landing view sizes its timeline's bars in style attributes. An attribute holds
    // declarations only: it cannot run script, and what it could load is held to 'self' below.
    ['style-src-attr', ["'unsafe-inline'"]],
    ['img-src', ["'self'"]],
    ['connect-src', ["'self'"]],
    ['worker-src', ["'self'"]],
    ['manifest-src', ["'self'"]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['form-action', ["'self'"]],
  ];
  if (delivery === 'header') directives.push(['frame-ancestors', ["'none'"]]);
  return directives;
}

export function contentSecurityPolicy(inline: InlineCode, delivery: PolicyDelivery): string {
  return policyDirectives(inline, delivery)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}

/** Headers that need nothing from the build: sent even by a server that finds no `_headers`. */
export const FIXED_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  // Sources linked from a dispatch learn that a reader came from this site, never from which page.
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  // For browsers older than CSP's frame-ancestors.
  'X-Frame-Options': 'DENY',
};

/** Every header each response of the site carries. */
export function securityHeaders(inline: InlineCode): Record<string, string> {
  return { 'Content-Security-Policy': contentSecurityPolicy(inline, 'header'), ...FIXED_HEADERS };
}

/** The `_headers` file: the same headers for every path. */
export function headersFile(headers: Readonly<Record<string, string>>): string {
  const lines = Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`);
  return ['# Written by the build (src/site/security-headers.ts); decision 0014.', '/*', ...lines, ''].join('\n');
}

/** The site's `_headers` for the app as built: what build-site.ts writes. */
export function siteHeadersFile(template: string, css: string): string {
  return headersFile(securityHeaders(pageInlineCode(template, css))) + ASSETS_RULE;
}

/**
 * Assets are named by their content's hash, so a browser may keep them for good. The data folders,
 * immutable too, are left to the host: a pattern for them would also catch `data/archive.json`,
 * which names the current one and must be asked for again.
 */
const ASSETS_RULE = '/assets/*\n  Cache-Control: public, max-age=31536000, immutable\n';

export interface HeaderRule {
  /** A path, `*` matching any run of characters, as the hosts that read `_headers` do. */
  pattern: string;
  headers: Array<[string, string]>;
}

/** Reads a `_headers` file: a path on its own line, then its headers indented below it. */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const current = rules.at(-1);
    const colon = trimmed.indexOf(':');
    if (/^\s/.test(line) && current !== undefined && colon > 0) {
      current.headers.push([trimmed.slice(0, colon).trim(), trimmed.slice(colon + 1).trim()]);
    } else if (!/^\s/.test(line)) {
      rules.push({ pattern: trimmed, headers: [] });
    }
  }
  return rules;
}

function patternMatches(pattern: string, pathname: string): boolean {
  const expression = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*');
  return new RegExp(`^${expression}$`).test(pathname);
}

/**
 * The headers the rules give a path. Every matching rule applies; a header named twice gets both
 * values joined by a comma, as the hosts do (for a policy, that means both are enforced).
 */
export function headersForPath(rules: readonly HeaderRule[], pathname: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const rule of rules) {
    if (!patternMatches(rule.pattern, pathname)) continue;
    for (const [name, value] of rule.headers) headers[name] = headers[name] === undefined ? value : `${headers[name]}, ${value}`;
  }
  return headers;
}

/** The policy as a <meta> element, first in a page's head so that it covers all that follows. */
export function policyMetaTag(inline: InlineCode): string {
  return `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(inline, 'meta')}" />`;
}
