// @vitest-environment jsdom
import '@vitest/web-worker';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ARTICLE_PEOPLE } from '../../src/core/dataset';
import { encodeShare, sharedStateOf } from '../../src/core/shareCodec';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import * as actions from '../../src/store/actions';
import { useLab } from '../../src/store/labStore';
import {
  SHARE_HASH_PREFIX,
  backToOwnLab,
  dismissLinkBanner,
  initialLinkState,
  keepLinkedLab,
  linkStore,
  openLink,
  openSharedLink,
} from '../../src/store/sharedLink';
import { connectTrainer } from '../../src/store/trainerBridge';
import { letAutosaveWrite, saveOwnLab, savedText, startWithoutLinks } from '../helpers/ownLab';
import { labState } from '../helpers/resetLab';
import { waitForState } from '../helpers/waitForState';

/** A lab someone else shared: seed 7, three people of their own. */
const theirPeople = [
  { name: 'Xena', weight: '120', height: '62', gender: 'F' as const },
  { name: 'Yuri', weight: '190', height: '73', gender: 'M' as const },
  { name: 'Zed', weight: '175', height: '70', gender: 'M' as const },
];
const theirLink = encodeShare({ v: 1, settings: { ...DEFAULT_SETTINGS, seed: 7 }, people: theirPeople });

const saved = savedText;
const names = () => labState().people.map((person) => person.name);
const savedNames = () =>
  (JSON.parse(saved()!) as { state: { people: { name: string }[] } }).state.people.map((p) => p.name);

beforeEach(startWithoutLinks);
afterEach(() => vi.useRealTimers());

