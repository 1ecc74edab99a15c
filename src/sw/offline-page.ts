/**
 * The offline page as the worker serves it: the build's page (site/offline-files.ts) with the
 * address that could not be opened and the dispatches this device can show without a network.
 * Pure string work, so it runs in the worker and in unit tests alike.
 */
import { formatDate } from '../core/date-format.ts';
import { OFFLINE_PAGE_MARKERS } from '../core/offline.ts';
import { PAGE_DATA_ELEMENT_ID, type ListEntry, type PageData } from '../core/site-data.ts';

export interface KeptDispatch {
  path: string;
  entry: ListEntry;
  /** Kept by the reader's Save, rather than because it was opened. */
  saved: boolean;
}

/**
 * Every page carries its data as JSON in which "<" is always escaped (site/page-html.ts), so the
 * element's text runs to the first "<" without fail.
 */
const PAGE_DATA = new RegExp(`<script[^>]*\\bid="${PAGE_DATA_ELEMENT_ID}"[^>]*>([^<]*)</script>`);

/** The dispatch a cached page shows; null for a page without one (the list) or one that cannot be read. */
export function dispatchOfPage(html: string): ListEntry | null {
  const json = PAGE_DATA.exec(html)?.[1];
  if (json === undefined) return null;
  try {
    const data = JSON.parse(json) as Partial<PageData>;
    const entry = data.article?.entry;
    return entry !== undefined && typeof entry.title === 'string' && typeof entry.id === 'string' ? entry : null;
  } catch {
    return null;
  }
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** Saved ones first, then the most recently kept; one entry per dispatch. */
export function inReadingOrder(kept: readonly KeptDispatch[]): KeptDispatch[] {
  const byPath = new Map<string, KeptDispatch>();
  for (const dispatch of kept) {
    const known = byPath.get(dispatch.path);
    if (known === undefined || (dispatch.saved && !known.saved)) byPath.set(dispatch.path, dispatch);
  }
  const all = [...byPath.values()].reverse();
  return [...all.filter((dispatch) => dispatch.saved), ...all.filter((dispatch) => !dispatch.saved)];
}

function keptItem({ path, entry, saved }: KeptDispatch): string {
  const meta = [entry.date === null ? 'Undated' : formatDate(entry.date), entry.agency, saved ? 'Saved' : null].filter((part) => part !== null);
  return (
    `<li><a href="${escapeHtml(path)}" lang="${escapeHtml(entry.language)}" dir="auto">${escapeHtml(entry.title)}</a>` +
    `<span class="reason">${meta.map(escapeHtml).join(' · ')}</span></li>`
  );
}

/** `template` is the build's offline page; `address` what the reader asked for, as the address bar shows it. */
export function offlinePageHtml(template: string, address: string, kept: readonly KeptDispatch[]): string {
  const list =
    kept.length === 0
      ? '<p>Nothing is kept on this device yet. Dispatches you open while online are kept here, and so is every dispatch you save.</p>'
      : `<ul>${inReadingOrder(kept).map(keptItem).join('')}</ul>`;
  return template.replace(OFFLINE_PAGE_MARKERS.address, () => `<code>${escapeHtml(address)}</code>`).replace(OFFLINE_PAGE_MARKERS.kept, () => list);
}
