/**
 * The archive beyond the page: its summary (`data/archive.json`), the list entries known so far by
 * position (list/entries.ts fetches more as the reader scrolls), and the articles the reader opens.
 * One store per app; components read it through `useArchive`, which re-renders them when something
 * new has arrived.
 */
import { createContext, startTransition, useContext, useEffect, useState } from 'react';
import { NOT_SAVED_HEADER } from '../core/offline-signals.ts';
import { articlePath } from '../core/routes.ts';
import { ARCHIVE_SUMMARY_URL, PAGE_DATA_ELEMENT_ID, type ArchiveSummary, type ArticleData, type ListEntry, type PageData } from '../core/site-data.ts';
import { completePageData } from './paragraphs.ts';

/** A data file of this page's build is gone: a newer build has replaced it, and the page reloads. */
export class StaleBuildError extends Error {}

/**
 * The network is down and this file was never fetched while it was up, so the service worker has
 * no copy (docs/decisions/0013-read-offline.md): the reader is told so, and nothing reloads.
 */
export class NotSavedOfflineError extends Error {}

export async function fetchJson<T>(url: string): Promise<T> {
  // The code that inflates a data file is not needed for the first paint: it arrives with the first file.
  // (A literal, not STORED_SUFFIX: importing core/data-paths.ts would pull all the paths into the first script.)
  const [response, inflate] = await Promise.all([fetch(url), url.endsWith('.gz') ? import('./inflate.ts') : null]);
  if (response.headers.has(NOT_SAVED_HEADER)) throw new NotSavedOfflineError(url);
  if (response.status === 404 && url !== ARCHIVE_SUMMARY_URL) throw new StaleBuildError(url);
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return (await (inflate === null ? response : await inflate.inflated(response)).json()) as T;
}

/** Why something could not be loaded, as the reader needs to hear it: offline, or anything else. */
export type Failure = 'offline' | 'failed';

/** Offline: the worker has no copy, or there is no network at all (a browser without the worker). */
export function failureOf(error: unknown): Failure {
  return error instanceof NotSavedOfflineError || (typeof navigator !== 'undefined' && !navigator.onLine) ? 'offline' : 'failed';
}

/** A Failure: the reader can try again; 'missing': no dispatch has this id. */
export type ArticleState = ArticleData | 'loading' | Failure | 'missing';

export class Archive {
  summary: ArchiveSummary | null = null;
  /** Why the summary could not be loaded, until it is. */
  failure: Failure | null = null;
  revision = 0;
  private readonly listeners = new Set<() => void>();
  private summaryRequest: Promise<ArchiveSummary> | null = null;
  private readonly entries = new Map<number, ListEntry>();
  private readonly positions = new Map<string, number>();
  readonly articles = new Map<string, ArticleState>();
  private readonly files = new Map<string, Promise<unknown>>();

  constructor(page: PageData) {
    if (page.article !== null) this.articles.set(page.article.entry.id, page.article);
    // The newest entries are at known positions; an article's window is placed once its position is known.
    if (!page.window.newer) this.place(page.window.entries, 0);
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  changed(): void {
    this.revision += 1;
    for (const listener of this.listeners) listener();
  }

  loadSummary(): Promise<ArchiveSummary> {
    this.summaryRequest ??= fetchJson<ArchiveSummary>(ARCHIVE_SUMMARY_URL).then(
      (summary) => {
        this.summary = summary;
        this.failure = null;
        this.changed();
        return summary;
      },
      (error: unknown) => {
        this.summaryRequest = null;
        this.failure = failureOf(error);
        this.changed();
        throw error;
      },
    );
    return this.summaryRequest;
  }

  /** A data file of the current build (`list/3.json.gz`, `search/t12.json.gz`…), fetched once. */
  async file<T>(path: string): Promise<T> {
    const { version } = await this.loadSummary();
    const url = `/data/${version}/${path}`;
    let request = this.files.get(url);
    if (request === undefined) {
      request = fetchJson<T>(url);
      request.catch(() => this.files.delete(url));
      this.files.set(url, request);
    }
    return request as Promise<T>;
  }

  entryAt(position: number): ListEntry | undefined {
    return this.entries.get(position);
  }

  knownPosition(id: string): number | undefined {
    return this.positions.get(id);
  }

  notePosition(id: string, position: number): void {
    this.positions.set(id, position);
    this.changed();
  }

  /** Entries now known to sit at positions from `first` on (see list/entries.ts, which fetches them). */
  place(list: readonly ListEntry[], first: number): void {
    list.forEach((entry, offset) => {
      this.entries.set(first + offset, entry);
      this.positions.set(entry.id, first + offset);
    });
    this.changed();
  }

  /** Opens an article: its own page carries it, so the page is fetched and its data read. Bound, to be passed as it is. */
  loadArticle = (id: string): void => {
    const state = this.articles.get(id);
    if (state !== undefined && state !== 'failed' && state !== 'offline') return;
    this.articles.set(id, 'loading');
    this.changed();
    fetch(articlePath(id))
      .then(async (response) => {
        if (response.headers.has(NOT_SAVED_HEADER)) throw new NotSavedOfflineError(articlePath(id));
        const page = new DOMParser().parseFromString(await response.text(), 'text/html');
        const json = page.getElementById(PAGE_DATA_ELEMENT_ID)?.textContent;
        const article = json === undefined || json === null ? null : completePageData(JSON.parse(json) as PageData, page).article;
        // A static host answers an unknown address with its not-found page, which holds no article.
        if (article !== null) this.articles.set(id, article);
        else this.articles.set(id, response.status === 404 ? 'missing' : 'failed');
      })
      .catch((error: unknown) => this.articles.set(id, failureOf(error)))
      .finally(() => this.changed());
  };
}

export const ArchiveContext = createContext<Archive | null>(null);

/**
 * The app's archive; the calling component re-renders whenever the archive learns something. Those
 * renders are transitions: what arrives from the network (a chunk of the list, the summary, an
 * article) is drawn in slices that yield to the reader's input, never in one long task that holds
 * back the next key press or paint. (A store hook would render them at once, blocking.)
 */
export function useArchive(): Archive {
  const archive = useContext(ArchiveContext);
  if (archive === null) throw new Error('useArchive outside ArchiveContext');
  const [, setRevision] = useState(archive.revision);
  useEffect(() => {
    const update = () => startTransition(() => setRevision(archive.revision));
    const unsubscribe = archive.subscribe(update);
    // Whatever arrived between this render and the subscription.
    update();
    return unsubscribe;
  }, [archive]);
  return archive;
}

/** The site was rebuilt since this page loaded and its data files moved: the page reloads to the new build. */
export function reloadIfStale(error: unknown): void {
  if (error instanceof StaleBuildError) window.location.reload();
}
