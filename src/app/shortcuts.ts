/**
 * Single-key shortcuts. They stay out of the way: ignored while typing in a field, never on
 * Ctrl/Alt/Meta combinations (those belong to the browser), and they can be switched off
 * (WCAG 2.1.4), a choice remembered across visits.
 */
import { useEffect, useRef, useSyncExternalStore } from 'react';

export interface ShortcutActions {
  next: () => void;
  previous: () => void;
  focusSearch: () => void;
  showHelp: () => void;
  /** Esc outside a field. */
  close: () => void;
}

const STORAGE_KEY = 'dispatch-reader:shortcuts';
const preferenceListeners = new Set<() => void>();

function subscribeToPreference(listener: () => void): () => void {
  preferenceListeners.add(listener);
  window.addEventListener('storage', listener);
  return () => {
    preferenceListeners.delete(listener);
    window.removeEventListener('storage', listener);
  };
}

function storedPreference(): boolean {
  try {
    return window.localStorage.getItem(STORAGE_KEY) !== 'off';
  } catch {
    return true;
  }
}

/** Stores the reader's choice and tells every subscriber. */
function choosePreference(on: boolean): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, on ? 'on' : 'off');
  } catch {
    // Storage can be unavailable (private modes, quotas); then the choice cannot be kept.
  }
  for (const listener of preferenceListeners) listener();
}

/** On by default; the stored choice applies right after hydration, so the first render matches the HTML. */
export function useShortcutPreference(): [boolean, (on: boolean) => void] {
  return [useSyncExternalStore(subscribeToPreference, storedPreference, () => true), choosePreference];
}

/**
 * The help dialog lives in the page's static HTML (index.html). Returns a function that opens it;
 * its checkbox shows and changes whether single-key shortcuts are on.
 */
export function useShortcutsDialog(enabled: boolean, choose: (on: boolean) => void): () => void {
  useEffect(() => {
    const box = document.getElementById('shortcuts-on');
    if (!(box instanceof HTMLInputElement)) return;
    box.checked = enabled;
    box.onchange = () => choose(box.checked);
  }, [enabled, choose]);
  return () => (document.getElementById('shortcuts') as HTMLDialogElement | null)?.showModal();
}

/** Fields that take typed text; a checkbox or a button keeps the shortcuts working. */
const TEXT_ENTRY = 'input:not([type=checkbox],[type=radio]),textarea,select,[contenteditable]';

export function useShortcuts(actions: ShortcutActions, enabled: boolean): void {
  // The listener stays put; it reads the latest actions, which change with every render.
  const latest = useRef(actions);
  useEffect(() => {
    latest.current = actions;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
      const target = event.target instanceof Element ? event.target : null;
      const act = latest.current;
      if (target?.closest(TEXT_ENTRY)) {
        if (event.key === 'Escape' && target instanceof HTMLInputElement && target.type === 'search') {
          // Esc would also empty a search field; the reader only wants to leave it.
          event.preventDefault();
          target.blur();
        }
        return;
      }
      if (target?.closest('dialog')) return;
      if (event.key === 'Escape') return act.close();
      if (!enabled) return;
      const action = { j: act.next, k: act.previous, '/': act.focusSearch, '?': act.showHelp }[event.key];
      if (action) {
        event.preventDefault();
        action();
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [enabled]);
}
