import { Fragment, memo, useState, type MouseEvent } from 'react';
import { formatDate } from '../../core/dates.ts';
import { articlePath } from '../../core/routes.ts';
import type { ListEntry, Names } from '../../core/site-data.ts';
import type { ArticleState } from '../archive.ts';
import { Link } from '../navigation.tsx';
import { Highlight } from './Highlight.tsx';
import { Paragraphs } from './Paragraphs.tsx';

export const ARTICLE_HEADING_ID = 'article-title';

interface ArticleProps {
  entry: ListEntry;
  article: ArticleState | undefined;
  names: Names;
  listHref: string;
  previous: ListEntry | undefined;
  next: ListEntry | undefined;
  query: string;
  onBack: (listHref: string, event: MouseEvent<HTMLAnchorElement>) => void;
  retry: () => void;
}

/** Memoised: while the reader types in the search box, the open article does not re-render. */
export const ArticleView = memo(function ArticleView({ entry, article, names, listHref, previous, next, query, onBack, retry }: ArticleProps) {
  const dateLabel = entry.date === null ? 'Undated' : formatDate(entry.date);
  const meta = [entry.dateline, entry.agency, names.languages[entry.language], `${entry.readingMinutes} min read`];
  return (
    <article className="article" aria-labelledby={ARTICLE_HEADING_ID}>
      <Link href={listHref} className="back" onClick={(event) => onBack(listHref, event)}>← All dispatches</Link>
      <h1 id={ARTICLE_HEADING_ID} tabIndex={-1} lang={entry.language} dir="auto"><Highlight text={entry.title} /></h1>
      <p className="article-meta">
        {entry.date === null ? dateLabel : <time dateTime={entry.date}>{dateLabel}</time>}
        {/* Dateline and agency are the dispatch's own text: isolated, so a stray direction mark stays in its part. */}
        {meta.filter(Boolean).map((part, i) => <Fragment key={i}> · <bdi>{part}</bdi></Fragment>)}
      </p>
      <p className="article-countries">{entry.countries.map((code) => names.countries[code] ?? code).join(', ')}</p>
      {/* On paper the address bar is gone: the page says where it lives. */}
      <p className="print-only">{articlePath(entry.id)}</p>
      {typeof article === 'object' ? (
        <>
          <div className="article-body" lang={entry.language} dir="auto">
            {article.standfirst !== null && <p className="standfirst"><Highlight text={article.standfirst} /></p>}
            <Paragraphs paragraphs={article.paragraphs} />
            {article.images.length > 0 && (
              <section className="captions" aria-label="Photo captions">
                {article.images.map((image, i) => (
                  <figure key={i}>
                    <figcaption>
                      <Highlight text={image.caption} />
                      {image.credit !== null && <span className="credit" lang="en"> Photo: {image.credit}</span>}
                    </figcaption>
                  </figure>
                ))}
              </section>
            )}
          </div>
          <ArticleFooter sourceUrl={article.sourceUrl} />
          {article.related.length > 0 && (
            <section className="related" aria-labelledby="related-title">
              <h2 id="related-title">Related dispatches</h2>
              <ul>
                {article.related.map((link) => (
                  <li key={link.id}>
                    <Link href={articlePath(link.id) + query} dir="auto">{link.title}</Link>
                    <span className="reason">{link.reason}</span>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </>
      ) : article === 'failed' ? (
        <p className="notice" role="alert">
          This dispatch could not be loaded. <button type="button" className="link-button" onClick={retry}>Try again</button>
        </p>
      ) : (
        <p className="loading" aria-busy="true">Loading the dispatch…</p>
      )}
      <nav className="pager" aria-label="Previous and next dispatch">
        {previous && <Link href={articlePath(previous.id) + query} rel="prev">← <bdi>{previous.title}</bdi></Link>}
        {next && <Link href={articlePath(next.id) + query} rel="next"><bdi>{next.title}</bdi> →</Link>}
      </nav>
    </article>
  );
});

function ArticleFooter({ sourceUrl }: { sourceUrl: string | null }) {
  const [copied, setCopied] = useState<'' | 'done' | 'failed'>('');
  const copy = () => {
    // The clipboard API exists only on secure origins; elsewhere say where the link is.
    const written = navigator.clipboard?.writeText(window.location.href) ?? Promise.reject(new Error('no clipboard'));
    written.then(
      () => setCopied('done'),
      () => setCopied('failed'),
    );
  };
  return (
    <footer className="article-footer">
      {sourceUrl !== null && (
        <a href={sourceUrl} rel="noopener noreferrer external">Read the original at {new URL(sourceUrl).hostname}</a>
      )}
      <button type="button" onClick={copy}>Copy link</button>
      <span role="status" className="copy-status">
        {copied === 'done' ? 'Link copied.' : copied === 'failed' ? 'Could not copy: the link is in the address bar.' : ''}
      </span>
    </footer>
  );
}
