/**
 * What the article's tools last said ("Link copied.", "Saved…"), shown in the status line beside them
 * (ArticleExtras.tsx). A store rather than text written into the page: the tools often answer before
 * that part of the page has been taken over from its prerendered HTML, and text React did not render
 * there would break the takeover.
 */
import { useSyncExternalStore } from 'react';

interface Said {
  /** The dispatch the message is about: another one opened shows none. */
  id: string;
  text: string;
}

const listeners = new Set<() => void>();
let said: Said = { id: '', text: '' };

export function sayAbout(id: string, text: string): void {
  said = { id, text };
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The tools' last message about this dispatch; empty while hydrating, as the prerendered page is. */
export function useToolStatus(id: string): string {
  const current = useSyncExternalStore(subscribe, () => said, () => undefined);
  return current?.id === id ? current.text : '';
}
