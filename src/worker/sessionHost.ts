import type { EvaluatorLink } from './frameRelay';
import type { WorkerMessage } from './protocol';

/** What the session needs from its surroundings (the worker global, or a test). */
export interface SessionHost {
  post(message: WorkerMessage, transfer: Transferable[]): void;
  now(): number;
  /** Runs `task` as soon as pending messages have been handled (a macrotask, not clamped like setTimeout). */
  yieldThen(task: () => void): void;
  after(ms: number, task: () => void): void;
  /** Starts the evaluation worker (see FrameRelay); without one the loop measures the test rows itself. */
  startEvaluator?: () => EvaluatorLink | null;
}
