/**
 * Single-key shortcuts. They stay out of the way: ignored while typing in a field, never on
 * Ctrl/Alt/Meta combinations (those belong to the browser), and they can be switched off
 * (WCAG 2.1.4), a choice remembered across visits. The help dialog is static HTML (index.html).
 */
import { useEffect, useRef } from 'react';

export interface ShortcutActions {
  next: () => void;
  previous: () => void;
  focusSearch: () => void;
  /** Esc outside a field. */
  close: () => void;
}

export const SHORTCUTS_KEY = 'dispatch-reader:shortcuts';

/** Read at every key press, so a choice made in another tab applies at once. */
function shortcutsOn(): boolean {
  try {
    return localStorage.getItem(SHORTCUTS_KEY) !== 'off';
  } catch {
    // Storage can be unavailable (private modes, quotas); then the keys stay on.
    return true;
  }
}

/** The help dialog's code loads the first time it is asked for. */
export function showShortcuts(): void {
  void import('./shortcuts-help.ts').then((help) => help.openShortcutsHelp());
}

/** Fields that take typed text; a checkbox or a button keeps the shortcuts working. */
const TEXT_ENTRY = 'input:not([type=checkbox],[type=radio]),textarea,select,[contenteditable]';

export function useShortcuts(actions: ShortcutActions): void {
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
      const action = { j: act.next, k: act.previous, '/': act.focusSearch, '?': showShortcuts }[event.key];
      if (action && shortcutsOn()) {
        event.preventDefault();
        action();
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
}
