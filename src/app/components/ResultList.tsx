import { memo, useContext } from 'react';
import { hasAnyFilter, NO_FILTERS, type Filters } from '../../core/filters.ts';
import { findMatches } from '../../core/search.ts';
import type { ListEntry } from '../../core/site-data.ts';
import type { ListView } from '../../core/view.ts';
import { Link } from '../navigation.tsx';
import type { SetFilters } from './FilterPanel.tsx';
import { Highlight, HighlightContext } from './Highlight.tsx';

interface Props {
  view: ListView;
  total: number;
  filters: Filters;
  query: string;
  currentId: string | null;
  countryNames: Record<string, string>;
  bodies: Record<string, string> | null;
  setFilters: SetFilters;
}

/** Memoised: while the reader types, it re-renders only once the new results are ready. */
export const ResultList = memo(function ResultList({ view, total, filters, query, currentId, countryNames, bodies, setFilters }: Props) {
  const { results, hiddenUndated } = view;
  const filtered = hasAnyFilter(filters);
  const count = filtered ? `${results.length} of ${plural(total, 'dispatch')}` : plural(total, 'dispatch');
  return (
    <>
      <p role="status" className="result-count">{count}</p>
      {hiddenUndated > 0 && (
        <p className="notice">
          {plural(hiddenUndated, 'undated dispatch')} {hiddenUndated === 1 ? 'is' : 'are'} hidden by the date range.{' '}
          <button type="button" className="link-button" onClick={() => setFilters({ ...filters, undated: true })}>
            Show undated too
          </button>
        </p>
      )}
      {results.length === 0 ? (
        <div className="empty">
          <p>No dispatches match {describeFilters(filters, countryNames)}.</p>
          <button type="button" onClick={() => setFilters(NO_FILTERS)}>Clear all filters</button>
        </div>
      ) : (
        <ul aria-label="Dispatches" className="entries">
          {results.map((entry) => (
            <EntryItem key={entry.id} entry={entry} href={entry.path + query} current={entry.id === currentId} countryNames={countryNames} body={bodies?.[entry.id]} />
          ))}
        </ul>
      )}
    </>
  );
});

const EntryItem = memo(function EntryItem({ entry, href, current, countryNames, body }: { entry: ListEntry; href: string; current: boolean; countryNames: Record<string, string>; body: string | undefined }) {
  const meta = [entry.dateLabel, entry.dateline, entry.agency].filter(Boolean).join(' · ');
  return (
    <li className="entry" data-current={current || undefined} data-id={entry.id}>
      <Link href={href} className="entry-link" aria-current={current ? 'page' : undefined}>
        <span lang={entry.language}><Highlight text={entry.title} /></span>
      </Link>
      <p className="entry-meta">
        {meta}
        {!entry.language.startsWith('en') && <span className="badge">{entry.languageName}</span>}
      </p>
      <p className="entry-countries">{entry.countries.map((code) => countryNames[code] ?? code).join(', ')}</p>
      <Snippet summary={entry.snippet} body={body} lang={entry.language} />
    </li>
  );
});

/** The summary, or — when only the body matches the search — the passage around the first match. */
function Snippet({ summary, body, lang }: { summary: string; body: string | undefined; lang: string }) {
  const patterns = useContext(HighlightContext);
  let text = summary;
  if (patterns.length > 0 && body !== undefined && findMatches(summary, patterns).length === 0) {
    const first = findMatches(body, patterns)[0];
    if (first !== undefined) text = excerpt(body, first[0]);
  }
  return <p className="snippet" lang={lang}><Highlight text={text} /></p>;
}

function excerpt(text: string, at: number): string {
  const lineStart = text.lastIndexOf('\n', at) + 1;
  const start = Math.max(lineStart, text.lastIndexOf(' ', at - 60) + 1);
  const line = text.slice(start).split('\n')[0] ?? '';
  return (start > lineStart ? '…' : '') + line.trim();
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : noun.endsWith('h') ? 'es' : 's'}`;
}

/** “putin” in Russia or Ukraine, from 1 January 2026 */
function describeFilters(filters: Filters, names: Record<string, string>): string {
  const parts = [];
  if (filters.q.trim() !== '') parts.push(`“${filters.q.trim()}”`);
  if (filters.countries.length > 0) parts.push(`in ${filters.countries.map((code) => names[code] ?? code).join(' or ')}`);
  // Only ever shown for a URL with dates, which a static page never has: no hydration to match.
  const day = (date: string) => new Date(date).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  if (filters.from !== null) parts.push(`from ${day(filters.from)}`);
  if (filters.to !== null) parts.push(`until ${day(filters.to)}`);
  return parts.length > 0 ? parts.join(' ') : 'this view';
}
