import { useEffect } from 'react';
import { LearningRateSlider } from '../components/Controls/LearningRateSlider';
import { RunControls } from '../components/Controls/RunControls';
import { RunSettings } from '../components/Controls/RunSettings';
import { SpeedSlider } from '../components/Controls/SpeedSlider';
import { TrainingStatus } from '../components/TrainingStatus/TrainingStatus';
import { connectTrainer } from '../store/trainer';

export function App() {
  useEffect(() => connectTrainer(), []);
  return (
    <div className="lab">
      <header className="lab-header">
        <h1>Backprop Lab</h1>
        <p className="tagline">
          Watch a 2-2-1 neural network learn to tell gender from weight and height, number by number.
        </p>
      </header>
      <main className="lab-main">
        <section className="panel controls-panel" aria-label="Controls">
          <RunControls />
          <TrainingStatus />
          <LearningRateSlider />
          <SpeedSlider />
          <RunSettings />
        </section>
      </main>
    </div>
  );
}
