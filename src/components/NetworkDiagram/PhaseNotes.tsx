import { spotOf, type NetworkLayout, type Point } from './layout';
import type { PhaseView } from './stepPhaseView';

/** Monospace: each character is about 0.6em wide. */
const CHAR_WIDTH = 0.6;

interface BadgeProps {
  lines: readonly string[];
  /** Bottom-right corner of the box, in the figure's pixels. */
  right: number;
  bottom: number;
  size: number;
}

/** A boxed note of one or more lines, drawn over the figure so it stays readable. */
function Badge({ lines, right, bottom, size }: BadgeProps) {
  const lineHeight = size * 1.35;
  const padding = size * 0.5;
  const width = Math.max(...lines.map((line) => line.length)) * size * CHAR_WIDTH + 2 * padding;
  const height = lines.length * lineHeight + padding;
  const left = Math.max(2, right - width);
  const top = bottom - height;
  return (
    <g className="phase-badge" role="note" aria-label={lines.join('; ')}>
      <rect x={left} y={top} width={width} height={height} rx={6} />
      {lines.map((line, index) => (
        <text
          key={line}
          x={left + width / 2}
          y={top + padding / 2 + lineHeight * (index + 0.5)}
          dy="0.35em"
          fontSize={size}
        >
          {line}
        </text>
      ))}
    </g>
  );
}

/** Characters of b1's chip while backward shows its gradient (`dL/db1 = −0.0107`). */
const BIAS_GRADIENT_CHARS = 17;

/**
 * Where h1's factor is written: right of h1 in the article's figure; in a column of hidden neurons
 * (where h1's map sits right of it), after the bias chip above h1, where no edge runs.
 */
function factorSpot(layout: NetworkLayout): Point | null {
  const h1 = spotOf(layout, 'h1');
  if (!h1) return null;
  const { fontSize, radius } = layout;
  if (layout.hidden <= 2) return { x: h1.x + radius + 6, y: h1.y - radius * 0.55 };
  const chipWidth = BIAS_GRADIENT_CHARS * fontSize * 0.52 + fontSize * 0.8 + 16;
  return { x: h1.x + chipWidth / 2 + 6, y: h1.note.y };
}

/**
 * The phase's numbers that belong to a neuron rather than an edge: beside o1 the loss and dL/dypred,
 * beside h1 its factor dypred/dh1, so w1's chain rule can be read off the figure.
 */
export function PhaseNotes({ layout, view }: { readonly layout: NetworkLayout; readonly view: PhaseView }) {
  const size = layout.fontSize * 0.85;
  const o1 = spotOf(layout, 'o1')!;
  const h1Factor = view.neurons.h1?.factor ?? null;
  const at = factorSpot(layout);
  return (
    <g className="phase-notes">
      {h1Factor && at ? (
        <text className="phase-factor" x={at.x} y={at.y} dy="0.35em" fontSize={size}>
          {h1Factor}
        </text>
      ) : null}
      {view.badge.length > 0 ? (
        <Badge lines={view.badge} right={layout.width - 2} bottom={o1.y - layout.radius - 8} size={size} />
      ) : null}
    </g>
  );
}

const CAPTIONS: Readonly<Record<PhaseView['phase'], string>> = {
  forward: 'Forward: the values flow from the inputs to the output.',
  loss: 'Loss: the output is compared with the truth.',
  backward: 'Backward: gradients flow back from the output; w1’s path is marked.',
  update: 'Update: each parameter moves by −learning rate × its gradient.',
};

const UPDATE_CAPTIONS: Readonly<Record<PhaseView['rule'], string>> = {
  sgd: CAPTIONS.update,
  batch:
    'Update: each parameter gets this sample’s share of the batch’s step (−learning rate ÷ batch size × its gradient); it moves once the batch is done.',
  momentum:
    'Update: each parameter’s step is the gradient’s push (−learning rate × its gradient) plus momentum × its last step.',
  adaptive:
    'Update: RMSProp and Adam divide each parameter’s gradient by the running size of its gradients (the Math view’s Optimizer state), so every parameter takes steps of about the learning rate.',
};

/** One sentence in the figure's caption saying what the lit parts show. */
export function PhaseCaption({ view }: { readonly view: PhaseView }) {
  const text = view.phase === 'update' ? UPDATE_CAPTIONS[view.rule] : CAPTIONS[view.phase];
  return <span className="network-phase"> {text}</span>;
}