describe('a shared link', () => {
  it('shows the linked lab while the saved lab stays saved, byte for byte', () => {
    const own = saveOwnLab();
    openLink(theirLink);
    expect(names()).toEqual(['Xena', 'Yuri', 'Zed']);
    expect(labState().settings.seed).toBe(7);
    expect(linkStore.getState().mode).toBe('linked');
    // Edits to the linked lab are not saved either.
    actions.addPerson({ name: 'Walt', weight: '150', height: '68', gender: 'M' });
    letAutosaveWrite();
    expect(saved()).toBe(own);
    // The linked table is not an edit: undo does not bring the user's table back into it.
    actions.undoTableEdit();
    actions.undoTableEdit();
    expect(names()).toEqual(['Xena', 'Yuri', 'Zed']);
  });

  it('writes an edit still waiting to be saved before the link opens', () => {
    saveOwnLab();
    actions.updatePerson(labState().people[0]!.id, { name: 'Alicia' });
    openLink(theirLink);
    letAutosaveWrite();
    expect(savedNames()[0]).toBe('Alicia');
  });

  it('Back to my lab shows the own lab again and writes nothing', () => {
    const own = saveOwnLab();
    const ownPeople = labState().people;
    openLink(theirLink);
    letAutosaveWrite();
    backToOwnLab();
    expect(labState().people).toBe(ownPeople);
    expect(labState().settings.seed).toBe(99);
    expect(linkStore.getState().mode).toBe('returned');
    letAutosaveWrite();
    expect(saved()).toBe(own);
    // Autosave carries on with the own lab.
    actions.setSeed(5);
    letAutosaveWrite();
    expect(savedNames()).toContain('Dana');
  });

  it('Keep this lab saves the linked lab; Back to my lab then undoes the keep, once', () => {
    saveOwnLab();
    openLink(theirLink);
    keepLinkedLab();
    letAutosaveWrite();
    expect(savedNames()).toEqual(['Xena', 'Yuri', 'Zed']);
    expect(linkStore.getState().mode).toBe('kept');
    backToOwnLab();
    letAutosaveWrite();
    expect(savedNames()).toEqual([...ARTICLE_PEOPLE.map((p) => p.name), 'Dana']);
    expect(labState().settings.seed).toBe(99);
    backToOwnLab(); // only once: there is nothing to go back to now
    expect(labState().settings.seed).toBe(99);
    expect(linkStore.getState().own).toBeNull();
  });

  it('after Dismiss a kept lab stays kept, with no way back', () => {
    saveOwnLab();
    openLink(theirLink);
    keepLinkedLab();
    dismissLinkBanner();
    expect(linkStore.getState()).toEqual(initialLinkState());
    backToOwnLab();
    expect(labState().settings.seed).toBe(7);
  });

  it('a second link while one is on show: Back still returns to the own lab', () => {
    const own = saveOwnLab();
    openLink(theirLink);
    openLink(encodeShare(sharedStateOf({ ...DEFAULT_SETTINGS, seed: 8 }, ARTICLE_PEOPLE.slice(0, 2))));
    expect(labState().settings.seed).toBe(8);
    backToOwnLab();
    expect(labState().settings.seed).toBe(99);
    expect(names()).toContain('Dana');
    letAutosaveWrite();
    expect(saved()).toBe(own);
  });

  it('a bad link says why and changes nothing, not even a linked lab on show', () => {
    const own = saveOwnLab();
    const before = useLab.getState();
    openLink('not-a-real-link');
    expect(linkStore.getState().problem).toBe(
      'This link is damaged or incomplete: it could not be decompressed. Nothing in your lab was changed.',
    );
    expect(linkStore.getState().mode).toBe('none');
    expect(useLab.getState()).toBe(before);
    letAutosaveWrite();
    expect(saved()).toBe(own);

    openLink(theirLink);
    openLink('');
    expect(linkStore.getState().mode).toBe('linked');
    expect(linkStore.getState().problem).toMatch(/it is empty/);
    dismissLinkBanner();
    expect(linkStore.getState()).toMatchObject({ mode: 'linked', problem: null });
  });

  it('says when it brought the learning rate into the slider’s range', () => {
    openLink(encodeShare(sharedStateOf({ ...DEFAULT_SETTINGS, learningRate: 1e6 }, ARTICLE_PEOPLE)));
    expect(labState().settings.learningRate).toBe(100);
    expect(linkStore.getState().notes).toEqual([
      "The link's learning rate, 1000000, is outside the slider's range (0.001 to 100), so the lab uses 100.",
    ]);
  });

  it('is read from the address once, and the address loses it', () => {
    history.replaceState(null, '', `/lab/?x=1${SHARE_HASH_PREFIX}${theirLink}`);
    openSharedLink(window.location);
    expect(labState().settings.seed).toBe(7);
    expect(`${location.pathname}${location.search}${location.hash}`).toBe('/lab/?x=1');
    history.replaceState(null, '', '/#other');
    openSharedLink(window.location);
    expect(location.hash).toBe('#other');
    expect(linkStore.getState().problem).toBeNull();
  });
});

describe('a shared link with the worker running', () => {
  it('starts a run on the linked lab, and Back resumes the own run where it was', async () => {
    vi.useRealTimers();
    const disconnect = connectTrainer(
      () => new Worker(new URL('../../src/worker/training.worker.ts', import.meta.url), { type: 'module' }),
    );
    try {
      await waitForState((s) => s.run.runId === 1);
      actions.stepEpoch();
      actions.stepEpoch();
      actions.stepEpoch();
      const own = await waitForState((s) => s.run.epoch === 3);
      openLink(theirLink);
      const linked = await waitForState((s) => s.run.runId === 2);
      expect([linked.run.epoch, linked.run.sampleCount]).toEqual([0, 3]);
      backToOwnLab();
      const back = await waitForState((s) => s.run.runId === 3);
      expect([back.run.epoch, back.run.sampleCount]).toEqual([3, 4]);
      expect(Array.from(back.run.params)).toEqual(Array.from(own.run.params));
      expect(back.resumeFrom).toBeNull();
    } finally {
      disconnect();
    }
  });
});
