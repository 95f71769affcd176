// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TrainingStatus } from '../../src/components/TrainingStatus/TrainingStatus';
import { INITIAL_RUN, runStore } from '../../src/store/runStore';
import { addStylesheets } from '../helpers/appStylesheets';
import { nextFrame } from '../helpers/nextFrame';
import { resetLab } from '../helpers/resetLab';

/** The stylesheets this file puts in the head, taken out again: a DOM test file may share its jsdom. */
let sheetsBefore = 0;

beforeEach(() => {
  resetLab();
  sheetsBefore = document.head.children.length;
  addStylesheets('src/app/styles.css');
});
afterEach(() => {
  cleanup();
  while (document.head.children.length > sheetsBefore) document.head.lastElementChild?.remove();
});

const value = (item: string) => {
  const status = screen.getByRole('region', { name: 'Training status' });
  const element = status.querySelector(`.${item} .status-value`);
  if (!(element instanceof HTMLElement)) throw new Error(`no ${item} value`);
  const style = getComputedStyle(element);
  return {
    text: element.textContent,
    chars: Number(style.getPropertyValue('--status-chars')),
    contain: style.contain.split(' '),
  };
};

describe('the Training status values, laid out on their own', () => {
  it('each live figure is a box of its characters, at least its usual width, contained in size and layout', () => {
    render(<TrainingStatus />);
    // Contained in size and layout, a value that changes every frame is laid out inside its box, not from
    // the page's root: the box must hold any value by its characters alone.
    for (const item of ['status-epoch', 'status-loss', 'status-accuracy'])
      expect(value(item).contain).toEqual(expect.arrayContaining(['size', 'layout']));
    expect(value('status-epoch')).toMatchObject({ text: '0', chars: 9 });
    expect(value('status-loss').chars).toBe(7);
    act(() => runStore.setState({ run: { ...INITIAL_RUN, epoch: 123_456_789, loss: 0.5 } }));
    expect(value('status-epoch')).toMatchObject({ text: '123,456,789', chars: 11 });
  });

  it('gives the exact loss in its title: rendered while paused, written when a pointer comes while training', async () => {
    act(() => runStore.setState({ run: { ...INITIAL_RUN, epoch: 3, loss: 0.123456789 } }));
    render(<TrainingStatus />);
    const loss = screen.getByRole('region', { name: 'Training status' }).querySelector('.status-loss')!;
    expect(loss).toHaveAttribute('title', '0.123456789');
    // While training the loss changes every frame: a title rewritten with it restyled the figure every frame.
    act(() => runStore.setState({ run: { ...INITIAL_RUN, status: 'running', epoch: 9, loss: 0.0123 } }));
    await nextFrame();
    expect(loss).toHaveTextContent('0.0123');
    expect(loss).not.toHaveAttribute('title');
    await userEvent.hover(loss);
    expect(loss).toHaveAttribute('title', '0.0123');
    // The title stays up for the tooltip while training goes on.
    act(() => runStore.setState({ run: { ...INITIAL_RUN, status: 'running', epoch: 10, loss: 0.0122 } }));
    await nextFrame();
    expect(loss).toHaveTextContent('0.0122');
    expect(loss).toHaveAttribute('title', '0.0123');
    act(() => runStore.setState({ run: { ...INITIAL_RUN, status: 'paused', epoch: 9, loss: 0.0123 } }));
  });
});
