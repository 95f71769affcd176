import { cleanup } from '@testing-library/react';
import { afterAll, beforeAll, vi } from 'vitest';
import { linkStore, initialLinkState } from '../src/store/sharedLink';
import { storageNoticeStore } from '../src/store/storageNotice';
import { resetLab } from './helpers/resetLab';

/**
 * The DOM test files that share one jsdom and one module graph per Vitest worker (the `dom-shared`
 * project): a fresh jsdom per file costs more than most files' tests. Each file starts from what a fresh
 * environment would give it: nothing rendered, a default lab, empty storage, no hash, real timers. Files
 * that replace a module (`vi.mock`) change it for whoever imports it next, so they stay isolated.
 */
function freshPage(): void {
  cleanup();
  vi.useRealTimers();
  vi.unstubAllGlobals();
  resetLab();
  linkStore.setState(initialLinkState(), true);
  storageNoticeStore.setState({ notice: null }, true);
  localStorage.clear();
  sessionStorage.clear();
  history.replaceState(null, '', '/');
  document.body.innerHTML = '';
  for (const name of document.documentElement.getAttributeNames()) {
    if (name !== 'lang') document.documentElement.removeAttribute(name);
  }
}

beforeAll(freshPage);
afterAll(freshPage);
