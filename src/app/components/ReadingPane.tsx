import { memo, useState, type MouseEvent } from 'react';
import type { ListEntry } from '../../core/site-data.ts';
import type { ArticleState } from '../data.ts';
import { Link } from '../navigation.tsx';
import { Paragraphs } from './Paragraphs.tsx';
import { Highlight } from './Highlight.tsx';

export const ARTICLE_HEADING_ID = 'article-title';

interface ArticleProps {
  entry: ListEntry;
  article: ArticleState | undefined;
  countryNames: Record<string, string>;
  listHref: string;
  previous: ListEntry | undefined;
  next: ListEntry | undefined;
  query: string;
  onBack: (listHref: string, event: MouseEvent<HTMLAnchorElement>) => void;
  load: (id: string) => void;
}

/** Memoised: while the reader types in the search box, the open article does not re-render. */
export const ArticleView = memo(function ArticleView({ entry, article, countryNames, listHref, previous, next, query, onBack, load }: ArticleProps) {
  const meta = [entry.dateline, entry.agency, entry.languageName, `${entry.readingMinutes} min read`];
  return (
    <article className="article" aria-labelledby={ARTICLE_HEADING_ID}>
      <Link href={listHref} className="back" onClick={(event) => onBack(listHref, event)}>← All dispatches</Link>
      <h1 id={ARTICLE_HEADING_ID} tabIndex={-1} lang={entry.language}><Highlight text={entry.title} /></h1>
      <p className="article-meta">
        {entry.date === null ? entry.dateLabel : <time dateTime={entry.date}>{entry.dateLabel}</time>}
        {meta.filter(Boolean).map((part) => ` · ${part}`)}
      </p>
      <p className="article-countries">{entry.countries.map((code) => countryNames[code] ?? code).join(', ')}</p>
      {typeof article === 'object' ? (
        <>
          <div className="article-body" lang={entry.language}>
            {article.showSummary && <p className="standfirst"><Highlight text={entry.summary} /></p>}
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
        </>
      ) : article === 'failed' ? (
        <p className="notice" role="alert">
          This dispatch could not be loaded. <button type="button" className="link-button" onClick={() => load(entry.id)}>Try again</button>
        </p>
      ) : (
        <p className="loading" aria-busy="true">Loading the dispatch…</p>
      )}
      <nav className="pager" aria-label="Previous and next dispatch">
        {previous && <Link href={previous.path + query} rel="prev">← <span>{previous.title}</span></Link>}
        {next && <Link href={next.path + query} rel="next"><span>{next.title}</span> →</Link>}
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

/** `pathname` is null on the static 404 page, which cannot know the address it is served for. */
export function NotFound({ pathname, listHref, isArticle }: { pathname: string | null; listHref: string; isArticle: boolean }) {
  return (
    <div className="not-found">
      <h1 id={ARTICLE_HEADING_ID} tabIndex={-1}>{isArticle ? 'Dispatch not found' : 'Page not found'}</h1>
      <p>
        {pathname === null ? 'Nothing here has this address.' : <>Nothing here has the address <code>{pathname}</code>.</>} It may
        have been mistyped, or the dispatch is not in this archive.
      </p>
      <p><Link href={listHref}>Back to all dispatches</Link></p>
    </div>
  );
}

export function Welcome({ total }: { total: number }) {
  return (
    <div className="welcome">
      <h1 id={ARTICLE_HEADING_ID} tabIndex={-1}>Dispatches on Việt Nam's foreign relations</h1>
      <p>{total} dispatches from press agencies. Choose one from the list to read it here.</p>
      <p className="hint">Tip: press <kbd>/</kbd> to search, <kbd>j</kbd> and <kbd>k</kbd> to move through the list, <kbd>?</kbd> for all shortcuts.</p>
    </div>
  );
}
