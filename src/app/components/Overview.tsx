/**
 * The landing view: the archive at a glance, computed at build time. A timeline of dispatches per
 * month (each bar a link to that month), the countries dispatches are most often about, and how to
 * move around. Bars are plain elements sized by CSS: no chart library.
 */
import { memo } from 'react';
import { formatDate } from '../../core/date-format.ts';
import { formatFilters, NO_FILTERS } from '../../core/filters.ts';
import { LIST_PATH } from '../../core/routes.ts';
import { count } from '../../core/text.ts';
import type { Names, Overview as OverviewData, Period } from '../../core/site-data.ts';
import { ARTICLE_HEADING_ID } from '../element-ids.ts';

// A memo: the timeline holds a link per month of the archive, too many to render again at every click elsewhere.
export default memo(function Overview({ overview, names }: { overview: OverviewData; names: Names }) {
  const months = overview.periods.filter((period) => period.key.length === 7);
  const most = Math.max(1, ...months.map((period) => period.count));
  const years = groupByYear(months);
  return (
    <div className="welcome overview">
      <h1 id={ARTICLE_HEADING_ID} tabIndex={-1}>Dispatches on Việt Nam's foreign relations</h1>
      <p>{count(overview.total, 'dispatch')} from press agencies. Choose one from the list to read it here.</p>
      {years.length > 0 && (
        <section aria-labelledby="timeline-title">
          <h2 id="timeline-title">Dispatches per month</h2>
          <div className="timeline">
            {years.map(([year, list]) => (
              <div key={year} className="year">
                <span className="year-label">{year}</span>
                <ol>
                  {list.map((period) => (
                    <li key={period.key} style={{ gridColumn: Number(period.key.slice(5, 7)) }}>
                      <a
                        href={LIST_PATH + formatFilters({ ...NO_FILTERS, from: period.key, to: period.key })}
                        aria-label={`${formatDate(period.key)}: ${count(period.count, 'dispatch')}`}
                        title={`${formatDate(period.key)}: ${count(period.count, 'dispatch')}`}
                        style={{ height: `${Math.max(8, (period.count / most) * 100)}%` }}
                      />
                    </li>
                  ))}
                </ol>
              </div>
            ))}
          </div>
        </section>
      )}
      {overview.counterparts.length > 0 && (
        <section aria-labelledby="counterparts-title">
          <h2 id="counterparts-title">Most often about</h2>
          <ul className="counterparts">
            {overview.counterparts.map(([code, total]) => (
              <li key={code}>
                <a href={LIST_PATH + formatFilters({ ...NO_FILTERS, countries: [code] })}>{names.countries[code] ?? code}</a>{' '}
                <span className="count">{total}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <p className="hint">Tip: press <kbd>/</kbd> to search, <kbd>j</kbd> and <kbd>k</kbd> to move through the list, <kbd>?</kbd> for all shortcuts.</p>
    </div>
  );
});

/** Newest year first; months within a year oldest first, as a timeline reads. */
function groupByYear(months: readonly Period[]): Array<[string, Period[]]> {
  const years = new Map<string, Period[]>();
  for (const period of months) {
    const year = period.key.slice(0, 4);
    years.set(year, [period, ...(years.get(year) ?? [])]);
  }
  return [...years];
}
