import { useEffect, useRef } from 'react';
import { ARTICLE_HEADING_ID } from './element-ids.ts';
import { cameByHistory } from './navigation.tsx';

/**
 * Opening another dispatch shows it from its top, with focus on its heading, so screen readers
 * start reading there (Back and Forward restore where the reader was instead). Closing it returns
 * focus to its entry in the list, where the reader left off.
 */
export function useFocusOnOpen(articleId: string | null) {
  const previous = useRef<string | null | undefined>(undefined);
  useEffect(() => {
    const closed = previous.current;
    previous.current = articleId;
    if (closed === undefined) return; // The page just loaded: leave focus where the browser put it.
    // A reader who has already moved on to a field (pressed "/" right after "j") keeps it.
    const inField = document.activeElement?.closest('input, select, textarea') != null;
    if (articleId === null) {
      if (inField) return;
      const link = closed === null ? null : document.querySelector<HTMLElement>(`[data-id="${CSS.escape(closed)}"] a`);
      link?.focus({ preventScroll: true });
      // Back through history restores the scroll position; otherwise at least show the entry.
      link?.scrollIntoView({ block: 'nearest' });
      return;
    }
    if (!cameByHistory()) window.scrollTo(0, 0);
    if (!inField) document.getElementById(ARTICLE_HEADING_ID)?.focus({ preventScroll: true });
  }, [articleId]);
}
