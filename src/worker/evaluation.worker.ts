/// <reference lib="webworker" />
/** The evaluation worker: measures the test rows for every epoch the training worker sends it. */
import { Evaluator, type EvaluatorCommand } from './evaluation';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const evaluator = new Evaluator((message, transfer) => scope.postMessage(message, transfer));
scope.onmessage = (event: MessageEvent<EvaluatorCommand>) => evaluator.handle(event.data);
