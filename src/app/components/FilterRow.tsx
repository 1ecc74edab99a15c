/**
 * The filters beyond the search box: dates, saved dispatches, order, and the facets (country, agency,
 * language), whose choices load when one is first opened. Prerendered, and taken over at the
 * reader's first move (FilterPanel.tsx): anything the reader changed before that is picked up then.
 */
import { lazy, memo, Suspense, useEffect, useRef, useState, type ChangeEvent } from 'react';
import { dateSpan, isRealDay } from '../../core/dates.ts';
import { type Filters, parseFilters, type SortOrder } from '../../core/filters.ts';
import type { FilterProps } from './FilterPanel.tsx';
import { loadStylesheet } from '../stylesheets.ts';
import choicesCss from '../choices.css?url';

// The choices' styles arrive with their code, so they never show unstyled.
const FacetChoices = lazy(() => Promise.all([import('./FacetChoices.tsx'), loadStylesheet(choicesCss)]).then(([module]) => module));

/**
 * The filters as the URL holds them when a control changes. The row does not render for each key
 * typed in the search box (see `sameBeyondSearch`), so its own `filters` may hold an old query; and a
 * facet's choice lands a frame after its click (FacetChoices.tsx), when a second choice may have
 * reached the URL meanwhile. Either way a change applies to the URL as it is then.
 */
function current(): Filters {
  return parseFilters(window.location.search).filters;
}

function FilterRow({ filters, summary, setFilters }: FilterProps) {
  // A facet's choices are made (and their code loaded) when the reader first opens it.
  const [opened, setOpened] = useState<string[]>([]);
  // The first date adds a history entry; changing it, digit by digit, replaces that entry.
  const setDate = (bound: 'from' | 'to') => (value: string | null) => {
    const now = current();
    setFilters({ ...now, [bound]: value }, now[bound] === null ? 'push' : 'replace');
  };
  const choose = (kind: 'countries' | 'agencies' | 'languages', value: string, on: boolean) => {
    const now = current();
    if (now[kind].includes(value) === on) return;
    setFilters({ ...now, [kind]: on ? [...now[kind], value] : now[kind].filter((v) => v !== value) });
  };
  const names = summary?.names;
  const facets = [
    { kind: 'countries', label: 'Country', values: summary?.countries.map(([code, count]) => ({ value: code, label: names?.countries[code] ?? code, count })) },
    { kind: 'agencies', label: 'Agency', values: summary?.agencies.map(([slug, name, count]) => ({ value: slug, label: name, count })) },
    { kind: 'languages', label: 'Language', values: summary?.languages.map(([code, count]) => ({ value: code, label: names?.languages[code] ?? code, count })) },
  ] as const;
  const form = useRef<HTMLDivElement>(null);
  // Taking over the prerendered controls: what the reader changed before that counts.
  useEffect(() => {
    // The form around the row holds the facets too.
    const controls = form.current?.parentElement;
    if (controls === null || controls === undefined) return;
    setOpened([...controls.querySelectorAll('details[open]')].map((details) => details.getAttribute('data-kind') ?? ''));
    const value = (name: string) => controls.querySelector<HTMLInputElement | HTMLSelectElement>(`[name=${name}]`);
    const typed = (name: 'from' | 'to') => {
      const date = value(name)?.value ?? '';
      return isRealDay(date) && date >= '1000' ? date : filters[name];
    };
    const saved = value('saved');
    const next = {
      ...filters,
      from: typed('from'),
      to: typed('to'),
      sort: (value('sort')?.value ?? filters.sort) as SortOrder,
      saved: saved instanceof HTMLInputElement ? saved.checked : filters.saved,
    };
    if (next.from !== filters.from || next.to !== filters.to || next.sort !== filters.sort || next.saved !== filters.saved) setFilters(next);
    // Only once: from then on React keeps the controls in step.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return (
    <>
      <div className="filter-row" ref={form}>
        <fieldset className="dates">
          <legend className="sr-only">Date</legend>
          <DateField label="From" name="from" value={filters.from === null ? '' : dateSpan(filters.from).first} onDate={setDate('from')} />
          <DateField label="To" name="to" value={filters.to === null ? '' : dateSpan(filters.to).last} onDate={setDate('to')} />
        </fieldset>
        <label className="saved">
          <input type="checkbox" name="saved" checked={filters.saved} onChange={(event) => setFilters({ ...current(), saved: event.target.checked })} /> Saved
        </label>
        <label className="sort">
          <span className="sr-only">Order</span>
          <select name="sort" value={filters.sort} onChange={(event) => setFilters({ ...current(), sort: event.target.value as SortOrder })}>
            <option value="newest">Newest first</option>
            <option value="oldest">Oldest first</option>
            <option value="relevance">Best match first</option>
          </select>
        </label>
      </div>
      <div className="facets">
        {facets.map(({ kind, label, values }) => (
          <details key={kind} className="facet" data-kind={kind} onToggle={(event) => event.currentTarget.open && setOpened((list) => [...list, kind])}>
            <summary>
              {label}
              {filters[kind].length > 0 && <span className="chosen"> · {filters[kind].length}</span>}
            </summary>
            {opened.includes(kind) && (
              <Suspense fallback={<p className="loading">Loading…</p>}>
                {values === undefined ? <p className="loading">Loading…</p> : <FacetChoices legend={label} values={values} chosen={filters[kind]} choose={(value, on) => choose(kind, value, on)} />}
              </Suspense>
            )}
          </details>
        ))}
      </div>
    </>
  );
}

/**
 * Typing in the search box changes only the query, which the row does not show: re-rendering it for
 * each key would re-apply every field's attributes (React sets an input's name and type on each
 * update), restyle them, and delay the key's paint on a slow phone.
 */
function sameBeyondSearch(before: FilterProps, after: FilterProps): boolean {
  const same = (x: unknown, y: unknown): boolean =>
    Array.isArray(x) && Array.isArray(y) ? x.length === y.length && x.every((value, index) => value === y[index]) : x === y;
  const fields = Object.keys(after.filters) as Array<keyof Filters>;
  return before.summary === after.summary && before.setFilters === after.setFilters && fields.every((field) => field === 'q' || same(before.filters[field], after.filters[field]));
}

export default memo(FilterRow, sameBeyondSearch);

/**
 * A date field that lets the reader type. While a year is typed, the browser reports "0002-10-24",
 * "0020-10-24"…, and an empty value while a part is incomplete; setting the field's value then would
 * wipe what was typed. So the field is left to the browser, only a whole date (or a field really
 * emptied) reaches the URL, and the field is set only when the date changes from outside.
 */
function DateField({ label, name, value, onDate }: { label: string; name: string; value: string; onDate: (value: string | null) => void }) {
  const field = useRef<HTMLInputElement>(null);
  const reported = useRef(value);
  useEffect(() => {
    if (field.current !== null && value !== reported.current) field.current.value = value;
    reported.current = value;
  }, [value]);
  const change = (event: ChangeEvent<HTMLInputElement>) => {
    const { value: next, validity } = event.target;
    if (next === '' ? validity.badInput : !(isRealDay(next) && next >= '1000')) return;
    reported.current = next;
    onDate(next === '' ? null : next);
  };
  return (
    <label>
      {/* No default when empty: taking over the prerendered field would set an empty one, and the
          browser then resets the field, wiping a date the reader began to type before the code arrived. */}
      {label} <input ref={field} type="date" name={name} defaultValue={value === '' ? undefined : value} onChange={change} />
    </label>
  );
}

