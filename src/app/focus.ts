import { useEffect, useRef } from 'react';
import { ARTICLE_HEADING_ID } from './element-ids.ts';
import { cameByHistory } from './navigation.tsx';

/**
 * Opening another dispatch shows it from its top, with focus on its heading, so screen readers
 * start reading there (Back and Forward restore where the reader was instead). Closing it returns
 * focus to its entry in the list, where the reader left off.
 */
export function useFocusOnOpen(articleId: string | null, askedFor: string | null) {
  const previous = useRef<string | null | undefined>(undefined);
  // The dispatch the reader last asked for: a reader quick on the keys closes it (k, then Back)
  // before the pane has shown it, and its entry is the one to return to.
  const lastAsked = useRef<string | null>(null);
  useEffect(() => {
    if (askedFor !== null) lastAsked.current = askedFor;
  }, [askedFor]);
  useEffect(() => {
    const closed = previous.current;
    previous.current = articleId;
    if (closed === undefined) return; // The page just loaded: leave focus where the browser put it.
    if (articleId === null) {
      if (inField() || closed === null) return;
      return whenShown(`[data-id="${CSS.escape(lastAsked.current ?? closed)}"] a`, (link) => {
        // The list can show a few frames later, by when "/" may have put the reader in the search box.
        if (inField()) return;
        link.focus({ preventScroll: true });
        // Back through history restores the scroll position; otherwise at least show the entry.
        link.scrollIntoView({ block: 'nearest' });
      });
    }
    if (!cameByHistory()) window.scrollTo(0, 0);
    if (!inField()) document.getElementById(ARTICLE_HEADING_ID)?.focus({ preventScroll: true });
  }, [articleId]);
}

/** A reader who has already moved on to a field (pressed "/" right after "j") keeps it. */
function inField(): boolean {
  return document.activeElement?.closest('input, select, textarea') != null;
}

/**
 * Frames to wait for an element to be shown: about ten seconds, longer on a busy phone. On a slow
 * connection or a loaded phone the list's code can take more than two seconds to arrive, and a
 * reader coming back from an article must still find the focus on its entry.
 */
const SHOWN_WITHIN = 600;

/**
 * Calls `then` with the element `selector` finds once it is on the page and laid out. The list can
 * take a frame or more to show again after the article closes: on a phone it stays hidden while
 * code it needs is still arriving. Returns a cancel, for a reader who has moved on by then.
 */
function whenShown(selector: string, then: (element: HTMLElement) => void): () => void {
  let frame = 0;
  let request = 0;
  const look = () => {
    const element = document.querySelector<HTMLElement>(selector);
    if (element?.checkVisibility()) then(element);
    else if (++frame < SHOWN_WITHIN) request = requestAnimationFrame(look);
  };
  look();
  return () => cancelAnimationFrame(request);
}
