import { TrainingHistory } from './history';

/**
 * Every epoch's loss and parameters for the current run, bounded (it thins itself). It is mutable and
 * fast, so it lives outside React state: components read it when `historyVersion` in the store bumps.
 */
export const runHistory = new TrainingHistory();
