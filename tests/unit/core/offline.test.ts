import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { dataVersionOf, pageKey, withoutRedirect } from '../../../src/core/offline.ts';

describe('pageKey', () => {
  it('gives every address of an article one key, whatever the host and the query string', () => {
    for (const path of ['/article/000_abc', '/article/000_abc/', '/article/000_abc.html', '/article/000_abc/index.html']) {
      expect(pageKey(path)).toBe('/article/000_abc');
    }
    expect(pageKey('/index.html')).toBe('/');
  });

  it('has no key for what is not a page of the app', () => {
    for (const path of ['/feeds/newest.xml', '/offline.html', '/404.html', '/assets/index-abc.js', '/article/']) expect(pageKey(path)).toBeNull();
  });
});

describe('dataVersionOf', () => {
  it('names the version of a versioned data file, and of nothing else', () => {
    expect(dataVersionOf('/data/c404a9d38444/search/t3.json')).toBe('c404a9d38444');
    expect(dataVersionOf('/data/archive.json')).toBeNull();
    expect(dataVersionOf('/assets/index-abc.js')).toBeNull();
  });
});

describe('withoutRedirect', () => {
  it('forgets that a page came through a redirect, as a plain static host sends it, and keeps all else', async () => {
    const server = createServer((request, response) => {
      if (request.url === '/article/000_abc') response.writeHead(301, { Location: '/article/000_abc/' }).end();
      else response.writeHead(200, { 'Content-Type': 'text/html' }).end('<p>page</p>');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const fetched = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/article/000_abc`);
      expect(fetched.redirected).toBe(true);
      const kept = withoutRedirect(fetched);
      expect(kept.redirected).toBe(false);
      expect(kept.status).toBe(200);
      expect(kept.headers.get('Content-Type')).toBe('text/html');
      expect(await kept.text()).toBe('<p>page</p>');
    } finally {
      server.close();
    }
  });

  it('keeps status, headers and body of a response that was never redirected, as it is', async () => {
    const response = new Response('<p>page</p>', { status: 200, headers: { 'Content-Type': 'text/html' } });
    const kept = withoutRedirect(response);
    expect(kept.status).toBe(200);
    expect(kept.headers.get('Content-Type')).toBe('text/html');
    expect(await kept.text()).toBe('<p>page</p>');
  });
});
