// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LearningRateSlider } from '../../src/components/Controls/LearningRateSlider';
import { labState, resetLab } from '../helpers/resetLab';

beforeEach(() => resetLab());
afterEach(cleanup);

describe('the Learning rate display', () => {
  it('one step right of 0.1 shows the rate actually used, 0.102, not 0.1', () => {
    render(<LearningRateSlider />);
    const slider = screen.getByRole('slider', { name: 'Learning rate' });
    expect(screen.getByRole('status', { hidden: true })).toHaveTextContent('0.1');
    fireEvent.change(slider, { target: { value: String(Math.log10(0.1) + 0.01) } });
    expect(labState().settings.learningRate).toBe(0.102);
    expect(slider).toHaveAttribute('aria-valuetext', '0.102');
    expect(screen.getByRole('status', { hidden: true })).toHaveTextContent(/^0\.102$/);
  });

  it('small rates keep their three digits too', () => {
    render(<LearningRateSlider />);
    const slider = screen.getByRole('slider', { name: 'Learning rate' });
    fireEvent.change(slider, { target: { value: String(Math.log10(0.00102)) } });
    expect(labState().settings.learningRate).toBe(0.00102);
    expect(slider).toHaveAttribute('aria-valuetext', '1.02e-3');
  });
});
