/**
 * The reader's tools, loaded the first time one is used: copy a link to a dispatch or to one of its
 * paragraphs, cite it (quoting what is selected), save it, mark it unread, and export the list as it
 * is filtered. The buttons are plain markup with `data-action` (document.ts hands their clicks here), so
 * none of this code is in the page's first script.
 */
import { formatFilters, NO_FILTERS } from '../core/filters.ts';
import { articlePath } from '../core/routes.ts';
import type { ListEntry } from '../core/site-data.ts';
import { count } from '../core/text.ts';
import { citation, CITATION_STYLES, type CitationStyle, type Cited } from './citations.ts';
import { onScreen } from './context.ts';
import { exportFile, EXPORT_FORMATS, type ExportFormat } from './export.ts';
import { loadEntry } from './list/entries.ts';
import type { ReadyView } from './list/view.ts';
import { keepUnread, marked, setMark } from './marks.ts';
import { forgetOffline, keepForOffline } from './offline.ts';
import dialogsCss from './dialogs.css?url';
import { loadStylesheet } from './stylesheets.ts';
import { sayAbout } from './tool-status.ts';

/**
 * The dialogs' styles, fetched when a dialog first opens, which waits for them. They are asked for
 * here, once this module has arrived, rather than beside it by the page's first script: that costs
 * the first dialog one more trip to the server, and the first script the bytes of the loader.
 */
const dialogStyles = (): Promise<void> => loadStylesheet(dialogsCss);

export async function runAction(button: HTMLElement): Promise<void> {
  // The ¶ links carry no data-action: a page holds one per paragraph (Paragraphs.tsx).
  const action = button.classList.contains('pilcrow') ? 'copy-paragraph' : button.dataset.action;
  const entry = onScreen.entry;
  if (action === 'export') return dialogStyles().then(openExportDialog);
  if (entry === undefined) return;
  const say = (message: string) => sayAbout(entry.id, message);
  try {
    if (action === 'copy-link') await copy(permalink(entry.id), say, 'Link copied.');
    else if (action === 'copy-paragraph') {
      await copy(permalink(entry.id, button.getAttribute('href') ?? ''), say, 'Link to the paragraph copied.');
      showCopied(button);
    } else if (action === 'save') await toggleSaved(button, entry, say);
    else if (action === 'unread') {
      keepUnread(entry.id);
      say('Marked as unread.');
    } else if (action === 'cite') {
      // The selection is read before the wait: it is what the reader had selected when they asked.
      const quote = selectedQuote();
      await dialogStyles();
      openCiteDialog(entry, quote);
    }
  } catch (error) {
    say(error instanceof Error ? error.message : 'That did not work.');
  }
}

/** The dispatch's own address, the same whatever filters the list has: what a citation should hold. */
function permalink(id: string, hash = ''): string {
  return `${location.origin}${articlePath(id)}${hash}`;
}

/** The ¶ sits beside its paragraph, far from the status line: it says "copied" itself for a moment. */
function showCopied(pilcrow: HTMLElement): void {
  pilcrow.dataset.copied = '';
  setTimeout(() => delete pilcrow.dataset.copied, 2_000);
}

async function copy(text: string, say: (message: string) => void, done: string): Promise<void> {
  // The clipboard exists only on secure origins; elsewhere say where the text is.
  if (navigator.clipboard === undefined) throw new Error(`Could not copy: ${text}`);
  await navigator.clipboard.writeText(text);
  say(done);
}

/**
 * Saving marks the dispatch (the list's "Saved" filter) and keeps its page on this device, so it
 * reads offline (offline.ts); the message says which of the two happened.
 */
async function toggleSaved(button: HTMLElement, entry: ListEntry, say: (message: string) => void): Promise<void> {
  const saved = !marked('saved').has(entry.id);
  setMark('saved', entry.id, saved);
  // The button may still be the prerendered one, which React has not taken over yet.
  button.setAttribute('aria-pressed', String(saved));
  if (!saved) {
    await forgetOffline(articlePath(entry.id));
    say('No longer saved.');
  } else if (await keepForOffline(articlePath(entry.id))) {
    say('Saved on this device: find it under “Saved”, and read it offline.');
  } else {
    say('Saved in this browser: find it under “Saved”. It could not be kept for reading offline.');
  }
}

interface Quote {
  text: string;
  /** "#p3": the paragraph the selection starts in. */
  paragraph: string | null;
}

/**
 * The text selected in the article, if any, and the paragraph it starts in: where the passage begins
 * in reading order, whichever way the reader dragged. The paragraphs' own ¶ links are not its words.
 */
function selectedQuote(): Quote | null {
  const selection = getSelection();
  if (selection === null || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0).cloneRange();
  const start = range.startContainer;
  const element = start instanceof Element ? start : start.parentElement;
  const body = element?.closest('.article-body');
  if (element === null || body === null || body === undefined) return null;
  // A triple-click on the last paragraph reaches into what follows the article's text: not quoted.
  if (!body.contains(range.endContainer)) range.setEnd(body, body.childNodes.length);
  const words = range.cloneContents();
  for (const pilcrow of words.querySelectorAll('.pilcrow')) pilcrow.remove();
  // A paragraph break in the selection reads as a space in the quote.
  for (const paragraph of words.querySelectorAll('p')) paragraph.append(' ');
  const text = (words.textContent ?? '').replace(/\s+/g, ' ').trim();
  if (text === '') return null;
  const paragraph = firstParagraphOf(range, element);
  return { text, paragraph: paragraph === null ? null : `#${paragraph.id}` };
}

/** The paragraph a range starts in; a range that starts between paragraphs starts in the next one. */
function firstParagraphOf(range: Range, start: Element): Element | null {
  const inside = start.closest('p[id^="p"]');
  if (inside !== null) return inside;
  return [...start.querySelectorAll('p[id^="p"]')].find((paragraph) => range.intersectsNode(paragraph)) ?? null;
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

/** How long Export waits for the list to catch up with filters the reader has just changed. */
const VIEW_WAIT_MS = 10_000;

/** The list has not caught up with the filters yet: worth trying again, unlike a failed download. */
class ListNotReady extends Error {}

/**
 * The list as the filters now ask for it. Right after the reader changes a filter (or opens a link
 * with filters) the list still shows the view before, or none, while the new one is worked out:
 * exporting then would give the wrong rows, or none.
 */
async function viewOfTheFilters(): Promise<ReadyView> {
  const since = Date.now();
  for (;;) {
    const { view, filters } = onScreen;
    if (view?.status === 'ready' && view.key === formatFilters(filters ?? NO_FILTERS)) return view;
    if (view?.status === 'failed' || view?.status === 'offline') throw new Error(view.status);
    if (Date.now() - since > VIEW_WAIT_MS) throw new ListNotReady('The list is still being worked out: try again in a moment.');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Every entry of the list as it is filtered and ordered: all of its rows, fetched a chunk at a time. */
async function entriesInView(): Promise<ListEntry[]> {
  const view = await viewOfTheFilters();
  const { archive } = onScreen;
  if (archive === null) return [];
  const entries: ListEntry[] = [];
  for (let row = 0; row < view.count; row += 1) {
    const entry = await loadEntry(archive, view.positionAt(row));
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
        status.textContent = `${count(entries.length, 'dispatch')} exported as ${file.name}.`;
      },
      (error: unknown) => (status.textContent = error instanceof ListNotReady ? error.message : 'Could not gather the dispatches: check the connection and try again.'),
    );
  });
  body.append(choices('Format', EXPORT_FORMATS, 'export-format', (value) => (format = value)), download, status);
  element.showModal();
}

