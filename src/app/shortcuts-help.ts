/**
 * The keyboard shortcuts' help, made the first time it is asked for: a dialog whose checkbox shows
 * and changes whether the single-key shortcuts are on.
 */
import dialogsCss from './dialogs.css?url';
import { SHORTCUTS_KEY, shortcutsOn } from './shortcuts.ts';
import { loadStylesheet } from './stylesheets.ts';

const KEYS: Array<[key: string, does: string]> = [
  ['j', 'Open the next dispatch in the list'],
  ['k', 'Open the previous dispatch'],
  ['/', 'Search'],
  ['Esc', 'Leave the search box; on a phone, back to the list'],
  ['?', 'Show these shortcuts'],
];

function element<K extends keyof HTMLElementTagNameMap>(tag: K, properties: Partial<HTMLElementTagNameMap[K]> = {}, ...children: Array<Node | string>): HTMLElementTagNameMap[K] {
  const made = Object.assign(document.createElement(tag), properties);
  made.append(...children);
  return made;
}

function makeDialog(): HTMLDialogElement {
  const box = element('input', { type: 'checkbox', id: 'shortcuts-on' });
  box.addEventListener('change', () => {
    try {
      localStorage.setItem(SHORTCUTS_KEY, box.checked ? 'on' : 'off');
    } catch {
      // Without storage the choice lasts as long as the page.
    }
  });
  const dialog = element(
    'dialog',
    { id: 'shortcuts', className: 'shortcuts' },
    element('h2', { id: 'shortcuts-title' }, 'Keyboard shortcuts'),
    element('dl', {}, ...KEYS.map(([key, does]) => element('div', {}, element('dt', {}, element('kbd', {}, key)), element('dd', {}, does)))),
    element('label', { className: 'toggle' }, box, ' Use single-key shortcuts (j, k, /, ?)'),
    element('form', { method: 'dialog' }, element('button', {}, 'Close')),
  );
  dialog.setAttribute('aria-labelledby', 'shortcuts-title');
  document.body.append(dialog);
  return dialog;
}

/** Opens the help once its styles apply (fetched the first time, after this module: see tools.ts). */
export async function openShortcutsHelp(): Promise<void> {
  await loadStylesheet(dialogsCss);
  const found = document.getElementById('shortcuts');
  const dialog = found instanceof HTMLDialogElement ? found : makeDialog();
  // The choice may have changed in another tab since the dialog was last open.
  const box = dialog.querySelector<HTMLInputElement>('#shortcuts-on');
  if (box !== null) box.checked = shortcutsOn();
  dialog.showModal();
}
