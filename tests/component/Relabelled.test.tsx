// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Tagline } from '../../src/app/Tagline';
import { MathView } from '../../src/components/MathView/MathView';
import { loadTexRenderer } from '../../src/components/MathView/texRenderer';
import { initialParams } from '../../src/core/init';
import { ARTICLE_SHIFT } from '../../src/core/scaling';
import { useLab } from '../../src/store/labStore';
import { INITIAL_RUN } from '../../src/store/runStore';
import { resetLab, setLab } from '../helpers/resetLab';

const PENGUIN_LABELS = { x1: 'body_mass_g', x2: 'flipper_length_mm', positive: 'FEMALE', negative: 'MALE' };
const PENGUINS = [
  { id: 'a', name: 'Adelie 1', weight: '3750', height: '181', gender: 'M' as const },
  { id: 'b', name: 'Adelie 2', weight: '3800', height: '186', gender: 'F' as const },
];

function relabel(): void {
  const { settings } = useLab.getState();
  setLab({
    settings: { ...settings, dataLabels: PENGUIN_LABELS },
    people: PENGUINS,
    run: { ...INITIAL_RUN, params: initialParams('random', 42), scaling: ARTICLE_SHIFT },
    selectedRow: 1,
  });
}

beforeAll(async () => {
  expect(await loadTexRenderer()).not.toBe('failed');
});
beforeEach(resetLab);
afterEach(cleanup);

describe('a file that relabels the lab', () => {
  it('the tagline names the file’s classes and columns instead of gender, weight and height', () => {
    const { rerender } = render(<Tagline />);
    expect(screen.getByText(/learns to tell gender from weight and height/)).toBeInTheDocument();
    relabel();
    rerender(<Tagline />);
    expect(
      screen.getByText(
        'A 2-2-1 neural network learns to tell FEMALE from MALE by body_mass_g and flipper_length_mm. Every number, live.',
      ),
    ).toBeInTheDocument();
  });

  it('the Math view names the file’s columns and label values in its formulas and phases', async () => {
    relabel();
    const user = userEvent.setup();
    render(<MathView />);
    const math = within(screen.getByRole('region', { name: 'Math' }));
    const section = screen.getByRole('region', { name: 'Math' });
    expect(section).toHaveTextContent('(scaled body_mass_g and flipper_length_mm), ytrue = 1 (FEMALE)');
    expect(section).toHaveTextContent('o1 is the prediction ypred (near 1: FEMALE, near 0: MALE)');
    await user.click(math.getByRole('button', { name: 'Next phase' }));
    expect(section).toHaveTextContent(
      'The row’s scaled body_mass_g and flipper_length_mm flow through the network.',
    );
    await user.click(math.getByRole('button', { name: 'Next phase' }));
    expect(section).toHaveTextContent('The guess is compared with the truth (1 for FEMALE, 0 for MALE).');
    expect(section).not.toHaveTextContent(/Female|weight and height/);
  });
});
