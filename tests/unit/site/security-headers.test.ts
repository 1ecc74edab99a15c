/** The site's Content-Security-Policy and the `_headers` file hosts read it from. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../src/site/paths.ts';
import {
  contentSecurityPolicy, hashSource, headersFile, headersForPath, inlineCodeOf, pageInlineCode, parseHeadersFile, policyDirectives,
  securityHeaders, siteHeadersFile, type InlineCode,
} from '../../../src/site/security-headers.ts';

const GUARD = "\n      if (location.search) document.documentElement.dataset.pending = '';\n    ";
const CSS = 'body{margin:0}';
const TEMPLATE = [
  '<!doctype html><html><head>',
  '<!-- an old guard, kept for reference: <script>alert(1)</script> -->',
  `<script>${GUARD}</script>`,
  '<script type="module" crossorigin src="/assets/index-abc.js"></script>',
  '<link rel="stylesheet" crossorigin href="/assets/index-abc.css">',
  '</head><body><div id="root"></div>',
  '<script type="application/json" id="page-data">{"pathname":"/"}</script>',
  '</body></html>',
].join('\n');

/** A directive's values, as a browser would read them from the policy text. */
function directive(policy: string, name: string): string[] | undefined {
  const found = policy.split(';').map((part) => part.trim().split(/\s+/)).find(([directiveName]) => directiveName === name);
  return found?.slice(1);
}

describe('hashSource', () => {
  it('is the base64 SHA-256 a browser compares inline code with', () => {
    expect(hashSource('')).toBe("'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='");
    expect(hashSource(GUARD)).toBe(`'sha256-${createHash('sha256').update(GUARD).digest('base64')}'`);
  });

  it('hashes line ends as the HTML parser leaves them, so a template with Windows line ends still matches', () => {
    expect(hashSource('a\r\nb\rc')).toBe(hashSource('a\nb\nc'));
  });
});

describe('inlineCodeOf', () => {
  it('finds the inline script a browser runs, not scripts loaded by address, data blocks or commented-out code', () => {
    expect(inlineCodeOf(TEMPLATE)).toEqual({ scripts: [GUARD], styles: [] });
  });

  it('counts module and JavaScript-typed inline scripts and inline stylesheets, exactly as written', () => {
    const html = '<script type="module">import "/a.js"</script><SCRIPT TYPE="text/javascript">b()</SCRIPT><style media="print"> p { color: red } </style>';
    expect(inlineCodeOf(html)).toEqual({ scripts: ['import "/a.js"', 'b()'], styles: [' p { color: red } '] });
  });
});

