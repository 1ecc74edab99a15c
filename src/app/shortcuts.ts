/**
 * Single-key shortcuts. They stay out of the way: ignored while typing in a field, never on
 * Ctrl/Alt/Meta combinations (those belong to the browser), and they can be switched off
 * (WCAG 2.1.4), a choice remembered across visits. The help dialog is made on first use (shortcuts-help.ts).
 */
import { useEffect } from 'react';
import { parseRoute } from '../core/routes.ts';
import { SEARCH_INPUT_ID } from './components/FilterPanel.tsx';
import type { ShortcutKey } from './keys.ts';

export const SHORTCUTS_KEY = 'dispatch-reader:shortcuts';

/** Read at every key press, so a choice made in another tab applies at once. */
export function shortcutsOn(): boolean {
  try {
    return localStorage.getItem(SHORTCUTS_KEY) !== 'off';
  } catch {
    // Storage can be unavailable (private modes, quotas); then the keys stay on.
    return true;
  }
}

/** The help dialog's code, then its styles, load the first time it is asked for (shortcuts-help.ts). */
export function showShortcuts(): void {
  void import('./shortcuts-help.ts').then((help) => help.openShortcutsHelp());
}

const SHORTCUTS = ['j', 'k', '/', '?'];

/** Below this width one pane shows at a time; the CSS uses the same breakpoint. */
const NARROW = '(max-width: 47.99em)';

/** On a phone, with anything but the list at the address, the list is off screen or about to leave it. */
export function listHiddenOnPhone(): boolean {
  return window.matchMedia(NARROW).matches && parseRoute(location.pathname)?.kind !== 'list';
}

/** Fields that take typed text; a checkbox or a button keeps the shortcuts working. */
const TEXT_ENTRY = 'input:not([type=checkbox],[type=radio]),textarea,select,[contenteditable]';

/** Listens for the single-key shortcuts; what they do loads at the first one pressed (keys.ts). */
export function useShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
      const target = event.target instanceof Element ? event.target : null;
      if (target?.closest(TEXT_ENTRY)) {
        if (event.key === 'Escape' && target instanceof HTMLInputElement && target.type === 'search') {
          // Esc would also empty a search field; the reader only wants to leave it.
          event.preventDefault();
          target.blur();
        }
        return;
      }
      if (target?.closest('dialog')) return;
      const key = event.key;
      // Esc outside a field is the reader's even with the single-key shortcuts off.
      if (key !== 'Escape' && !(SHORTCUTS.includes(key) && shortcutsOn())) return;
      if (key !== 'Escape') event.preventDefault();
      const search = document.getElementById(SEARCH_INPUT_ID);
      if (key === '?') showShortcuts();
      // The search box takes focus at once when it is on screen, so that what is typed next lands in it;
      // but not when the address has already left the list on a phone (the screen follows a frame after
      // a tap), where the box is about to be hidden and keys.ts must bring the list back.
      else if (key === '/' && search?.checkVisibility() && !listHiddenOnPhone()) search.focus();
      else void import('./keys.ts').then((keys) => keys.press(key as ShortcutKey));
    };
    // In the capture phase: a key pressed while focus is on a part React has not taken over yet
    // (a row of the list, the moment after it was clicked) is stopped there by React, to be replayed
    // to React's own handlers only, and would never reach a listener further up.
    document.addEventListener('keydown', onKeyDown, { capture: true });
    return () => document.removeEventListener('keydown', onKeyDown, { capture: true });
  }, []);
}
