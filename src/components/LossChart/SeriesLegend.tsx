import { memo } from 'react';

/** A short stretch of a series' line, drawn the way the canvas draws it. */
function Swatch({ series }: { series: 'loss' | 'accuracy' | 'test-loss' }) {
  return (
    <svg className={`loss-legend-swatch loss-legend-${series}`} width={28} height={10} aria-hidden="true">
      <line x1={1} x2={27} y1={5} y2={5} />
    </svg>
  );
}

/** Which line is which, and which axis each one reads on. */
export const SeriesLegend = memo(function SeriesLegend({
  showAccuracy,
  showTestLoss,
}: {
  showAccuracy: boolean;
  /** The run holds rows out for testing: their loss is drawn dashed beside the training loss. */
  showTestLoss: boolean;
}) {
  return (
    <ul className="loss-legend" aria-label="Series">
      <li>
        <Swatch series="loss" />
        {showTestLoss ? 'Training loss (left axis)' : 'Loss (left axis)'}
      </li>
      {showTestLoss ? (
        <li>
          <Swatch series="test-loss" />
          Test loss: rows held out of training (left axis, dashed)
        </li>
      ) : null}
      {showAccuracy ? (
        <li>
          <Swatch series="accuracy" />
          Accuracy: rows on the right side of 0.5 (right axis)
        </li>
      ) : null}
    </ul>
  );
});
