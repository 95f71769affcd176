import { useSyncExternalStore } from 'react';

type Renderer = typeof import('./katexRender');

/** KaTeX once loaded; `failed` if its chunk could not load (the formulas then show as plain text). */
export type TexRenderer = Renderer | 'failed' | null;

let current: TexRenderer = null;
let loading: Promise<TexRenderer> | null = null;
const listeners = new Set<() => void>();

/** Starts loading KaTeX (once); resolves when it is ready. Tests await it before rendering. */
export function loadTexRenderer(): Promise<TexRenderer> {
  loading ??= import('./katexRender').then(
    (module) => settle(module),
    () => settle('failed'),
  );
  return loading;
}

function settle(renderer: Renderer | 'failed'): TexRenderer {
  current = renderer;
  for (const listener of listeners) listener();
  return renderer;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  void loadTexRenderer();
  return () => listeners.delete(listener);
}

const read = (): TexRenderer => current;

/** KaTeX, kept out of the initial bundle: null until its chunk has loaded. */
export function useTexRenderer(): TexRenderer {
  return useSyncExternalStore(subscribe, read, read);
}
