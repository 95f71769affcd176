import type { Architecture } from '../../core/architecture';
import type { Params } from '../../core/network';
import { useArchitectureFor } from '../../store/derived';

/**
 * The architecture of the network a view shows: the run's (as the worker reports it, not the settings,
 * which may already ask for the next run), sized by the shown parameters themselves, so a view never
 * indexes a parameter vector with another network's layout.
 */
export function useShownArchitecture(params: Params): Architecture {
  return useArchitectureFor(params);
}
