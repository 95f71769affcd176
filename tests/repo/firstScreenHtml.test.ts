/**
 * The script in the built page's <head> decides, before the first paint, whether this visit opens
 * another lab than the default one: it must look where the store looks for a saved lab and a link.
 */
import { describe, expect, it } from 'vitest';
import { FIRST_SCREEN_SCRIPT, SAVED_LAB_KEY, SHARED_LAB_HASH } from '../../scripts/firstScreenHtml';
import { STORAGE_KEY } from '../../src/store/persistence';
import { SHARE_HASH_PREFIX } from '../../src/store/sharedLink';

describe('the first-screen script', () => {
  it('reads the saved lab under the store key and a link by its prefix', () => {
    expect(SAVED_LAB_KEY).toBe(STORAGE_KEY);
    expect(SHARED_LAB_HASH).toBe(SHARE_HASH_PREFIX);
    expect(FIRST_SCREEN_SCRIPT).toContain(JSON.stringify(STORAGE_KEY));
    expect(FIRST_SCREEN_SCRIPT).toContain(JSON.stringify(SHARE_HASH_PREFIX));
  });
});
