import type { ReactNode } from 'react';
import { formatExact } from '../format';

interface ExactLossProps {
  readonly loss: number;
  /** Training runs live: the loss changes every frame. */
  readonly live: boolean;
  readonly className: string;
  readonly children: ReactNode;
}

/**
 * A status figure whose title gives the loss in full. Paused, the title is rendered with it. While training
 * it is written only when a pointer comes over the figure: a title rewritten every frame made the browser
 * recompute the figure's style every frame (the user-agent sheet styles `abbr[title]`), for a tooltip that
 * shows the value of the moment it opens anyway.
 */
export function ExactLoss({ loss, live, className, children }: ExactLossProps) {
  return (
    <span
      className={className}
      title={live ? undefined : formatExact(loss)}
      onPointerEnter={
        live
          ? (event) => {
              event.currentTarget.title = formatExact(loss);
            }
          : undefined
      }
    >
      {children}
    </span>
  );
}
