import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { inflated } from '../../../src/app/inflate.ts';

describe('inflated', () => {
  const value = { terms: ['việt nam', 'ελλάδα'], gaps: [6, 150, 54] };

  it('reads a data file as the build stores it, gzipped', async () => {
    const response = new Response(new Uint8Array(gzipSync(JSON.stringify(value))));
    expect(await (await inflated(response)).json()).toEqual(value);
  });

  it('reads it as it comes when the host has sent it with a Content-Encoding the browser already undid', async () => {
    const response = new Response(JSON.stringify(value));
    expect(await (await inflated(response)).json()).toEqual(value);
  });
});
