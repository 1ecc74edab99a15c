/**
 * The reader's tools, loaded the first time one is used: copy a link to a dispatch or to one of its
 * paragraphs, cite it (quoting what is selected), save it, mark it unread, and export the list as it
 * is filtered. The buttons are plain markup with `data-action` (main.tsx hands their clicks here), so
 * none of this code is in the page's first script.
 */
import { hasAnyFilter } from '../core/filters.ts';
import { articlePath } from '../core/routes.ts';
import type { ListEntry } from '../core/site-data.ts';
import { citation, CITATION_STYLES, type CitationStyle, type Cited } from './citations.ts';
import { onScreen } from './context.ts';
import { setMark, marked } from './marks.ts';
import { exportFile, EXPORT_FORMATS, type ExportFormat } from './export.ts';
import { loadEntry } from './list/entries.ts';

export async function runAction(button: HTMLElement): Promise<void> {
  const action = button.dataset.action;
  const entry = onScreen.entry;
  try {
    if (action === 'copy-link' && entry !== undefined) await copy(button, permalink(entry.id), 'Link copied.');
    else if (action === 'copy-paragraph' && entry !== undefined) await copy(button, permalink(entry.id, button.getAttribute('href') ?? ''), 'Link to the paragraph copied.');
    else if (action === 'save' && entry !== undefined) toggleSaved(button, entry);
    else if (action === 'unread' && entry !== undefined) {
      setMark('read', entry.id, false);
      say(button, 'Marked as unread.');
    } else if (action === 'cite' && entry !== undefined) openCiteDialog(entry, selectedQuote());
    else if (action === 'export') openExportDialog();
  } catch (error) {
    say(button, error instanceof Error ? error.message : 'That did not work.');
  }
}

/** The dispatch's own address, the same whatever filters the list has: what a citation should hold. */
function permalink(id: string, hash = ''): string {
  return `${location.origin}${articlePath(id)}${hash}`;
}

/** Tells the reader what happened, in the status line beside the tools. */
function say(near: HTMLElement, message: string): void {
  const status = near.closest('[data-tools]')?.querySelector('[role=status]') ?? document.getElementById('tool-status');
  if (status !== null && status !== undefined) status.textContent = message;
}

async function copy(near: HTMLElement, text: string, done: string): Promise<void> {
  // The clipboard exists only on secure origins; elsewhere say where the text is.
  if (navigator.clipboard === undefined) throw new Error(`Could not copy: ${text}`);
  await navigator.clipboard.writeText(text);
  say(near, done);
}

function toggleSaved(button: HTMLElement, entry: ListEntry): void {
  const saved = !marked('saved').has(entry.id);
  setMark('saved', entry.id, saved);
  // The button may still be the prerendered one, which React has not taken over yet.
  button.setAttribute('aria-pressed', String(saved));
  say(button, saved ? 'Saved in this browser: find it under “Saved”.' : 'No longer saved.');
}

interface Quote {
  text: string;
  /** "#p3": the paragraph the selection starts in. */
  paragraph: string | null;
}

/** The text selected in the article, if any, and the paragraph it starts in. */
function selectedQuote(): Quote | null {
  const selection = getSelection();
  const text = selection?.toString().replace(/\s+/g, ' ').trim() ?? '';
  const start = selection?.anchorNode ?? null;
  const element = start instanceof Element ? start : (start?.parentElement ?? null);
  if (text === '' || element?.closest('.article-body') == null) return null;
  const paragraph = element.closest('p[id^="p"]');
  return { text, paragraph: paragraph === null ? null : `#${paragraph.id}` };
}

function cited(entry: ListEntry, quote: Quote | null): Cited {
  return {
    title: entry.title,
    agency: entry.agency,
    dateline: entry.dateline,
    date: entry.date,
    url: permalink(entry.id, quote?.paragraph ?? ''),
    accessed: new Date().toISOString().slice(0, 10),
    quote: quote?.text ?? null,
  };
}

