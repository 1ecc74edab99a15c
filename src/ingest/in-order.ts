/**
 * Runs an async task per item with at most `window` items between the oldest unfinished one and the
 * newest started, and gives the results back in item order. Results that finish early wait for the
 * ones before them, so what is held at once is bounded by the window, never by the number of items.
 */
export async function* mapInOrder<T, R>(items: Iterable<T>, window: number, task: (item: T) => Promise<R>): AsyncGenerator<R> {
  const started: Array<Promise<R>> = [];
  const iterator = items[Symbol.iterator]();
  const startNext = (): void => {
    const next = iterator.next();
    if (next.done === true) return;
    const promise = task(next.value);
    // Should the caller stop early or an earlier task fail, a later failure must not go unhandled.
    promise.catch(() => {});
    started.push(promise);
  };
  for (let count = 0; count < window; count += 1) startNext();
  try {
    for (let head = started.shift(); head !== undefined; head = started.shift()) {
      const result = await head;
      startNext();
      yield result;
    }
  } finally {
    // Nothing keeps running once the caller is done: what the tasks hold can then be closed safely.
    await Promise.allSettled(started);
  }
}
