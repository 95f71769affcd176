import { useMemo } from 'react';
import { useLab } from '../../store/labStore';
import { MIN_HEIGHT_DOMAIN, MIN_WEIGHT_DOMAIN, dataExtent, paddedDomain, type Domain } from './layout';

/**
 * The weight/height plane's domain, shared by the Decision boundary and the hidden-neuron maps: it
 * follows the data's extent, not each frame (primitive deps keep it fixed while training).
 */
export function usePlaneDomain(): { xDomain: Domain; yDomain: Domain } {
  const people = useLab((state) => state.people);
  const { weightLow, weightHigh, heightLow, heightHigh } = useMemo(() => dataExtent(people), [people]);
  const xDomain = useMemo(
    () => paddedDomain(weightLow, weightHigh, MIN_WEIGHT_DOMAIN),
    [weightLow, weightHigh],
  );
  const yDomain = useMemo(
    () => paddedDomain(heightLow, heightHigh, MIN_HEIGHT_DOMAIN),
    [heightLow, heightHigh],
  );
  return { xDomain, yDomain };
}