/** A modal dialog made once and reused: a heading, choices, the text, and its buttons. */
function dialog(id: string, title: string): { element: HTMLDialogElement; body: HTMLElement } {
  const found = document.getElementById(id);
  const element = found instanceof HTMLDialogElement ? found : Object.assign(document.createElement('dialog'), { id, className: 'tool-dialog' });
  if (found === null) {
    element.setAttribute('aria-labelledby', `${id}-title`);
    document.body.append(element);
  }
  const heading = Object.assign(document.createElement('h2'), { id: `${id}-title`, textContent: title });
  const body = document.createElement('div');
  const close = Object.assign(document.createElement('button'), { type: 'button', textContent: 'Close' });
  close.addEventListener('click', () => element.close());
  element.replaceChildren(heading, body, close);
  return { element, body };
}

/** Radio buttons for a set of choices; calls `chosen` with the value picked. */
function choices<T extends string>(legend: string, options: ReadonlyArray<[T, string]>, name: string, chosen: (value: T) => void): HTMLFieldSetElement {
  const fieldset = document.createElement('fieldset');
  fieldset.append(Object.assign(document.createElement('legend'), { textContent: legend }));
  options.forEach(([value, label], index) => {
    const input = Object.assign(document.createElement('input'), { type: 'radio', name, value, checked: index === 0 });
    input.addEventListener('change', () => chosen(value));
    const wrapper = document.createElement('label');
    wrapper.append(input, ` ${label}`);
    fieldset.append(wrapper);
  });
  return fieldset;
}

function openCiteDialog(entry: ListEntry, quote: Quote | null): void {
  const { element, body } = dialog('cite-dialog', quote === null ? 'Cite this dispatch' : 'Cite this passage');
  const text = Object.assign(document.createElement('textarea'), { readOnly: true, rows: 7 });
  text.setAttribute('aria-label', 'Citation');
  const status = Object.assign(document.createElement('p'), { className: 'tool-status' });
  status.setAttribute('role', 'status');
  let style: CitationStyle = 'plain';
  const show = () => (text.value = citation(cited(entry, quote), style));
  const copyButton = Object.assign(document.createElement('button'), { type: 'button', textContent: 'Copy citation' });
  copyButton.addEventListener('click', () => {
    navigator.clipboard?.writeText(text.value).then(
      () => (status.textContent = 'Citation copied.'),
      () => (status.textContent = 'Could not copy: select the text and copy it.'),
    );
  });
  body.append(choices('Style', CITATION_STYLES, 'citation-style', (value) => ((style = value), show())), text, copyButton, status);
  show();
  element.showModal();
}

/** Every entry of the list as it is filtered and ordered: all of its rows, fetched a chunk at a time. */
async function entriesInView(): Promise<ListEntry[]> {
  const { archive, view, filters } = onScreen;
  if (archive === null) return [];
  const summary = await archive.loadSummary();
  const whole = filters === null || !hasAnyFilter(filters);
  const count = view?.status === 'ready' ? view.count : whole ? summary.total : 0;
  const positionAt = view?.status === 'ready' ? view.positionAt : (row: number) => row;
  const entries: ListEntry[] = [];
  for (let row = 0; row < count; row += 1) {
    const entry = await loadEntry(archive, positionAt(row));
    if (entry !== undefined) entries.push(entry);
  }
  return entries;
}

function openExportDialog(): void {
  const { element, body } = dialog('export-dialog', 'Export the dispatches in view');
  let format: ExportFormat = 'csv';
  const status = Object.assign(document.createElement('p'), { className: 'tool-status' });
  status.setAttribute('role', 'status');
  const download = Object.assign(document.createElement('button'), { type: 'button', textContent: 'Download' });
  download.addEventListener('click', () => {
    status.textContent = 'Gathering the dispatches…';
    entriesInView().then(
      (entries) => {
        const file = exportFile(entries, format, { origin: location.origin, accessed: new Date().toISOString().slice(0, 10) });
        const link = Object.assign(document.createElement('a'), { href: URL.createObjectURL(new Blob([file.text], { type: file.type })), download: file.name });
        link.click();
        setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
        status.textContent = `${entries.length} dispatches exported as ${file.name}.`;
      },
      () => (status.textContent = 'Could not gather the dispatches: check the connection and try again.'),
    );
  });
  body.append(choices('Format', EXPORT_FORMATS, 'export-format', (value) => (format = value)), download, status);
  element.showModal();
}

