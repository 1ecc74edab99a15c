/** The preview and test server sends what the build's `_headers` names, as the hosts that read it do. */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HEADERS_FILE } from '../../../src/site/security-headers.ts';
import { serveStatic } from '../../../src/site/static-files.ts';

let root = '';
let server: Server | undefined;
let origin = '';

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'static-files-'));
  await mkdir(join(root, 'assets'));
  await writeFile(join(root, 'index.html'), '<!doctype html><title>List</title>');
  await writeFile(join(root, '404.html'), '<!doctype html><title>Not found</title>');
  await writeFile(join(root, 'assets/index-abc.js'), 'export {};');
  server = createServer(serveStatic(root));
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  await rm(root, { recursive: true, force: true });
});

describe('serveStatic and the _headers file', () => {
  it('sends the safety headers that need no build even when the folder has no _headers', async () => {
    const response = await fetch(`${origin}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('content-security-policy')).toBeNull();
  });

  it('sends the headers _headers names with every answer, a 404 included, and picks up a rebuilt file', async () => {
    await writeFile(join(root, HEADERS_FILE), "/*\n  Content-Security-Policy: default-src 'self'\n/assets/*\n  X-Asset: yes\n");
    for (const path of ['/', '/assets/index-abc.js', '/no/such/page']) {
      expect((await fetch(origin + path)).headers.get('content-security-policy'), path).toBe("default-src 'self'");
    }
    expect((await fetch(`${origin}/assets/index-abc.js`)).headers.get('x-asset')).toBe('yes');
    expect((await fetch(`${origin}/`)).headers.get('x-asset')).toBeNull();

    await writeFile(join(root, HEADERS_FILE), "/*\n  Content-Security-Policy: default-src 'none'\n");
    expect((await fetch(`${origin}/`)).headers.get('content-security-policy')).toBe("default-src 'none'");
  });

  it('does not serve _headers itself, whatever the address looks like', async () => {
    await writeFile(join(root, HEADERS_FILE), "/*\n  Content-Security-Policy: default-src 'self'\n");
    for (const path of ['/_headers', '//_headers', '/%5Fheaders', '/assets/../_headers']) {
      const response = await fetch(origin + path);
      expect(response.status, path).toBe(404);
      expect(await response.text(), path).toContain('Not found');
    }
  });
});
