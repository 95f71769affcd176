/// <reference lib="webworker" />
/** The training worker: a thin adapter that hands commands to a TrainingSession and posts its frames. */
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
});

scope.onmessage = (event: MessageEvent<Command>) => session.handle(event.data);
