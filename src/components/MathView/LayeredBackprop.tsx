import { layerOfNeuron } from '../../core/layerNames';
import { activationSlopeSlot, carriedSlopeSlot, planFor } from '../../core/layerShape';
import type { StepRecord } from '../../store/derived';
import type { MathContext } from '../../viz/mathContext';
import { plainNumber } from './numbers';

interface DeltaRow {
  readonly name: string;
  readonly sum: number;
  readonly output: number;
  /** dL/d(output): what backpropagation carried back to this neuron. */
  readonly carried: number;
  readonly slope: number;
}

/** The rows of the δ table, output first, then layer L … 1: the order backpropagation visits them. */
function deltaRows(record: StepRecord, context: MathContext): DeltaRow[] {
  const plan = planFor(context);
  const { forward, factors } = record;
  const out = plan.totalHidden;
  const rows: DeltaRow[] = [
    {
      name: 'o1',
      sum: forward[2 * out]!,
      output: forward[2 * out + 1]!,
      carried: factors[0]!,
      slope: factors[1]!,
    },
  ];
  for (let k = out - 1; k >= 0; k--) {
    const { layer, neuron } = layerOfNeuron(plan, k);
    rows.push({
      name: `Layer ${layer}, neuron ${neuron}`,
      sum: forward[2 * k]!,
      output: forward[2 * k + 1]!,
      carried: factors[carriedSlopeSlot(k)]!,
      slope: factors[activationSlopeSlot(k)]!,
    });
  }
  return rows;
}

/**
 * Backpropagation through two or more hidden layers, with the live numbers of the step explained: the
 * recursion (each layer's δ from the next layer's, through the weights between them) and, for every
 * neuron, its sum z, its output, what reaches its output (dL/da), its activation's slope f′(z) and
 * δ = dL/dz. Every weight's gradient is then δ of the neuron it feeds times its input; the Gradient
 * table lists them all.
 */
export function LayeredBackprop({
  record,
  context,
}: {
  readonly record: StepRecord;
  readonly context: MathContext;
}) {
  const layers = context.hiddenLayers?.length ?? 1;
  return (
    <section className="math-layered" aria-label="Backpropagation through the layers">
      <h3 className="math-layered-title">Backpropagation, layer by layer</h3>
      <p className="math-layered-rule">
        δ is dL/dz, the loss&apos;s slope at a neuron&apos;s sum z. At the output, δ = dL/dŷ × σ′(z). Going
        back from layer {layers} to layer 1, each neuron&apos;s δ = f′(z) × Σ (weight to a neuron of the next
        layer × that neuron&apos;s δ). Then dL/dw = δ of the neuron the weight feeds × the weight&apos;s
        input, and dL/db = δ.
      </p>
      <div className="math-gradient-scroll" tabIndex={0} role="group" aria-label="δ table">
        <table className="math-gradient">
          <caption>δ for each layer</caption>
          <thead>
            <tr>
              <th scope="col">Neuron</th>
              <th scope="col">z</th>
              <th scope="col">Output</th>
              <th scope="col">dL/d(output)</th>
              <th scope="col">f′(z)</th>
              <th scope="col">δ = dL/dz</th>
            </tr>
          </thead>
          <tbody>
            {deltaRows(record, context).map((row) => (
              <tr key={row.name}>
                <th scope="row">{row.name}</th>
                <td>{plainNumber(row.sum)}</td>
                <td>{plainNumber(row.output)}</td>
                <td>{plainNumber(row.carried)}</td>
                <td>{plainNumber(row.slope)}</td>
                <td>{plainNumber(row.carried * row.slope)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
