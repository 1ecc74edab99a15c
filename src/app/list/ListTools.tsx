/**
 * Beside the list's count: the view's feed, when it has one (the whole archive, one country or one
 * agency), announced to feed readers in the page's head too, and the export of what is in view.
 */
import { useEffect } from 'react';
import { createPortal } from 'react-dom';
import { hasAnyFilter, type Filters } from '../../core/filters.ts';
import { feedPath, type FeedView } from '../../core/routes.ts';
import { LIST_TOOLS_ID } from '../components/ListPane.tsx';

export function ListTools({ filters }: { filters: Filters }) {
  const feed = feedOf(filters);
  const href = feed === null ? null : feedPath(feed, 'atom');
  useEffect(() => {
    // Every page names the newest dispatches' feed in its head; a filtered view adds its own.
    document.getElementById('view-feed')?.remove();
    if (href === null || feed?.kind === 'newest') return;
    document.head.append(Object.assign(document.createElement('link'), { id: 'view-feed', rel: 'alternate', type: 'application/atom+xml', href, title: 'This view’s feed' }));
  }, [href, feed?.kind]);
  const place = document.getElementById(LIST_TOOLS_ID);
  if (place === null) return null;
  return createPortal(
    <>
      {href !== null && (
        <a className="feed-link" href={href} type="application/atom+xml">Feed</a>
      )}
      <button type="button" className="link-button" data-action="export" aria-haspopup="dialog">Export</button>
    </>,
    place,
  );
}

/** The feed of the view, when it has one: the whole archive, one country or one agency. */
function feedOf(filters: Filters): FeedView | null {
  const { countries, agencies } = filters;
  if (hasAnyFilter({ ...filters, countries: [], agencies: [] }) || countries.length + agencies.length > 1) return null;
  if (countries[0] !== undefined) return { kind: 'country', code: countries[0] };
  if (agencies[0] !== undefined) return { kind: 'agency', name: agencies[0], slug: agencies[0] };
  return { kind: 'newest' };
}
