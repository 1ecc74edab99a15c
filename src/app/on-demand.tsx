/**
 * A part of a page that the prerender renders and the browser loads on demand.
 *
 * React keeps a lazy part's prerendered HTML on screen until its code arrives, but only while
 * nothing re-renders it: an update that reaches the part before then (the archive's summary
 * arriving, a key the reader types) makes React drop the HTML and show the fallback, which here is
 * nothing, so the part would blink out. Until its code is here the part therefore keeps the props
 * it was first rendered with; once it is, it takes the current ones in a transition, which leaves
 * the HTML in place until the part can take it over.
 */
import { lazy, memo, startTransition, Suspense, use, useEffect, useState, type ComponentType, type ReactNode } from 'react';
import { Prerendered, type PrerenderedComponents } from './prerendered.ts';

/** `name`: the part as the prerender provides it (server.tsx); `load`: the part's module. */
export function onDemand<Props extends object>(
  name: keyof PrerenderedComponents,
  load: () => Promise<{ default: ComponentType<Props> }>,
): (props: Props) => ReactNode {
  let loading: Promise<{ default: ComponentType<Props> }> | null = null;
  let loaded = false;
  const start = () =>
    (loading ??= load().then((module) => {
      loaded = true;
      return module;
    }));
  const Lazy = lazy(start);
  // `() => !loaded`: props count as unchanged, so no update reaches the boundary, until the code is here.
  const Waiting = memo(function Waiting(props: Props) {
    return (
      <Suspense fallback={null}>
        <Lazy {...props} />
      </Suspense>
    );
  }, () => !loaded);

  return function OnDemand(props: Props) {
    const Prerender = use(Prerendered)[name] as ComponentType<Props> | undefined;
    const [, setArrived] = useState(loaded);
    useEffect(() => {
      if (loaded || Prerender !== undefined) return;
      let live = true;
      void start().then(() => live && startTransition(() => setArrived(true)));
      return () => {
        live = false;
      };
    }, [Prerender]);
    if (Prerender === undefined) return <Waiting {...props} />;
    // The same boundary as in the browser, so the prerendered HTML hydrates into it.
    return (
      <Suspense fallback={null}>
        <Prerender {...props} />
      </Suspense>
    );
  };
}
