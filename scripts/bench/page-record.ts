/**
 * What scripts/bench/page-recorder.js notes inside a page, and how the bench reads it back.
 *
 * Reads go through the page's own DevTools session (`Runtime.evaluate`) rather than Playwright's
 * `page.evaluate` or locators, which inject helper scripts into the page: at 4× CPU that injection is
 * itself a task on the main thread and would show up in the very long-task numbers being measured.
 */
import type { CDPSession } from 'playwright-core';
import { z } from 'zod';

const time = z.number();

const pageRecordSchema = z.object({
  largestPaints: z.array(z.object({ startTime: time, size: z.number(), element: z.string().nullable() })),
  layoutShifts: z.array(z.object({ startTime: time, value: z.number(), hadRecentInput: z.boolean(), sources: z.array(z.string()) })),
  longTasks: z.array(z.object({ startTime: time, duration: time })),
  longFrames: z.array(
    z.object({
      startTime: time,
      duration: time,
      blockingDuration: time,
      /** 0 when the frame rendered nothing. */
      renderStart: time,
      styleAndLayoutStart: time,
      scripts: z.array(
        z.object({ invoker: z.string(), sourceURL: z.string(), sourceFunctionName: z.string(), duration: time, forcedStyleAndLayoutDuration: time }),
      ),
    }),
  ),
  events: z.array(
    z.object({ name: z.string(), startTime: time, duration: time, processingStart: time, processingEnd: time, interactionId: z.number() }),
  ),
  hydratedAt: time.nullable(),
  now: time,
  loadEventEnd: time.nullable(),
  firstContentfulPaint: time.nullable(),
});

export type PageRecord = z.infer<typeof pageRecordSchema>;
export type EventRecord = PageRecord['events'][number];
export type LongFrame = PageRecord['longFrames'][number];

/** Evaluates an expression in the page's main world; with `awaitPromise`, waits for the promise it gives. */
export async function evaluateInPage(cdp: CDPSession, expression: string, awaitPromise = false): Promise<unknown> {
  const reply = await cdp.send('Runtime.evaluate', { expression, returnByValue: true, awaitPromise });
  if (reply.exceptionDetails) {
    const message = reply.exceptionDetails.exception?.description ?? reply.exceptionDetails.text;
    throw new Error(`the page could not evaluate ${expression}: ${message}`);
  }
  return reply.result.value;
}

export async function readPageRecord(cdp: CDPSession): Promise<PageRecord> {
  const json = await evaluateInPage(cdp, 'JSON.stringify(globalThis.__dispatchBench.snapshot())');
  if (typeof json !== 'string') throw new Error('the page recorder is missing: was page-recorder.js added before loading?');
  const parsed = pageRecordSchema.safeParse(JSON.parse(json));
  if (!parsed.success) throw new Error(`the page recorder returned an unexpected shape: ${parsed.error.message}`);
  return parsed.data;
}

/** The page's clock (ms since navigation start), to mark when an interaction begins. */
export async function readPageClock(cdp: CDPSession): Promise<number> {
  const now = await evaluateInPage(cdp, 'performance.now()');
  if (typeof now !== 'number') throw new Error('the page returned no clock');
  return now;
}

/** Resolves once the app has marked `<html data-hydrated>`; a page that never hydrates fails the bench. */
export async function waitForHydration(cdp: CDPSession, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const giveUp = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the app did not hydrate within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([evaluateInPage(cdp, 'globalThis.__dispatchBench.hydrated', true), giveUp]);
  } finally {
    clearTimeout(timer);
  }
}
