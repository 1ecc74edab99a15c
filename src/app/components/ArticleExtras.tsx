/**
 * What follows an article: its tools, related dispatches and the way to the previous and next one.
 * Loaded at the reader's first move (ReadingPane.tsx); until then the prerendered HTML works as it
 * is, since its buttons and links are handled by document.ts.
 */
import { articlePath } from '../../core/routes.ts';
import type { ArticleData, ListEntry } from '../../core/site-data.ts';
import { useEffect } from 'react';
import { markOpened, useMarked } from '../marks.ts';
import { useToolStatus } from '../tool-status.ts';

export interface ExtrasProps {
  id: string;
  /** Null while the article is loading: only the pager shows. */
  article: ArticleData | null;
  previous: ListEntry | undefined;
  next: ListEntry | undefined;
  query: string;
}

export default function ArticleExtras({ id, article, previous, next, query }: ExtrasProps) {
  // The reader has opened it: the list shows it as read.
  useEffect(() => markOpened(id), [id]);
  return (
    <>
      {article !== null && <ArticleTools id={id} sourceUrl={article.sourceUrl} />}
      {article !== null && article.related.length > 0 && (
        <section className="related" aria-labelledby="related-title">
          <h2 id="related-title">Related dispatches</h2>
          <ul>
            {article.related.map((link) => (
              <li key={link.id}>
                <a href={articlePath(link.id) + query} lang={link.language} dir="auto">{link.title}</a>
                <span className="reason">{link.reason}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <nav className="pager" aria-label="Previous and next dispatch">
        {previous && <a href={articlePath(previous.id) + query} rel="prev">← <bdi>{previous.title}</bdi></a>}
        {next && <a href={articlePath(next.id) + query} rel="next"><bdi>{next.title}</bdi> →</a>}
      </nav>
    </>
  );
}

/**
 * The article's tools. The buttons are plain markup: document.ts hands their clicks to tools.ts, which
 * loads the first time one is used, so none of their code is in the page's first script.
 */
function ArticleTools({ id, sourceUrl }: { id: string; sourceUrl: string | null }) {
  const saved = useMarked('saved', id);
  const status = useToolStatus(id);
  return (
    <footer className="article-footer" data-tools="">
      {sourceUrl !== null && (
        <a href={sourceUrl} rel="noopener noreferrer external">Read the original at {new URL(sourceUrl).hostname}</a>
      )}
      <div className="tools" role="group" aria-label="Tools">
        <button type="button" data-action="copy-link">Copy link</button>
        <button type="button" data-action="cite" aria-haspopup="dialog">Cite</button>
        <button type="button" data-action="save" aria-pressed={saved}>Save</button>
        <button type="button" data-action="unread">Mark unread</button>
      </div>
      <p role="status" className="tool-status">{status}</p>
    </footer>
  );
}
