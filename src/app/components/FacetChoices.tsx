import { useState } from 'react';
import { afterNextPaint } from '../after-paint.ts';

export interface Choice {
  value: string;
  label: string;
  count: number;
}

/** How many choices show before the reader narrows them down by typing. */
const SHOWN_CHOICES = 12;

/**
 * A facet's choices. A click ticks the box at once and applies the choice a frame later: the filters'
 * URL, the history entry and the rest of the controls then render after the tick has painted, so the
 * reader sees the box respond without waiting for them.
 */
export default function FacetChoices({ legend, values, chosen, choose }: { legend: string; values: readonly Choice[]; chosen: string[]; choose: (value: string, on: boolean) => void }) {
  const [find, setFind] = useState('');
  // Ticks shown ahead of the URL, until their choice has been applied.
  const [ticked, setTicked] = useState<ReadonlyMap<string, boolean>>(new Map());
  const tick = (value: string, on: boolean) => {
    setTicked((before) => new Map(before).set(value, on));
    afterNextPaint(() => {
      choose(value, on);
      // A later click on the same box has its own tick to show until its own choice lands.
      setTicked((before) => (before.get(value) === on ? new Map([...before].filter(([key]) => key !== value)) : before));
    });
  };
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
          <input type="checkbox" checked={ticked.get(choice.value) ?? chosen.includes(choice.value)} onChange={(event) => tick(choice.value, event.target.checked)} />
          <bdi>{choice.label}</bdi> <span className="count">{choice.count}</span>
        </label>
      ))}
      {matching.length > shown.length && <p className="more">{matching.length - shown.length} more: type to narrow down.</p>}
    </fieldset>
  );
}

