// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Lessons } from '../../src/components/Tour/Lessons';
import { LESSON_EPOCHS } from '../../src/components/Tour/lessons';
import { ARTICLE_PEOPLE } from '../../src/core/dataset';
import { undoTableEdit } from '../../src/store/actions';
import { labState, resetLab } from '../helpers/resetLab';

vi.mock('../../src/store/trainerBridge', async (importOriginal) => {
  const bridge = await importOriginal<typeof import('../../src/store/trainerBridge')>();
  bridge.trainerBridge.send = () => {};
  return { ...bridge, connectTrainer: () => () => {} };
});

beforeEach(() => resetLab());
afterEach(cleanup);

function Lab() {
  return (
    <>
      <div data-view-panel="Train">
        <figure aria-label="Decision boundary" />
        <figure aria-label="Loss curve" />
      </div>
      <Lessons />
    </>
  );
}

async function openLesson(title: string) {
  const user = userEvent.setup();
  render(<Lab />);
  await user.click(screen.getByRole('button', { name: 'Lessons' }));
  const list = screen.getByRole('list', { name: 'Lessons' });
  expect(
    within(list)
      .getAllByRole('button')
      .map((button) => button.textContent),
  ).toEqual([
    'Why a hidden layer',
    'Capacity and dead ReLUs',
    'Optimizers race',
    'Overfitting and regularization',
  ]);
  await user.click(within(list).getByRole('button', { name: title }));
  return { user, card: screen.getByRole('dialog', { name: title }) };
}

describe('Lessons', () => {
  it('the list closes on Escape and gives focus back to Lessons', async () => {
    const user = userEvent.setup();
    render(<Lab />);
    await user.click(screen.getByRole('button', { name: 'Lessons' }));
    await user.click(screen.getByRole('list', { name: 'Lessons' }).querySelector('button')!);
    expect(screen.getByRole('dialog', { name: 'Why a hidden layer' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Lessons' }));
    await user.tab();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('list', { name: 'Lessons' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Lessons' })).toHaveFocus();
  });

  it('“Why a hidden layer” sets up XOR with one tanh neuron, outlines the boundary, and says what to do', async () => {
    const { card } = await openLesson('Why a hidden layer');
    const { settings, people } = labState();
    expect(settings.dataSource?.kind).toBe('xor');
    expect(people).toHaveLength(200);
    expect(settings.architecture).toMatchObject({ hidden: 1, activation: 'tanh', update: 'sample' });
    expect(settings.stopAtEpoch).toBe(LESSON_EPOCHS);
    expect(settings.trainingShare).toBe(1);
    expect(screen.getByRole('figure', { name: 'Decision boundary' })).toHaveClass('tour-target');
    expect(within(card).getByRole('status')).toHaveTextContent('Press Play to train.');
    expect(card).toHaveFocus();
  });

  it('its set-up is one undo step for the table', async () => {
    await openLesson('Why a hidden layer');
    undoTableEdit();
    expect(labState().people.map((person) => person.name)).toEqual(
      ARTICLE_PEOPLE.map((person) => person.name),
    );
  });

  it('the optimizer race starts from SGD on the spiral with full-batch steps', async () => {
    await openLesson('Optimizers race');
    const { architecture, dataSource } = labState().settings;
    expect(dataSource?.kind).toBe('spiral');
    expect(architecture).toMatchObject({ hidden: 8, update: 'full-batch', momentum: 0 });
    expect(architecture.optimizer?.kind).toBe('sgd');
  });

  it('Close lesson (or Escape) ends it, takes the outline off, and gives focus back', async () => {
    const { user, card } = await openLesson('Optimizers race');
    expect(screen.getByRole('figure', { name: 'Loss curve' })).toHaveClass('tour-target');
    await user.click(within(card).getByRole('button', { name: 'Close lesson' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('figure', { name: 'Loss curve' })).not.toHaveClass('tour-target');
    expect(screen.getByRole('button', { name: 'Lessons' })).toHaveFocus();
  });
});
