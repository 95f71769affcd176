import { initialLabState, useLab } from '../../src/store/labStore';
import { runHistory } from '../../src/store/runHistory';

/** A fresh lab for each test: default state, no undo past, empty history. */
export function resetLab(): void {
  useLab.setState(initialLabState(), true);
  useLab.temporal.getState().clear();
  runHistory.clear();
}
