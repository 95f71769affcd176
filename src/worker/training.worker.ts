/// <reference lib="webworker" />
/** The training worker: a thin adapter that hands commands to a TrainingSession and posts its frames. */
import type { EvaluatedMessage } from './evaluation';
import type { EvaluatorLink } from './frameRelay';
import type { Command } from './protocol';
import { TrainingSession } from './session';

const scope = self as unknown as DedicatedWorkerGlobalScope;

// A MessageChannel hop lets queued commands run between slices without setTimeout's 4 ms clamp.
const channel = new MessageChannel();
const yielded: (() => void)[] = [];
channel.port1.onmessage = () => yielded.shift()?.();

const session = new TrainingSession({
  post: (message, transfer) => scope.postMessage(message, transfer),
  now: () => performance.now(),
  yieldThen: (task) => {
    yielded.push(task);
    channel.port2.postMessage(null);
  },
  after: (ms, task) => setTimeout(task, ms),
  startEvaluator,
});

/** A second thread for the test rows' metrics, its answers and failures handed to the session. */
function startEvaluator(): EvaluatorLink | null {
  let evaluation: Worker;
  try {
    evaluation = new Worker(new URL('./evaluation.worker.ts', import.meta.url), {
      type: 'module',
      name: 'evaluation',
    });
  } catch {
    return null; // a browser without workers in workers: the loop measures the test rows itself
  }
  evaluation.onmessage = (event: MessageEvent<EvaluatedMessage>) => session.relay.evaluated(event.data);
  evaluation.onerror = (event) => {
    event.preventDefault();
    session.relay.failed();
  };
  evaluation.onmessageerror = () => session.relay.failed();
  return {
    post: (message, transfer) => evaluation.postMessage(message, transfer),
    terminate: () => evaluation.terminate(),
  };
}

scope.onmessage = (event: MessageEvent<Command>) => session.handle(event.data);
