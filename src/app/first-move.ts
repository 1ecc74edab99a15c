/**
 * The reader's first moves. What the first paint does not need loads then, not before:
 * - `firstMove`, a key, a scroll, a touch that scrolls: the whole list, which replaces the page's
 *   first screen (a click is not a move: the rows it lands on must not be swapped under the pointer);
 * - `firstTouch`, any of those, a press of the pointer, a focus, or Back and Forward: the parts that
 *   take over their prerendered HTML in place (the article, the filters, what follows an article).
 * Listened for on the window, in the capture phase, so that nothing on the page can hide them.
 */
const MOVES = ['keydown', 'wheel', 'touchmove', 'scroll'];
const TOUCHES = [...MOVES, 'pointerdown', 'focusin', 'popstate'];

function firstOf(events: readonly string[]): { promise: Promise<void>; now: () => void } {
  let now = () => {};
  const promise =
    typeof window === 'undefined'
      ? new Promise<void>(() => undefined)
      : new Promise<void>((resolve) => {
          now = () => {
            for (const name of events) window.removeEventListener(name, now, { capture: true });
            resolve();
          };
          for (const name of events) window.addEventListener(name, now, { capture: true, passive: true });
        });
  return { promise, now: () => now() };
}

const move = firstOf(MOVES);
const touch = firstOf(TOUCHES);

export const firstMove = move.promise;
export const firstTouch = touch.promise;

/** A link with filters needs the whole list and its filters at once, without waiting for a move. */
export function moveNow(): void {
  move.now();
  touch.now();
}
