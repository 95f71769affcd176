// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useKeyboardShortcuts } from '../../src/app/useKeyboardShortcuts';
import * as actions from '../../src/store/actions';
import * as classroom from '../../src/store/classroomActions';

function Page({ onHelp }: { readonly onHelp: () => void }) {
  useKeyboardShortcuts(onHelp);
  return (
    <main>
      <button type="button">Play</button>
      <input aria-label="Name" />
      <select aria-label="Order">
        <option>In order</option>
      </select>
      <input type="range" aria-label="Learning rate" />
      <input type="checkbox" aria-label="Show test data" />
      <div data-own-keys="" tabIndex={0} aria-label="Math" role="region" />
    </main>
  );
}

let spies: Record<
  'togglePlay' | 'stepSample' | 'stepEpoch' | 'reset' | 'togglePresenter',
  ReturnType<typeof vi.fn>
>;
let help: ReturnType<typeof vi.fn<() => void>>;

beforeEach(() => {
  spies = {
    togglePlay: vi.spyOn(actions, 'togglePlay').mockImplementation(() => {}),
    stepSample: vi.spyOn(actions, 'stepSample').mockImplementation(() => {}),
    stepEpoch: vi.spyOn(actions, 'stepEpoch').mockImplementation(() => {}),
    reset: vi.spyOn(actions, 'reset').mockImplementation(() => {}),
    togglePresenter: vi.spyOn(classroom, 'togglePresenter').mockImplementation(() => {}),
  } as typeof spies;
  help = vi.fn<() => void>();
  render(<Page onHelp={help} />);
});
afterEach(cleanup);

const press = (element: Element, key: string, init: KeyboardEventInit = {}): void => {
  fireEvent.keyDown(element, { key, ...init });
};

describe('keyboard shortcuts wherever focus is', () => {
  it('after clicking Play, R, Shift+→, → and P still work with focus on the button', () => {
    const play = screen.getByRole('button', { name: 'Play' });
    play.focus();
    press(play, 'r');
    press(play, 'ArrowRight', { shiftKey: true });
    press(play, 'ArrowRight');
    press(play, 'P');
    expect(spies.reset).toHaveBeenCalledTimes(1);
    expect(spies.stepEpoch).toHaveBeenCalledTimes(1);
    expect(spies.stepSample).toHaveBeenCalledTimes(1);
    expect(spies.togglePresenter).toHaveBeenCalledTimes(1);
  });

  it('Space and Enter on a focused button or checkbox are that control’s own: the shortcut does not also fire', () => {
    press(screen.getByRole('button', { name: 'Play' }), ' ');
    press(screen.getByRole('button', { name: 'Play' }), 'Enter');
    press(screen.getByRole('checkbox', { name: 'Show test data' }), ' ');
    expect(spies.togglePlay).not.toHaveBeenCalled();
  });

  it('Space with focus on the page is Play / Pause, once per press (auto-repeat ignored)', () => {
    press(document.body, ' ');
    press(document.body, ' ', { repeat: true });
    press(document.body, ' ', { repeat: true });
    expect(spies.togglePlay).toHaveBeenCalledTimes(1);
  });

  it('text fields and selects keep every key', () => {
    for (const field of [
      screen.getByRole('textbox', { name: 'Name' }),
      screen.getByRole('combobox', { name: 'Order' }),
    ]) {
      press(field, 'r');
      press(field, 'p');
      press(field, ' ');
      press(field, 'ArrowRight');
      press(field, '?');
    }
    expect(Object.values(spies).every((spy) => spy.mock.calls.length === 0)).toBe(true);
    expect(help).not.toHaveBeenCalled();
  });

  it('sliders and arrow-stepping views keep the arrows but not the letters', () => {
    for (const element of [
      screen.getByRole('slider', { name: 'Learning rate' }),
      screen.getByRole('region', { name: 'Math' }),
    ]) {
      press(element, 'ArrowRight');
      press(element, 'r');
    }
    expect(spies.stepSample).not.toHaveBeenCalled();
    expect(spies.reset).toHaveBeenCalledTimes(2);
  });

  it('? opens the shortcuts from a button too', () => {
    press(screen.getByRole('button', { name: 'Play' }), '?');
    expect(help).toHaveBeenCalledTimes(1);
  });
});
