import type { LossScaleMode } from './lossScales';

const MODES: readonly { mode: LossScaleMode; label: string }[] = [
  { mode: 'linear', label: 'Linear' },
  { mode: 'log', label: 'Log' },
];

/** Two toggle buttons, `Linear` and `Log`, in a group named `Loss scale`. */
export function ScaleToggle({
  mode,
  onChange,
}: {
  mode: LossScaleMode;
  onChange: (mode: LossScaleMode) => void;
}) {
  return (
    <div className="loss-scale-toggle" role="group" aria-label="Loss scale">
      {MODES.map((option) => (
        <button
          key={option.mode}
          type="button"
          aria-pressed={mode === option.mode}
          onClick={() => onChange(option.mode)}
        >
          {option.label}
        </button>
      ))}
    </div>
  );
}
