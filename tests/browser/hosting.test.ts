/**
 * dist/ on the servers people will host it with: Vite's preview server and a plain static file
 * server with no rewrite rules. Every deep link must reach its own prerendered page.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { preview, type PreviewServer } from 'vite';
import { DIST_DIR, PROJECT_ROOT } from '../../src/site/paths.ts';
import { baseUrl, hasBrowser, useBrowser } from './harness.ts';

const ARTICLE = '/article/003_de0e4ba2ab4b4e39';
const ARTICLE_TITLE = '<title>Fremme forholdet mellom Vietnam og Nord-Korea for å gå inn i en ny utviklingsfase · Dispatch Reader</title>';

describe("Vite's preview server (npm run preview)", () => {
  let server: PreviewServer | undefined;
  afterAll(async () => server?.close());

  async function previewUrl(): Promise<string> {
    server ??= await preview({ root: PROJECT_ROOT, logLevel: 'silent', preview: { port: 0, host: '127.0.0.1' } });
    const url = server.resolvedUrls?.local[0];
    if (url === undefined) throw new Error('the preview server did not report its address');
    return url.replace(/\/$/, '');
  }

  it("serves an article's own page for /article/<id>, precompressed with brotli", async () => {
    const response = await fetch((await previewUrl()) + ARTICLE, { headers: { 'Accept-Encoding': 'br' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-encoding')).toBe('br');
    expect(await response.text()).toContain(ARTICLE_TITLE);
  });

  it('answers an unknown address with the not-found page and status 404, kept out of search engines', async () => {
    const response = await fetch(`${await previewUrl()}/article/no-such-dispatch`);
    expect(response.status).toBe(404);
    const html = await response.text();
    expect(html).toContain('Page not found');
    expect(html).toContain('<meta name="robots" content="noindex" />');
    expect(html).not.toContain('rel="canonical"');
    expect(html).not.toContain('<code>/404</code>');
  });

  it('answers "//" with the list, not an error', async () => {
    const response = await fetch(`${await previewUrl()}//`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('aria-label="Dispatches"');
  });

  it('sends the safety headers the build wrote into _headers, and not the file itself', async () => {
    const url = await previewUrl();
    const page = await fetch(`${url}/`);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(page.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(page.headers.get('content-security-policy')).toMatch(/^default-src 'self'; script-src 'self' 'sha256-/);
    expect((await fetch(`${url}/_headers`)).status).toBe(404);
  });

  it('lets browsers keep hashed scripts for good, but revalidate pages', async () => {
    const url = await previewUrl();
    const page = await fetch(`${url}/`);
    const script = /<script type="module" crossorigin src="([^"]+)"/.exec(await page.text())?.[1];
    expect(script).toMatch(/^\/assets\/.+\.js$/);
    expect(page.headers.get('cache-control')).toBe('no-cache');
    expect((await fetch(url + String(script))).headers.get('cache-control')).toContain('immutable');
  });
});

describe('a plain static file server without rewrite rules (python3 -m http.server)', () => {
  let python: ChildProcess | undefined;
  afterAll(() => python?.kill());

  function startPython(): Promise<string | null> {
    return new Promise((resolve) => {
      python = spawn('python3', ['-u', '-m', 'http.server', '0', '--bind', '127.0.0.1', '--directory', DIST_DIR]);
      python.on('error', () => resolve(null));
      python.stdout?.on('data', (chunk: Buffer) => {
        const port = /port (\d+)/.exec(chunk.toString())?.[1];
        if (port !== undefined) resolve(`http://127.0.0.1:${port}`);
      });
    });
  }

  it('reaches the article page for a deep link, through its folder', async () => {
    const url = await startPython();
    if (url === null) {
      if (process.env.CI === 'true') throw new Error('python3 is missing');
      console.warn('!! python3 not found: skipping the plain static server check');
      return;
    }
    const response = await fetch(url + ARTICLE);
    expect(response.status).toBe(200);
    expect(new URL(response.url).pathname).toBe(`${ARTICLE}/`);
    expect(await response.text()).toContain(ARTICLE_TITLE);
  });
});

describe('each article page', () => {
  it('has its own title, description, canonical link and Open Graph tags', async () => {
    const html = await (await fetch(baseUrl + ARTICLE)).text();
    expect(html).toContain(ARTICLE_TITLE);
    expect(html).toMatch(/<meta name="description" content="Generalsekretær To Lam bekreftet at Vietnam er villig/);
    expect(html).toContain(`<link rel="canonical" href="${ARTICLE}" />`);
    expect(html).toContain('<meta property="og:type" content="article" />');
    expect(html).toContain('<meta property="og:title" content="Fremme forholdet mellom Vietnam og Nord-Korea');
    expect(html).toContain('<meta property="article:published_time" content="2025-10-09" />');
  });

  it('carries its article in the markup, before any script runs', async () => {
    const html = await (await fetch(baseUrl + ARTICLE)).text();
    const markup = html.slice(html.indexOf('<div id="root">'), html.indexOf('<script type="application/json"'));
    expect(markup).toContain('<h1 id="article-title" tabindex="-1" lang="nb" dir="auto">Fremme forholdet');
    expect(markup).toContain('den koreanske halvøya');
  });
});

describe('the test server (serveStatic, as used by the browser tests)', () => {
  it('serves the same page under every form of the address', async () => {
    for (const path of [ARTICLE, `${ARTICLE}/`, `${ARTICLE}.html`, `${ARTICLE}/index.html`, `${ARTICLE}//`, `${ARTICLE}%2F`]) {
      const response = await fetch(baseUrl + path);
      expect(response.status, path).toBe(200);
      expect(await response.text(), path).toContain(ARTICLE_TITLE);
    }
  });

  it('answers "//" with the list and status 200', async () => {
    const response = await fetch(`${baseUrl}//`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('aria-label="Dispatches"');
  });

  it('does not let a missing asset or data file be cached for good: the next build may bring it', async () => {
    const page = await (await fetch(`${baseUrl}/`)).text();
    const script = /<script type="module" crossorigin src="([^"]+)"/.exec(page)?.[1] ?? '';
    expect((await fetch(baseUrl + script)).headers.get('cache-control')).toContain('immutable');
    for (const path of ['/assets/index-0000000000.js', '/data/0123456789abcdef/list/0.json.gz', `${script}.missing`]) {
      const response = await fetch(baseUrl + path);
      expect(response.status, path).toBe(404);
      expect(response.headers.get('cache-control'), path).not.toContain('immutable');
      expect(response.headers.get('cache-control'), path).not.toMatch(/max-age=[1-9]/);
    }
  });
});

describe.skipIf(!hasBrowser)('odd forms of an address, once the app has taken over', () => {
  const open = useBrowser();

  it('shows the list at "//"', async () => {
    const page = await open('//');
    await page.getByRole('list', { name: 'Dispatches' }).getByRole('link').first().waitFor();
    expect(await page.getByRole('heading', { name: /not found/i }).count()).toBe(0);
  });

  for (const path of [`${ARTICLE}/index.html`, `${ARTICLE}//`, `${ARTICLE}%2F`]) {
    it(`shows the article at ${path}, not "Page not found"`, async () => {
      const page = await open(path);
      const heading = page.getByRole('article').getByRole('heading', { level: 1 });
      await expect.poll(() => heading.textContent()).toBe('Fremme forholdet mellom Vietnam og Nord-Korea for å gå inn i en ny utviklingsfase');
      expect(await page.getByRole('heading', { name: /not found/i }).count()).toBe(0);
      // Hydrated and still the article: the app agreed with the prerendered page.
      expect(await page.getByRole('link', { name: /→$/ }).count()).toBe(1);
    });
  }
});
