import { useMemo } from 'react';
import { useDeferredPeople, useMeasure } from '../../store/derived';
import {
  MIN_HEIGHT_DOMAIN,
  MIN_WEIGHT_DOMAIN,
  dataExtent,
  paddedDomain,
  plainDomain,
  type Domain,
} from '../../viz/planeLayout';

/**
 * The weight/height plane's domain, shared by the Decision boundary and the hidden-neuron maps: it
 * follows the data's extent, not each frame (primitive deps keep it fixed while training). It is in
 * the model's units (lb, in) whatever the table shows; an imported file's columns get their own range.
 */
export function usePlaneDomain(): { xDomain: Domain; yDomain: Domain } {
  const people = useDeferredPeople();
  const measure = useMeasure();
  const { weightLow, weightHigh, heightLow, heightHigh } = useMemo(
    () => dataExtent(people, measure),
    [people, measure],
  );
  const plain = measure === 'plain';
  const xDomain = useMemo(
    () =>
      plain ? plainDomain(weightLow, weightHigh) : paddedDomain(weightLow, weightHigh, MIN_WEIGHT_DOMAIN),
    [plain, weightLow, weightHigh],
  );
  const yDomain = useMemo(
    () =>
      plain ? plainDomain(heightLow, heightHigh) : paddedDomain(heightLow, heightHigh, MIN_HEIGHT_DOMAIN),
    [plain, heightLow, heightHigh],
  );
  return { xDomain, yDomain };
}
