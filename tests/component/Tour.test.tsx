// @vitest-environment jsdom
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Tour } from '../../src/components/Tour/Tour';
import { ARTICLE_EXAMPLE_PARAMS, ARTICLE_EPOCHS, TOUR_STEPS } from '../../src/components/Tour/tourSteps';
import { ARTICLE_ARCHITECTURE } from '../../src/core/architecture';
import { traceSample } from '../../src/core/backward';
import { checkTable } from '../../src/core/checkedTable';
import { ARTICLE_PEOPLE, type Person } from '../../src/core/dataset';
import { createParams } from '../../src/core/network';
import type { Command } from '../../src/worker/protocol';
import { labState, resetLab, setLab } from '../helpers/resetLab';

// What the tour asks of the training worker is what it did: every command is recorded here.
const sent = vi.hoisted(() => [] as unknown[]);
vi.mock('../../src/store/trainerBridge', async (importOriginal) => {
  const bridge = await importOriginal<typeof import('../../src/store/trainerBridge')>();
  bridge.trainerBridge.send = (command) => void sent.push(command);
  return { ...bridge, connectTrainer: () => () => {} };
});
const commands = () => sent as Command[];
const types = () => commands().map((command) => command.type);

/** The targets the steps point at, by their accessible names, in the views a phone shows one at a time. */
function Lab({ onShowView }: { onShowView?: (view: string) => void }) {
  return (
    <>
      <section aria-label="Controls">
        <section aria-label="Training status" />
      </section>
      <div data-view-panel="Network">
        <figure aria-label="Network" />
      </div>
      <div data-view-panel="Train">
        <section aria-label="Predict" />
        <figure aria-label="Loss curve" />
      </div>
      <div data-view-panel="Data">
        <table>
          <caption>Dataset</caption>
        </table>
      </div>
      <section aria-label="Math">
        <div aria-label="Backpropagation, with numbers" />
      </section>
      <Tour onShowView={onShowView} />
    </>
  );
}

/** Where each target sits in a 1440×900 window scrolled to the top, as a laptop lays the lab out. */
const LAYOUT: Record<string, { left: number; right: number; top: number; bottom: number }> = {
  Controls: { left: 16, right: 1424, top: 20, bottom: 145 },
  'Training status': { left: 700, right: 1400, top: 24, bottom: 46 },
  Network: { left: 30, right: 610, top: 160, bottom: 680 },
  Predict: { left: 500, right: 930, top: 700, bottom: 1050 },
  'Loss curve': { left: 620, right: 1030, top: 160, bottom: 600 },
  Dataset: { left: 30, right: 1400, top: 1100, bottom: 1340 },
  Math: { left: 30, right: 1400, top: 1360, bottom: 3000 },
  'Backpropagation, with numbers': { left: 50, right: 1390, top: 1500, bottom: 1700 },
};
const WINDOW = { width: 1440, height: 900, pageHeight: 3200 };

function layOutLikeALaptop(): void {
  Element.prototype.getBoundingClientRect = function (this: Element) {
    const name = this.getAttribute('aria-label') ?? this.querySelector('caption')?.textContent ?? '';
    const box = LAYOUT[name] ?? { left: 0, right: 0, top: 0, bottom: 0 };
    return {
      ...box,
      x: box.left,
      y: box.top,
      width: box.right - box.left,
      height: box.bottom - box.top,
    } as DOMRect;
  };
  const root = document.documentElement;
  Object.defineProperty(root, 'clientWidth', { configurable: true, value: WINDOW.width });
  Object.defineProperty(root, 'scrollHeight', { configurable: true, value: WINDOW.pageHeight });
  Object.defineProperty(window, 'innerHeight', { configurable: true, value: WINDOW.height });
}

const scrolled: { element: Element; options: ScrollIntoViewOptions | undefined }[] = [];
const pageScrolls: ScrollToOptions[] = [];
let reducedMotion = false;

beforeEach(() => {
  resetLab();
  sent.length = 0;
  scrolled.length = 0;
  pageScrolls.length = 0;
  reducedMotion = false;
  layOutLikeALaptop();
  window.scrollTo = ((options: ScrollToOptions) => void pageScrolls.push(options)) as typeof window.scrollTo;
  Element.prototype.scrollIntoView = function (this: Element, options?: boolean | ScrollIntoViewOptions) {
    scrolled.push({ element: this, options: typeof options === 'object' ? options : undefined });
  };
  window.matchMedia = ((query: string) => ({
    matches: query.includes('reduce') && reducedMotion,
  })) as unknown as typeof window.matchMedia;
});
afterEach(cleanup);

