import { ARTICLE_HEADING_ID } from '../element-ids.ts';

/** `pathname` is null on the static 404 page, which cannot know the address it is served for. */
export default function NotFound({ pathname, listHref, isArticle }: { pathname: string | null; listHref: string; isArticle: boolean }) {
  return (
    <div className="not-found">
      <h1 id={ARTICLE_HEADING_ID} tabIndex={-1}>{isArticle ? 'Dispatch not found' : 'Page not found'}</h1>
      <p>
        {pathname === null ? 'Nothing here has this address.' : <>Nothing here has the address <code>{pathname}</code>.</>} It may
        have been mistyped, or the dispatch is not in this archive.
      </p>
      <p><a href={listHref}>Back to all dispatches</a></p>
    </div>
  );
}
