import { useState } from 'react';

export interface Choice {
  value: string;
  label: string;
  count: number;
}

/** How many choices show before the reader narrows them down by typing. */
const SHOWN_CHOICES = 12;

export default function FacetChoices({ legend, values, chosen, toggle }: { legend: string; values: readonly Choice[]; chosen: string[]; toggle: (value: string) => void }) {
  const [find, setFind] = useState('');
  const wanted = find.trim().toLowerCase();
  const matching = values.filter((choice) => chosen.includes(choice.value) || choice.label.toLowerCase().includes(wanted));
  const shown = matching.slice(0, SHOWN_CHOICES);
  return (
    <fieldset className="choices">
      <legend className="sr-only">{legend}</legend>
      {values.length > SHOWN_CHOICES && (
        <input type="search" className="find" aria-label={`Find a ${legend.toLowerCase()}`} placeholder={`Find a ${legend.toLowerCase()}…`} value={find} onChange={(event) => setFind(event.target.value)} />
      )}
      {shown.map((choice) => (
        <label key={choice.value} className="choice">
          <input type="checkbox" checked={chosen.includes(choice.value)} onChange={() => toggle(choice.value)} />
          <bdi>{choice.label}</bdi> <span className="count">{choice.count}</span>
        </label>
      ))}
      {matching.length > shown.length && <p className="more">{matching.length - shown.length} more: type to narrow down.</p>}
    </fieldset>
  );
}

