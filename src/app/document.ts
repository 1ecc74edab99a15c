/**
 * Clicks the app handles for the whole document, prerendered parts included: links to its own views
 * (followed without reloading the page) and the reader's tools (buttons marked `data-action`, whose
 * code, tools.ts, loads at their first use).
 */
import dialogsCss from './dialogs.css?url';
import { followLinksInPlace } from './navigation.tsx';
import { loadStylesheet } from './stylesheets.ts';

export function listenToTheDocument(): void {
  // In the capture phase, as links are (navigation.tsx): React keeps a click on a part it has not
  // hydrated yet from bubbling.
  document.addEventListener(
    'click',
    (event) => {
      const target = event.target instanceof Element ? event.target.closest<HTMLElement>('[data-action]') : null;
      if (target !== null) void Promise.all([import('./tools.ts'), loadStylesheet(dialogsCss)]).then(([{ runAction }]) => runAction(target));
    },
    { capture: true },
  );
  followLinksInPlace();
}
