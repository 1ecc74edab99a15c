/**
 * Runs `task` just after the browser's next paint: a frame callback runs just before the paint, and a
 * timeout set there runs after it (App.tsx's useAfterPaint waits the same way).
 */
export function afterNextPaint(task: () => void): void {
  requestAnimationFrame(() => setTimeout(task));
}
