/**
 * Runs inside the measured page, before any of the page's own scripts (Playwright's addInitScript),
 * so every paint, shift, long task and slow event is seen from the very start.
 *
 * Plain JavaScript on purpose: the bench passes this file to the browser untouched. A TypeScript
 * function handed to `page.evaluate` would go through tsx's transform first, which may add helpers
 * that do not exist in the page. The Node side validates what this returns (scripts/bench/page-record.ts).
 *
 * Everything is read back through `globalThis.__dispatchBench.snapshot()`, a plain JSON-safe object.
 */
(() => {
  /** Enough to recognise an element in a report, without holding on to the node. */
  const describe = (node) => {
    if (!(node instanceof Element)) return node ? node.nodeName.toLowerCase() : null;
    const id = node.id ? `#${node.id}` : '';
    const classes = node.classList.length > 0 ? `.${[...node.classList].join('.')}` : '';
    return `${node.localName}${id}${classes}`;
  };

  const record = {
    largestPaints: [],
    layoutShifts: [],
    longTasks: [],
    longFrames: [],
    events: [],
    hydratedAt: null,
  };

  /** Entry types this Chromium does not know are skipped rather than fatal; the report shows them as missing. */
  const observe = (type, keep, options = {}) => {
    if (!PerformanceObserver.supportedEntryTypes.includes(type)) return;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) keep(entry);
    }).observe({ type, buffered: true, ...options });
  };

  observe('largest-contentful-paint', (entry) => {
    record.largestPaints.push({ startTime: entry.startTime, size: entry.size, element: describe(entry.element) });
  });
  observe('layout-shift', (entry) => {
    record.layoutShifts.push({
      startTime: entry.startTime,
      value: entry.value,
      hadRecentInput: entry.hadRecentInput,
      sources: entry.sources.map((source) => describe(source.node)).filter((name) => name !== null),
    });
  });
  observe('longtask', (entry) => {
    record.longTasks.push({ startTime: entry.startTime, duration: entry.duration });
  });
  // Long animation frames name the scripts that made a frame late, which long tasks cannot.
  observe('long-animation-frame', (entry) => {
    record.longFrames.push({
      startTime: entry.startTime,
      duration: entry.duration,
      blockingDuration: entry.blockingDuration,
      renderStart: entry.renderStart,
      styleAndLayoutStart: entry.styleAndLayoutStart,
      scripts: entry.scripts.map((script) => ({
        invoker: script.invoker,
        sourceURL: script.sourceURL,
        sourceFunctionName: script.sourceFunctionName,
        duration: script.duration,
        forcedStyleAndLayoutDuration: script.forcedStyleAndLayoutDuration,
      })),
    });
  });
  // 16 ms is the smallest threshold the Event Timing API allows; faster events are not reported at all.
  observe(
    'event',
    (entry) => {
      record.events.push({
        name: entry.name,
        startTime: entry.startTime,
        duration: entry.duration,
        processingStart: entry.processingStart,
        processingEnd: entry.processingEnd,
        interactionId: entry.interactionId,
      });
    },
    { durationThreshold: 16 },
  );

  // The app marks <html data-hydrated> once it reacts to the reader; note when that happens.
  const hydrated = new Promise((resolve) => {
    const check = () => {
      if (!document.documentElement?.hasAttribute('data-hydrated')) return false;
      record.hydratedAt = performance.now();
      resolve(record.hydratedAt);
      return true;
    };
    const watcher = new MutationObserver(() => {
      if (check()) watcher.disconnect();
    });
    if (!check()) watcher.observe(document, { subtree: true, attributes: true, attributeFilter: ['data-hydrated'] });
  });

  const snapshot = () => {
    const [navigation] = performance.getEntriesByType('navigation');
    const firstContentfulPaint = performance.getEntriesByName('first-contentful-paint')[0];
    return {
      ...record,
      now: performance.now(),
      loadEventEnd: navigation ? navigation.loadEventEnd : null,
      firstContentfulPaint: firstContentfulPaint ? firstContentfulPaint.startTime : null,
    };
  };

  globalThis.__dispatchBench = { snapshot, hydrated };
})();
