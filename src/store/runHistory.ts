import { TrainingHistory } from './history';

/**
 * Every epoch's loss and parameters for the current run, bounded (it thins itself). It is mutable and
 * fast, so it lives outside React state: components read it when `historyVersion` in the store bumps.
 * 2^16 records (6 MB) draw any curve a screen can show; thinning that many takes a few ms on the main
 * thread, where 2^18 took up to 70 ms (bench/README.md).
 */
export const HISTORY_CAP = 2 ** 16;
export const runHistory = new TrainingHistory({ cap: HISTORY_CAP });
