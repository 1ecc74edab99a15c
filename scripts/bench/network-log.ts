/**
 * What one page load pulled over the (emulated) network, from the DevTools Network domain, and a
 * way to wait until the page has stopped fetching.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { CDPSession } from 'playwright-core';

export interface Transfer {
  url: string;
  /** DevTools' resource type: Document, Script, Fetch, … */
  type: string;
  /** Bytes on the wire, response headers included (`Network.loadingFinished`). */
  wireBytes: number;
  /** The response body as sent, i.e. compressed when `encoding` is set (its Content-Length). */
  bodyBytes: number | null;
  encoding: string | null;
  /**
   * From sending the request to its response headers, as the emulated network delivers them. The page's
   * own Navigation Timing cannot tell this: DevTools adds the latency after the real response arrived.
   */
  waitMs: number | null;
}

export interface NetworkLog {
  transfers: () => Transfer[];
  /** Resolves once no request has been in flight for `quietMs` and at least `minimumMs` have passed. */
  waitUntilQuiet: (options: { quietMs: number; minimumMs: number; limitMs: number }) => Promise<'quiet' | 'limit'>;
}

type Pending = Omit<Transfer, 'wireBytes'> & { sentAt: number };

function headerValue(headers: Record<string, unknown>, name: string): string | null {
  const found = Object.entries(headers).find(([key]) => key.toLowerCase() === name);
  return found === undefined ? null : String(found[1]);
}

/** Starts listening; call before `Network.enable` so the first request is not missed. */
export function watchNetwork(cdp: CDPSession): NetworkLog {
  const pending = new Map<string, Pending>();
  const inFlight = new Set<string>();
  const done: Transfer[] = [];
  let lastChange = Date.now();

  const settle = (requestId: string) => {
    inFlight.delete(requestId);
    lastChange = Date.now();
  };

  cdp.on('Network.requestWillBeSent', (event) => {
    inFlight.add(event.requestId);
    pending.set(event.requestId, {
      url: event.request.url,
      type: event.type ?? 'Other',
      bodyBytes: null,
      encoding: null,
      waitMs: null,
      sentAt: event.timestamp,
    });
    lastChange = Date.now();
  });
  cdp.on('Network.responseReceived', (event) => {
    const request = pending.get(event.requestId);
    if (request === undefined) return;
    const length = headerValue(event.response.headers, 'content-length');
    pending.set(event.requestId, {
      ...request,
      type: event.type,
      bodyBytes: length === null ? null : Number(length),
      encoding: headerValue(event.response.headers, 'content-encoding'),
      // DevTools timestamps are in seconds.
      waitMs: (event.timestamp - request.sentAt) * 1000,
    });
  });
  cdp.on('Network.loadingFinished', (event) => {
    const request = pending.get(event.requestId);
    if (request) done.push({ url: request.url, type: request.type, bodyBytes: request.bodyBytes, encoding: request.encoding, waitMs: request.waitMs, wireBytes: event.encodedDataLength });
    settle(event.requestId);
  });
  cdp.on('Network.loadingFailed', (event) => settle(event.requestId));

  return {
    transfers: () => [...done],
    async waitUntilQuiet({ quietMs, minimumMs, limitMs }) {
      const started = Date.now();
      for (;;) {
        const now = Date.now();
        if (inFlight.size === 0 && now - lastChange >= quietMs && now - started >= minimumMs) return 'quiet';
        if (now - started >= limitMs) return 'limit';
        await sleep(50);
      }
    },
  };
}
