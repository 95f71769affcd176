import { useState } from 'react';
import { FEATURES, FEATURE_NAMES, FEATURE_SYMBOLS, orderedFeatures, type Feature } from '../../core/features';
import { setArchitecture } from '../../store/actions';
import { useLab } from '../../store/labStore';
import './InputFeatures.css';

export const LAST_INPUT_MESSAGE = 'At least one input must stay on.';

/**
 * The `Inputs` group: which features of x1, x2 the network's input neurons see. Each change starts the
 * run again (the network gains or loses weights). The last input cannot be turned off: its box stays
 * checked and a note says why.
 */
export function InputFeatures() {
  const features = useLab((state) => state.settings.architecture.features);
  const [refused, setRefused] = useState(false);
  const toggle = (feature: Feature, on: boolean) => {
    const current = useLab.getState().settings.architecture.features;
    const next = on ? [...current, feature] : current.filter((other) => other !== feature);
    if (next.length === 0) {
      setRefused(true);
      return;
    }
    setRefused(false);
    setArchitecture({ features: orderedFeatures(next) });
  };
  return (
    <fieldset className="field input-features">
      <legend>Inputs</legend>
      {FEATURES.map((feature) => (
        <label key={feature} className="input-feature">
          <input
            type="checkbox"
            aria-label={FEATURE_NAMES[feature]}
            checked={features.includes(feature)}
            onChange={(event) => toggle(feature, event.currentTarget.checked)}
          />
          <span aria-hidden="true">{FEATURE_SYMBOLS[feature]}</span>
        </label>
      ))}
      <p className="field-hint" role="status">
        {refused ? LAST_INPUT_MESSAGE : ''}
      </p>
    </fieldset>
  );
}
