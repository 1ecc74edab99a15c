import { Fragment, memo } from 'react';
import { formatDate } from '../../core/date-format.ts';
import { articlePath } from '../../core/routes.ts';
import type { ListEntry, Names } from '../../core/site-data.ts';
import type { ArticleState } from '../archive.ts';
import { Highlight } from './Highlight.tsx';
import { Paragraphs } from './Paragraphs.tsx';
import type { ExtrasProps } from './ArticleExtras.tsx';
import { firstTouch } from '../first-move.ts';
import { onDemand } from '../on-demand.tsx';

import { ARTICLE_HEADING_ID } from '../element-ids.ts';

// What follows the article (its tools, related dispatches, the pager) hydrates at the reader's first
// move: it is links and buttons whose clicks document.ts handles, so it works as prerendered until then.
const Extras = onDemand<ExtrasProps>('ArticleExtras', () => firstTouch.then(() => import('./ArticleExtras.tsx')));

export interface ArticleProps {
  entry: ListEntry;
  article: ArticleState | undefined;
  names: Names;
  listHref: string;
  previous: ListEntry | undefined;
  next: ListEntry | undefined;
  query: string;
  /** Loads a dispatch again; stable, so that the memo holds. */
  retry: (id: string) => void;
}

/** Memoised: while the reader types in the search box, the open article does not re-render. */
export const ArticleView = memo(function ArticleView({ entry, article, names, listHref, previous, next, query, retry }: ArticleProps) {
  const dateLabel = entry.date === null ? 'Undated' : formatDate(entry.date);
  const meta = [entry.dateline, entry.agency, names.languages[entry.language], `${entry.readingMinutes} min read`];
  return (
    <article className="article" aria-labelledby={ARTICLE_HEADING_ID}>
      {/* data-back: goes Back to the list when the reader came from it (navigation.tsx). */}
      <a href={listHref} className="back" data-back="">← All dispatches</a>
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
        </>
      ) : article === 'failed' || article === 'offline' ? (
        <p className="notice" role="alert">
          {article === 'offline' ? 'You are offline, and this dispatch is not saved on this device.' : 'This dispatch could not be loaded.'}{' '}
          <button type="button" className="link-button" onClick={() => retry(entry.id)}>Try again</button>
        </p>
      ) : (
        <p className="loading" aria-busy="true">Loading the dispatch…</p>
      )}
      <Extras id={entry.id} article={typeof article === 'object' ? article : null} previous={previous} next={next} query={query} />
    </article>
  );
});