describe('the policy', () => {
  const inline = pageInlineCode(TEMPLATE, CSS);

  it('allows the pages’ own inline script and stylesheet by their hashes, and nothing else inline', () => {
    const policy = contentSecurityPolicy(inline, 'header');
    expect(directive(policy, 'script-src')).toEqual(["'self'", hashSource(GUARD)]);
    // Style sheets of the site's own (dialogs, printing) load as files.
    expect(directive(policy, 'style-src')).toEqual(["'self'", hashSource(CSS)]);
  });

  it('never lets script in by a loophole: no unsafe-inline, unsafe-eval, data:, blob: or wildcard', () => {
    for (const delivery of ['header', 'meta'] as const) {
      const scripts = [...(directive(contentSecurityPolicy(inline, delivery), 'script-src') ?? [])];
      expect(scripts.length).toBeGreaterThan(0);
      for (const loophole of ["'unsafe-inline'", "'unsafe-eval'", 'data:', 'blob:', '*', 'http:', 'https:']) expect(scripts).not.toContain(loophole);
    }
  });

  it('keeps plugins, other base addresses and framing out', () => {
    const policy = contentSecurityPolicy(inline, 'header');
    expect(directive(policy, 'object-src')).toEqual(["'none'"]);
    expect(directive(policy, 'base-uri')).toEqual(["'none'"]);
    expect(directive(policy, 'frame-ancestors')).toEqual(["'none'"]);
  });

  it('lets the app fetch its data and feeds and register a worker of its own origin only', () => {
    const policy = contentSecurityPolicy(inline, 'header');
    expect(directive(policy, 'connect-src')).toEqual(["'self'"]);
    expect(directive(policy, 'worker-src')).toEqual(["'self'"]);
  });

  it('leaves frame-ancestors out of the <meta> form, where browsers ignore it with a warning', () => {
    const meta = contentSecurityPolicy(inline, 'meta');
    expect(directive(meta, 'frame-ancestors')).toBeUndefined();
    expect(meta).toBe(contentSecurityPolicy(inline, 'header').replace("; frame-ancestors 'none'", ''));
  });

  it('allows no inline stylesheet at all when a page has none', () => {
    const none: InlineCode = { scripts: [], styles: [] };
    expect(directive(contentSecurityPolicy(none, 'header'), 'style-src')).toEqual(["'self'"]);
    expect(directive(contentSecurityPolicy(none, 'header'), 'script-src')).toEqual(["'self'"]);
  });

  it('names every directive once', () => {
    const names = policyDirectives(inline, 'header').map(([name]) => name);
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('the _headers file', () => {
  it('gives every address of the site the policy and the other safety headers', () => {
    const rules = parseHeadersFile(siteHeadersFile(TEMPLATE, CSS));
    for (const path of ['/', '/article/000_abc', '/assets/index-abc.js', '/data/0123abcd/list/0.json.gz', '/feeds/newest.xml', '/sw.js']) {
      expect(headersForPath(rules, path), path).toMatchObject(securityHeaders(pageInlineCode(TEMPLATE, CSS)));
    }
    expect(headersForPath(rules, '/')).toMatchObject({
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'strict-origin-when-cross-origin',
      'X-Frame-Options': 'DENY',
    });
  });

  it('lets browsers keep the assets, named by their content, for good; never the summary that names the current data', () => {
    const rules = parseHeadersFile(siteHeadersFile(TEMPLATE, CSS));
    expect(headersForPath(rules, '/assets/index-abc.js')['Cache-Control']).toBe('public, max-age=31536000, immutable');
    for (const path of ['/', '/article/000_abc', '/data/archive.json', '/sw.js']) expect(headersForPath(rules, path)['Cache-Control'], path).toBeUndefined();
  });

  it('reads rules for some paths only, comments and several rules, as the hosts do', () => {
    const rules = parseHeadersFile(['# comment', '/*', '  A: 1', '/assets/*', '  B: two words', '  A: 3', ''].join('\n'));
    expect(headersForPath(rules, '/')).toEqual({ A: '1' });
    expect(headersForPath(rules, '/assets/x.js')).toEqual({ A: '1, 3', B: 'two words' });
    expect(headersForPath(rules, '/assets.html')).toEqual({ A: '1' });
  });

  it('writes headers a host can read back unchanged, colons in values included', () => {
    const headers = { 'Content-Security-Policy': "default-src 'self'", Link: '<https://a.example/>; rel=preconnect' };
    expect(headersForPath(parseHeadersFile(headersFile(headers)), '/x')).toEqual(headers);
  });
});

describe('the page template', () => {
  it('runs one small inline script, which the policy built from it allows', () => {
    const template = readFileSync(join(PROJECT_ROOT, 'index.html'), 'utf8');
    const { scripts } = inlineCodeOf(template);
    expect(scripts).toHaveLength(1);
    expect(scripts[0]).toContain('location.search');
    expect(directive(contentSecurityPolicy(pageInlineCode(template, CSS), 'header'), 'script-src')).toContain(hashSource(scripts[0] ?? ''));
  });

  it('has a real favicon, not a data: address the policy would refuse', () => {
    const template = readFileSync(join(PROJECT_ROOT, 'index.html'), 'utf8');
    const icon = /<link rel="icon" href="([^"]+)"/.exec(template)?.[1] ?? '';
    expect(icon).toMatch(/^\/[\w.-]+$/);
    expect(readFileSync(join(PROJECT_ROOT, 'public', icon.slice(1)), 'utf8')).toContain('<svg');
  });
});