const dialog = () => screen.getByRole('dialog', { name: 'Guided tour' });
const button = (name: string) => within(dialog()).getByRole('button', { name });
const outlined = () =>
  Array.from(document.querySelectorAll('.tour-target')).map(
    (e) => e.getAttribute('aria-label') ?? e.querySelector('caption')?.textContent,
  );

async function openTour(onShowView?: (view: string) => void) {
  const user = userEvent.setup();
  render(<Lab onShowView={onShowView} />);
  await user.click(screen.getByRole('button', { name: 'Take the tour' }));
  return user;
}

describe('the guided tour', () => {
  it('follows the article: its seven sections, then test data, each outlining its figure', async () => {
    const user = await openTour();
    expect(dialog()).toHaveFocus();
    const seen: string[] = [];
    for (let i = 0; i < TOUR_STEPS.length; i++) {
      expect(dialog()).toHaveTextContent(`Step ${i + 1} of ${TOUR_STEPS.length}`);
      seen.push(within(dialog()).getByRole('heading', { level: 3 }).textContent ?? '');
      expect(outlined()).toEqual([TOUR_STEPS[i]!.target]);
      if (i < TOUR_STEPS.length - 1) await user.click(button('Next'));
    }
    expect(seen.join(' | ')).toMatch(
      /neurons.*network.*Training.*Loss.*Backpropagation.*Stochastic gradient descent.*Predictions.*Test data and overfitting/i,
    );
    // The last step ends with Finish, which ends the tour like End tour.
    expect(within(dialog()).queryByRole('button', { name: 'Next' })).not.toBeInTheDocument();
    await user.click(button('Finish'));
    expect(button('Restore my lab')).toBeInTheDocument();
  });

  it('the first step sets up the article’s lab: its table, all ones, rate 0.1, article shift, in order', async () => {
    setLab((state) => ({
      settings: {
        ...state.settings,
        learningRate: 2,
        scaling: 'standardize',
        sampleOrder: 'shuffled',
        units: 'metric',
        stopAtLoss: 0.01,
        architecture: { ...ARTICLE_ARCHITECTURE, hidden: 5, activation: 'relu' },
      },
    }));
    await openTour();
    const { settings } = labState();
    expect(settings).toMatchObject({
      initialWeights: 'ones',
      learningRate: 0.1,
      scaling: 'article',
      sampleOrder: 'in-order',
      units: 'imperial',
      stopAtLoss: null,
      architecture: ARTICLE_ARCHITECTURE,
    });
    expect(types()).toContain('configure');
    expect(types().at(-1)).toBe('reset');
    expect(labState().selectedRow).toBe(0);
  });

  it('the network step gives every neuron w = [0, 1], b = 0 and shows o1 = 0.7216 for x = [2, 3]', async () => {
    const user = await openTour();
    sent.length = 0;
    await user.click(button('Next'));
    // All nine in one command, not one per parameter.
    const edits = commands().filter(
      (command) => command.type === 'set-param' || command.type === 'set-params',
    );
    expect(edits).toEqual([{ type: 'set-params', params: [...ARTICLE_EXAMPLE_PARAMS] }]);
    // The readout computes from the lab's parameters (as the worker would report them).
    act(() => {
      setLab((state) => ({ run: { ...state.run, params: createParams(ARTICLE_EXAMPLE_PARAMS) } }));
    });
    expect(dialog()).toHaveTextContent('o1 = 0.7216');
    expect(dialog()).toHaveTextContent('h1 = 0.9526');
  });

  it('the backpropagation step steps Alice once from all ones and shows dL/dw1 = 0.0215', async () => {
    const user = await openTour();
    for (let i = 0; i < 4; i++) await user.click(button('Next'));
    expect(dialog()).toHaveTextContent('Backpropagation');
    expect(types().slice(-2)).toEqual(['reset', 'step-sample']);
    expect(labState()).toMatchObject({ selectedRow: 0, stepPhase: 'backward' });
    // The page scrolls the worked numbers to the top, a gap (1 rem) above them, the card below them.
    expect(pageScrolls.at(-1)?.top).toBe(LAYOUT['Backpropagation, with numbers']!.top - 16);

    // The worker's report of that step: Alice (-2, -1), female, every weight 1.
    const ones = createParams([1, 1, 1, 1, 1, 1, 0, 0, 0]);
    const trace = traceSample(ones, -2, -1, 1);
    act(() => {
      setLab((state) => ({
        run: { ...state.run, sample: { row: 0, ...trace, paramsBefore: ones } },
      }));
    });
    expect(dialog()).toHaveTextContent('∂L/∂w1 for Alice’s step: 0.0215');
  });

  it('SGD steps an epoch; predictions train the article’s 1000 epochs as fast as possible', async () => {
    const user = await openTour();
    for (let i = 0; i < 5; i++) await user.click(button('Next'));
    expect(types().at(-1)).toBe('step-epoch');
    expect(labState().stepPhase).toBe('update');
    sent.length = 0;
    await user.click(button('Next'));
    expect(commands()).toEqual(
      expect.arrayContaining([
        { type: 'set-speed', epochsPerSecond: null },
        { type: 'set-stop-at', epoch: ARTICLE_EPOCHS },
      ]),
    );
    expect(types().at(-1)).toBe('play');
    expect(dialog()).toHaveTextContent(/Emily: .* → (Female|Male)/);
  });

  it('is keyboard-operable: Enter on Next and Back, Escape ends it and focus returns', async () => {
    const user = await openTour();
    await user.tab(); // Back (aria-disabled on the first step, still focusable)
    await user.tab();
    expect(button('Next')).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(dialog()).toHaveTextContent('Step 2 of 8');
    expect(button('Next')).toHaveFocus();
    await user.keyboard('{Shift>}{Tab}{/Shift}{Enter}');
    expect(dialog()).toHaveTextContent('Step 1 of 8');
    await user.keyboard('{Enter}'); // Back at the first step does nothing
    expect(dialog()).toHaveTextContent('Step 1 of 8');

    await user.keyboard('{Escape}');
    // The tour changed the settings (all ones...), so it asks before it goes.
    expect(button('Restore my lab')).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(outlined()).toEqual([]);
    expect(screen.getByRole('button', { name: 'Take the tour' })).toHaveFocus();
  });

  it('sets the user’s own table aside and gives it back, with their settings, on End tour', async () => {
    const own: Person[] = [
      { id: 'a', name: 'Ann', weight: '130', height: '64', gender: 'F' },
      { id: 'b', name: 'Ben', weight: '170', height: '71', gender: 'M' },
      { id: 'c', name: 'Cat', weight: '125', height: '62', gender: 'F' },
      { id: 'd', name: 'Dan', weight: '180', height: '73', gender: 'M' },
      { id: 'e', name: 'Eve', weight: '140', height: '66', gender: 'F' },
    ];
    setLab((state) => ({
      people: own,
      settings: { ...state.settings, learningRate: 0.5, seed: 9 },
    }));
    const user = await openTour();
    expect(dialog()).toHaveTextContent('Your own table of 5 people is set aside');
    expect(labState().people.map((person) => person.name)).toEqual(ARTICLE_PEOPLE.map((p) => p.name));

    await user.click(button('End tour'));
    expect(dialog()).toHaveTextContent('your own table of 5 people is set aside');
    await user.click(button('Restore my lab'));
    expect(labState().people).toEqual(own);
    expect(labState().settings).toMatchObject({
      learningRate: 0.5,
      seed: 9,
      initialWeights: 'random',
    });
    const restart = commands().findLast((command) => command.type === 'configure');
    // The restart sends the table as the worker takes it: checked, like every other restart.
    expect(restart).toMatchObject({
      config: { learningRate: 0.5, seed: 9, people: checkTable(own, 'imperial') },
    });
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('keeps the article’s lab when asked, and never asks when nothing changed', async () => {
    setLab((state) => ({
      settings: { ...state.settings, initialWeights: 'ones', speed: 200 },
    }));
    const user = await openTour();
    expect(dialog()).not.toHaveTextContent('set aside');
    await user.click(button('End tour'));
    // Only selection and phase changed (not the table or settings): no question.
    expect(screen.queryByRole('dialog')).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Take the tour' }));
    for (let i = 0; i < 6; i++) await user.click(button('Next'));
    await user.click(button('End tour'));
    await user.click(button('Keep the tour’s lab'));
    expect(labState().settings).toMatchObject({ speed: null, stopAtEpoch: ARTICLE_EPOCHS });
  });

  it('scrolls smoothly, or at once when the user prefers less motion', async () => {
    reducedMotion = true;
    const user = await openTour();
    expect(scrolled.at(-1)?.options?.behavior).toBe('auto');
    reducedMotion = false;
    await user.click(button('Next'));
    expect(scrolled.at(-1)?.options?.behavior).toBe('smooth');
  });

  it('places the panel beside what it shows when a side has room, else under it in the room left', async () => {
    const user = await openTour();
    expect(dialog()).toHaveClass('tour-dock-right'); // Network: 830 px free on its right
    for (let i = 0; i < 3; i++) await user.click(button('Next'));
    expect(dialog()).toHaveClass('tour-dock-left'); // Training status: 700 px free on its left
    for (let i = 0; i < 2; i++) await user.click(button('Next'));
    // Controls span the window: scrolled to 4 px (a 16 px gap above them), the panel gets the rest below.
    expect(dialog()).toHaveClass('tour-dock-bottom');
    expect(pageScrolls.at(-1)?.top).toBe(4);
    expect(dialog().style.getPropertyValue('--tour-room')).toBe(`${900 - (145 - 4) - 32}px`);
  });

  it('places the card again when what the step shows moves after it was placed (formulas typeset late)', async () => {
    const watchers: { report: () => void; targets: Element[] }[] = [];
    vi.stubGlobal(
      'ResizeObserver',
      class {
        private readonly watcher: { report: () => void; targets: Element[] };
        constructor(callback: () => void) {
          this.watcher = { report: callback, targets: [] };
          watchers.push(this.watcher);
        }
        observe(target: Element) {
          this.watcher.targets.push(target);
        }
        unobserve() {}
        disconnect() {
          this.watcher.targets = [];
        }
      },
    );
    const resize = () => act(() => watchers.filter((w) => w.targets.length > 0).forEach((w) => w.report()));
    try {
      const user = await openTour();
      for (let i = 0; i < 4; i++) await user.click(button('Next'));
      expect(dialog()).toHaveTextContent('Step 5 of 8'); // backpropagation: the Math view's worked numbers
      const placedAt = pageScrolls.at(-1)?.top;
      const scrolls = pageScrolls.length;
      resize(); // the size it was placed at: nothing moves
      expect(pageScrolls.length).toBe(scrolls);
      const part = LAYOUT['Backpropagation, with numbers']!;
      LAYOUT['Backpropagation, with numbers'] = { ...part, top: part.top + 400, bottom: part.bottom + 400 };
      resize(); // the formulas above it typeset: it moved 400 px down
      expect(pageScrolls.at(-1)?.top).toBe(placedAt! + 400);
      LAYOUT['Backpropagation, with numbers'] = part;
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('shows the view that holds a step’s target when it is not shown (a phone shows one view)', async () => {
    const onShowView = vi.fn();
    const user = await openTour(onShowView);
    expect(onShowView).toHaveBeenLastCalledWith('Network');
    await user.click(button('Next'));
    await user.click(button('Next'));
    expect(onShowView).toHaveBeenLastCalledWith('Data'); // the Dataset step
    onShowView.mockClear();
    await user.click(button('Next'));
    expect(onShowView).not.toHaveBeenCalled(); // Training status is in the run bar, in every view
  });
});

describe('the overfitting step', () => {
  it('sets up 40 noisy people, half held out and shown hollow, 8 tanh neurons, and trains', async () => {
    const user = await openTour();
    for (let i = 1; i < TOUR_STEPS.length; i++) await user.click(button('Next'));
    expect(within(dialog()).getByRole('heading', { level: 3 })).toHaveTextContent(
      'Test data and overfitting',
    );
    expect(outlined()).toEqual(['Loss curve']);
    const { settings, people } = labState();
    expect(people).toHaveLength(40);
    expect(settings).toMatchObject({ trainingShare: 0.5, showTestData: true, scaling: 'standardize' });
    expect(settings.architecture).toMatchObject({ hidden: 8, activation: 'tanh' });
    const configure = commands().findLast((command) => command.type === 'configure');
    expect(configure?.type === 'configure' && configure.config.testRows?.includes(1)).toBe(true);
    expect(types().at(-1)).toBe('play');
  });

  it('going back to an article step puts every row back into training', async () => {
    const user = await openTour();
    for (let i = 1; i < TOUR_STEPS.length; i++) await user.click(button('Next'));
    await user.click(button('Back'));
    expect(labState().settings.trainingShare).toBe(1);
  });
});
