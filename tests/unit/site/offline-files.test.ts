import { describe, expect, it } from 'vitest';
import { MANIFEST_PLACEHOLDER, type OfflineManifest } from '../../../src/core/offline.ts';
import { offlineFiles, serviceWorkerScript } from '../../../src/site/offline-files.ts';

const worker = `(function(){const manifest=${MANIFEST_PLACEHOLDER};console.log(manifest.build)})();`;

function manifestOf(files: ReturnType<typeof offlineFiles>): OfflineManifest {
  const script = files.find((file) => file.path === 'sw.js')?.content ?? '';
  const json = /const manifest=(\{.*?\});/.exec(script)?.[1];
  if (json === undefined) throw new Error('sw.js holds no manifest');
  return JSON.parse(json) as OfflineManifest;
}

function app(assets: Record<string, string>, css = 'body{}') {
  return { css, worker, assets: new Map(Object.entries(assets).map(([path, content]) => [path, Buffer.from(content)])) };
}

describe('offlineFiles', () => {
  it('writes the worker at the site root, beside the offline page, precaching every script of the app', () => {
    const files = offlineFiles(app({ 'assets/index-a1.js': 'main', 'assets/VirtualList-b2.js': 'list', 'assets/logo-c3.svg': '<svg/>' }));
    expect(files.map((file) => file.path).sort()).toEqual(['offline.html', 'sw.js']);
    expect(manifestOf(files).assets).toEqual(['/assets/VirtualList-b2.js', '/assets/index-a1.js']);
  });

  it('gives a new build id when a script or the offline page changes, and the same one otherwise', () => {
    const build = (assets: Record<string, string>, css?: string) => manifestOf(offlineFiles(app(assets, css))).build;
    const first = build({ 'assets/index-a1.js': 'main' });
    expect(build({ 'assets/index-a1.js': 'main' })).toBe(first);
    expect(build({ 'assets/index-d4.js': 'main changed' })).not.toBe(first);
    expect(build({ 'assets/index-a1.js': 'main' }, 'body{color:red}')).not.toBe(first);
  });

  it('writes nothing for an app built without a worker', () => {
    expect(offlineFiles({ css: '', assets: new Map() })).toEqual([]);
  });
});

describe('serviceWorkerScript', () => {
  it('refuses a worker that does not hold the placeholder exactly once', () => {
    const manifest = { build: 'b', assets: [] };
    expect(() => serviceWorkerScript('self.skipWaiting()', manifest)).toThrow(/0 times/);
    expect(() => serviceWorkerScript(`${MANIFEST_PLACEHOLDER};${MANIFEST_PLACEHOLDER}`, manifest)).toThrow(/2 times/);
  });
});
