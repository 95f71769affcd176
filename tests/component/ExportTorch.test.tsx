// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataIO } from '../../src/components/DataIO/DataIO';
import { ARTICLE_ARCHITECTURE } from '../../src/core/architecture';
import { initialParams } from '../../src/core/init';
import { ARTICLE_SHIFT } from '../../src/core/scaling';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { captureDownloads } from '../helpers/captureDownloads';
import { labState, resetLab, setLab } from '../helpers/resetLab';

function renderPanel() {
  const user = userEvent.setup();
  render(<DataIO />);
  const panel = within(screen.getByRole('region', { name: 'Import and export' }));
  return { user, panel, status: panel.getByRole('status') };
}

beforeEach(() => {
  resetLab();
  const architecture = { ...ARTICLE_ARCHITECTURE, momentum: 0.9 };
  setLab({
    run: {
      ...labState().run,
      architecture,
      params: initialParams('random', 3),
      scaling: ARTICLE_SHIFT,
      learningRate: 0.25,
      epoch: 40,
    },
  });
});
afterEach(cleanup);

describe('PyTorch and notebook exports', () => {
  it('Code language offers PyTorch: a model.py with the run’s weights, rate, momentum and training rows', async () => {
    const lastDownload = captureDownloads();
    const { user, panel, status } = renderPanel();
    const language = panel.getByRole('combobox', { name: 'Code language' });
    expect(
      within(language)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['JavaScript', 'Python', 'PyTorch']);
    await user.selectOptions(language, 'PyTorch');
    await user.click(panel.getByRole('button', { name: 'Export as code' }));
    const file = await lastDownload();
    expect(file.name).toBe('model.py');
    expect(file.text).toContain('class Net(nn.Module):');
    expect(file.text).toContain('torch.optim.SGD(params, lr=0.25, momentum=0.9)');
    expect(file.text).toContain('# The 4 training rows');
    expect(file.text).toContain('    [133.0, 65.0],\n    [160.0, 72.0],');
    expect(status).toHaveTextContent('Exported PyTorch code with the weights at epoch 40 as model.py.');
  });

  it('leaves the test rows out of the exported training data', async () => {
    const lastDownload = captureDownloads();
    setLab({ settings: { ...DEFAULT_SETTINGS, trainingShare: 0.5 } });
    const { user, panel } = renderPanel();
    await user.selectOptions(panel.getByRole('combobox', { name: 'Code language' }), 'PyTorch');
    await user.click(panel.getByRole('button', { name: 'Export as code' }));
    const rows = /# The (\d+) training rows?/.exec((await lastDownload()).text);
    expect(Number(rows?.[1])).toBeLessThan(4);
  });

  it('Export notebook saves an .ipynb: nbformat 4 JSON with the model and its training', async () => {
    const lastDownload = captureDownloads();
    const { user, panel, status } = renderPanel();
    await user.click(panel.getByRole('button', { name: 'Export notebook' }));
    const file = await lastDownload();
    expect(file.name).toBe('backprop-lab.ipynb');
    const notebook = JSON.parse(file.text) as { nbformat: number; cells: { source: string[] }[] };
    expect(notebook.nbformat).toBe(4);
    const text = notebook.cells.map((cell) => cell.source.join('')).join('\n');
    expect(text).toContain('torch.optim.SGD(params, lr=0.25, momentum=0.9)');
    expect(status).toHaveTextContent(
      'Exported a PyTorch notebook with the weights at epoch 40 as backprop-lab.ipynb.',
    );
  });
});
