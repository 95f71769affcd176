import { TrainingHistory } from './history';

/**
 * Every epoch's loss and parameters for the current run, bounded (it thins itself). It is mutable and
 * fast, so it lives outside React state: components read it when `historyVersion` in the store bumps.
 * 2^16 records draw any curve a screen can show: 6.3 MB at the article's 9 parameters, 18.9 MB at 8 hidden
 * neurons (33 parameters; a record is (3 + parameters) × 8 bytes). A power of two, so that thinning an
 * unbroken run moves no record (history.ts).
 */
export const HISTORY_CAP = 2 ** 16;
export const runHistory = new TrainingHistory({ cap: HISTORY_CAP });
