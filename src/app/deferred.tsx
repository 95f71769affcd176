import { startTransition, useEffect, useState, type ComponentType, type ReactNode } from 'react';

/** A component whose code is fetched apart from the first load, and the way to fetch it early. */
export interface Deferred<P extends object> {
  /** Renders the component, or `fallback` until its code is here (then at once, with no flash). */
  readonly View: ComponentType<P & { readonly fallback: ReactNode }>;
  /** Starts fetching the code (once); resolves when it can render. */
  readonly preload: () => Promise<void>;
  readonly isLoaded: () => boolean;
}

/**
 * Like React.lazy, but once the code has arrived (preloaded on idle, or mounted before) a new mount
 * renders it in the same pass instead of suspending for a tick, so a figure asked for by the tour or
 * a phone view is on the page when the next line measures it. A failed fetch (offline before the
 * first visit was cached) leaves the fallback and is tried again on the next mount.
 */
export function deferred<P extends object>(load: () => Promise<ComponentType<P>>): Deferred<P> {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<ComponentType<P>> | null = null;
  const fetchOnce = (): Promise<ComponentType<P>> => {
    pending ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        pending = null;
        throw error;
      },
    );
    return pending;
  };

  function View({ fallback, ...props }: P & { readonly fallback: ReactNode }) {
    // The setter stores a component, so it is wrapped: a bare function would be called as an updater.
    const [component, setComponent] = useState<{ readonly current: ComponentType<P> | null }>(() => ({
      current: loaded,
    }));
    useEffect(() => {
      if (component.current) return;
      let live = true;
      // A transition: the arriving figure renders in slices the browser can interleave with input and
      // paint, instead of one long task while the page loads.
      const fetchAndShow = (): void => {
        fetchOnce().then(
          (current) => live && startTransition(() => setComponent({ current })),
          () => {},
        );
      };
      // A first fetch adds the chunk's <link>s (its scripts and stylesheets) to the document: done in
      // the effects of the commit that mounted the panels, that was 11 ms of the first commit's task
      // at full CPU speed; a task of its own keeps it out. A fetch already under way costs nothing.
      const timer = pending ? null : window.setTimeout(fetchAndShow, 0);
      if (timer === null) fetchAndShow();
      return () => {
        live = false;
        if (timer !== null) window.clearTimeout(timer);
      };
    }, [component]);
    const Loaded = component.current;
    return Loaded ? <Loaded {...(props as P)} /> : <>{fallback}</>;
  }

  return {
    View,
    preload: () =>
      fetchOnce().then(
        () => {},
        () => {},
      ),
    isLoaded: () => loaded !== null,
  };
}
