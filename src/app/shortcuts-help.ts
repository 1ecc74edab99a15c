/**
 * The keyboard shortcuts' help: a dialog in the page's static HTML (index.html), whose checkbox shows
 * and changes whether the single-key shortcuts are on.
 */
import { SHORTCUTS_KEY } from './shortcuts.ts';

export function openShortcutsHelp(): void {
  const box = document.getElementById('shortcuts-on');
  if (box instanceof HTMLInputElement) {
    try {
      box.checked = localStorage.getItem(SHORTCUTS_KEY) !== 'off';
    } catch {
      box.checked = true;
    }
    box.onchange = () => {
      try {
        localStorage.setItem(SHORTCUTS_KEY, box.checked ? 'on' : 'off');
      } catch {
        // Without storage the choice lasts as long as the page.
      }
    };
  }
  (document.getElementById('shortcuts') as HTMLDialogElement | null)?.showModal();
}
