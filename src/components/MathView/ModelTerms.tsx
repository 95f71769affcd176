import { FEATURE_SYMBOLS, featureValue, hasPlainInputs } from '../../core/features';
import { outputSlot, outputSumSlot } from '../../core/bufferLayout';
import { sampleLossFromSum } from '../../core/netLoss';
import { REGULARIZATION_LABELS } from '../../core/regularization';
import type { StepRecord } from '../../store/derived';
import { hasPenalty, type MathContext } from '../../viz/mathContext';
import { plainNumber } from './numbers';
import { penalizedWeights, penaltyOfParams } from './penaltyTerms';

/** The feature inputs this sample feeds the network: x1² = 0.25, x1·x2 = −0.5, … */
function FeatureValues({ record, context }: { readonly record: StepRecord; readonly context: MathContext }) {
  const values = context.features.map(
    (feature) => `${FEATURE_SYMBOLS[feature]} = ${plainNumber(featureValue(feature, record.x1, record.x2))}`,
  );
  return (
    <p className="math-feature-values">
      Inputs the network sees, each worked out from the scaled x1 and x2: {values.join(', ')}. Each hidden
      neuron has one weight per input ({context.features.length} per neuron).
    </p>
  );
}

/**
 * The penalty on this step's weights: R, what it adds to each weight's gradient, and which loss the lab
 * shows. The lab shows the data loss L (status, curve, landscape), so runs with and without a penalty
 * compare on the same scale; L + R is what the update descends.
 */
function PenaltyNote({ record, context }: { readonly record: StepRecord; readonly context: MathContext }) {
  const { hidden, regularization, regularizationRate } = context;
  const weights = penalizedWeights(context);
  const penalty = penaltyOfParams(context, record.paramsBefore);
  const loss = sampleLossFromSum(
    context.loss,
    record.target,
    record.forward[outputSumSlot(hidden)]!,
    record.forward[outputSlot(hidden)]!,
  );
  const l2 = regularization === 'l2';
  return (
    <p className="math-penalty">
      Penalty ({REGULARIZATION_LABELS[regularization]}, λ = {plainNumber(regularizationRate)}) on the weights
      w1 … w{weights}, not the biases: R = λ × {l2 ? 'Σ ½ w²' : 'Σ |w|'} = {plainNumber(penalty)}. Its
      gradient, {l2 ? 'λ × w' : 'λ × sign(w)'}, is added to dL/dw in every update (the Penalty column below).
      The loss the lab shows is the data loss: this sample’s L = {plainNumber(loss)}, and L + R ={' '}
      {plainNumber(loss + penalty)}.
    </p>
  );
}

/** What the article's formulas leave out here: feature inputs beyond x1, x2, and a weight penalty. */
export function ModelTerms({
  record,
  context,
}: {
  readonly record: StepRecord;
  readonly context: MathContext;
}) {
  const featured = !hasPlainInputs(context.features);
  const penalized = hasPenalty(context);
  if (!featured && !penalized) return null;
  return (
    <div className="math-model-terms">
      {featured ? <FeatureValues record={record} context={context} /> : null}
      {penalized ? <PenaltyNote record={record} context={context} /> : null}
    </div>
  );
}
