/**
 * Clicks the app handles for the whole document, prerendered parts included: links to its own views
 * (followed without reloading the page) and the reader's tools (buttons marked `data-action`, whose
 * code, tools.ts, loads at their first use).
 */
import { parseRoute } from '../core/routes.ts';
import { storedMarks } from './mark-storage.ts';
import { followLinksInPlace } from './navigation.tsx';

/** The tools' buttons, and the ¶ beside each paragraph, which copies its address (Paragraphs.tsx). */
const ACTIONS = '[data-action], a.pilcrow';

export function listenToTheDocument(): void {
  // In the capture phase, as links are (navigation.tsx): React keeps a click on a part it has not
  // hydrated yet from bubbling.
  document.addEventListener(
    'click',
    (event) => {
      const target = event.target instanceof Element ? event.target.closest<HTMLElement>(ACTIONS) : null;
      if (target !== null) void import('./tools.ts').then(({ runAction }) => runAction(target));
    },
    { capture: true },
  );
  followLinksInPlace();
  showSavedState();
}

/**
 * What follows an article takes over its prerendered HTML only at the reader's first touch
 * (ReadingPane.tsx), and that HTML cannot know what this browser saved. Until then the Save button
 * shows it from storage, so a saved dispatch looks saved as the page loads, and pressing the button
 * does what it shows (tools.ts toggles what is stored).
 */
function showSavedState(): void {
  const route = parseRoute(location.pathname);
  const button = document.querySelector('[data-action="save"]');
  if (route?.kind === 'article' && button !== null && storedMarks('saved').has(route.id)) button.setAttribute('aria-pressed', 'true');
}
