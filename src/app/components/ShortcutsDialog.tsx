import { useEffect, useRef } from 'react';

interface Props {
  open: boolean;
  onClose: () => void;
  enabled: boolean;
  onToggle: (on: boolean) => void;
}

const KEYS: Array<[string, string]> = [
  ['j', 'Open the next dispatch in the list'],
  ['k', 'Open the previous dispatch'],
  ['/', 'Search'],
  ['Esc', 'Leave the search box; on a phone, back to the list'],
  ['?', 'Show these shortcuts'],
];

/** The native modal dialog: focus is trapped and Esc closes it without any code of ours. */
export function ShortcutsDialog({ open, onClose, enabled, onToggle }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);
  return (
    <dialog ref={dialog} aria-labelledby="shortcuts-title" onClose={onClose} className="shortcuts">
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      <dl>
        {KEYS.map(([key, action]) => (
          <div key={key}>
            <dt><kbd>{key}</kbd></dt>
            <dd>{action}</dd>
          </div>
        ))}
      </dl>
      <label className="toggle">
        <input type="checkbox" checked={enabled} onChange={(event) => onToggle(event.target.checked)} />
        Use single-key shortcuts (j, k, /, ?)
      </label>
      <form method="dialog">
        <button type="submit">Close</button>
      </form>
    </dialog>
  );
}
