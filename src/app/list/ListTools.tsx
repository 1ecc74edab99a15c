/**
 * Beside the list's count: the view's feed, when it has one (the whole archive, one country or one
 * agency), announced to feed readers in the page's head too, and the export of what is in view.
 */
import { useEffect } from 'react';
import { createPortal } from 'react-dom';
import { hasAnyFilter, type Filters } from '../../core/filters.ts';
import { feedPath, type FeedView } from '../../core/feed-paths.ts';
import type { ArchiveSummary } from '../../core/site-data.ts';
import { useArchive } from '../archive.ts';
import { LIST_TOOLS_ID } from '../components/ListPane.tsx';

export function ListTools({ filters }: { filters: Filters }) {
  const { summary } = useArchive();
  const feed = summary === null ? null : feedOf(filters, summary);
  const href = feed === null ? null : feedPath(feed, 'atom');
  useEffect(() => {
    // Every page names the newest dispatches' feed in its head; a filtered view adds its own.
    if (href === null || feed?.kind === 'newest') return;
    const link = Object.assign(document.createElement('link'), { id: 'view-feed', rel: 'alternate', type: 'application/atom+xml', href, title: 'This view’s feed' });
    document.getElementById('view-feed')?.remove();
    document.head.append(link);
    return () => link.remove();
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

/**
 * The feed of the view, when it has one: the whole archive, one country or one agency. A country or
 * agency no dispatch has is left out of the view (list/query.ts says so), and so of its feed, which
 * the build never wrote.
 */
function feedOf(filters: Filters, summary: ArchiveSummary): FeedView | null {
  const countries = filters.countries.filter((code) => summary.countries.some(([known]) => known === code));
  const agencies = filters.agencies.filter((slug) => summary.agencies.some(([known]) => known === slug));
  if (hasAnyFilter({ ...filters, countries: [], agencies: [] }) || countries.length + agencies.length > 1) return null;
  if (countries[0] !== undefined) return { kind: 'country', code: countries[0] };
  const agency = summary.agencies.find(([slug]) => slug === agencies[0]);
  if (agency !== undefined) return { kind: 'agency', name: agency[1], slug: agency[0] };
  return { kind: 'newest' };
}
