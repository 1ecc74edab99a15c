/**
 * Article bodies and search texts arrive on demand; the list arrives with the page.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { articleDataUrl, searchTextsUrl } from '../core/routes.ts';
import type { ArticleData, SearchTexts } from '../core/site-data.ts';

/** The file's data, or null when the file is gone (404); any other failure rejects. */
async function fetchJson<T>(url: string): Promise<T | null> {
  const response = await fetch(url);
  if (response.status === 404) return null;
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return (await response.json()) as T;
}

/** 'stale': the data file is gone because a newer build replaced this one; the page must reload. */
export type ArticleState = ArticleData | 'loading' | 'failed' | 'stale';

/** Runs `task` when the browser has nothing better to do; returns a cancel function. */
export function whenIdle(task: () => void): () => void {
  if (typeof window.requestIdleCallback === 'function') {
    const handle = window.requestIdleCallback(task, { timeout: 3000 });
    return () => window.cancelIdleCallback(handle);
  }
  const handle = window.setTimeout(task, 1000);
  return () => window.clearTimeout(handle);
}

/** Articles by id: the one inlined into the page, then whatever the reader opens or is likely to open. */
export function useArticles(version: string, initial: ArticleData | null) {
  const [articles, setArticles] = useState<Record<string, ArticleState>>(() => (initial ? { [initial.id]: initial } : {}));

  // Ids already asked for, so re-renders and prefetching never fetch the same file twice.
  const requested = useRef(new Set(initial ? [initial.id] : []));

  const load = useCallback(
    (id: string) => {
      if (requested.current.has(id)) return;
      requested.current.add(id);
      setArticles((known) => ({ ...known, [id]: 'loading' }));
      fetchJson<ArticleData>(articleDataUrl(version, id)).then(
        // Gone: a newer build has replaced this build's data files.
        (article) => setArticles((known) => ({ ...known, [id]: article ?? 'stale' })),
        () => {
          requested.current.delete(id);
          setArticles((known) => ({ ...known, [id]: 'failed' }));
        },
      );
    },
    [version],
  );

  return { articles, load };
}

/** Body texts for search, fetched once: when the reader searches, or when the browser is idle. */
export function useSearchTexts(version: string, needed: boolean): SearchTexts | null {
  const [texts, setTexts] = useState<SearchTexts | null>(null);
  const [wanted, setWanted] = useState(false);

  useEffect(() => whenIdle(() => setWanted(true)), []);

  useEffect(() => {
    if (!(needed || wanted) || texts !== null) return;
    let live = true;
    fetchJson<SearchTexts>(searchTextsUrl(version)).then(
      (loaded) => live && setTexts(loaded),
      // Without body texts, search still covers titles, summaries and countries.
      () => {},
    );
    return () => {
      live = false;
    };
  }, [needed, wanted, texts, version]);

  return texts;
}
