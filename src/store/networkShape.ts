import { hiddenFromParamCount, paramCount, type Architecture } from '../core/architecture';
import { traceSample, type SampleTrace } from '../core/backward';
import { predict } from '../core/forward';
import { squaredError } from '../core/loss';
import { netTraceSample } from '../core/netBackward';
import { netForwardPass, netPredict } from '../core/netForward';
import { crossEntropyFromSum } from '../core/netLoss';
import type { Params } from '../core/network';
import { runStore, useRun } from './runStore';

/**
 * The network the shown parameters belong to, for the views' own forward and backward passes. The run's
 * architecture comes from the worker with its parameters, so the two always fit; a parameter vector of
 * another length (a view still holding an older run's) is read with its own hidden count.
 */
export function shapeFor(params: Params, architecture: Architecture): Architecture {
  if (paramCount(architecture.hidden) === params.length) return architecture;
  const hidden = hiddenFromParamCount(params.length);
  return hidden === null ? architecture : { ...architecture, hidden };
}

/** The live run's architecture (the one its parameters and history belong to). */
export function useRunArchitecture(): Architecture {
  return useRun((state) => state.run.architecture);
}

export function currentRunArchitecture(): Architecture {
  return runStore.getState().run.architecture;
}

/** The article's 2-2-1 sigmoid network: the views keep its own code, where the reference numbers live. */
const isArticleShape = (net: Architecture): boolean => net.hidden === 2 && net.activation === 'sigmoid';

/** The prediction ypred for scaled inputs. */
export function predictWith(net: Architecture, params: Params, x1: number, x2: number): number {
  const shape = shapeFor(params, net);
  return isArticleShape(shape) ? predict(params, x1, x2) : netPredict(shape, params, x1, x2);
}

/** One person's own loss under the run's loss: (ytrue - ypred)^2, or the cross-entropy. */
export function personLoss(
  net: Architecture,
  params: Params,
  x1: number,
  x2: number,
  target: number,
): number {
  const shape = shapeFor(params, net);
  if (shape.loss === 'mse') return squaredError(target, predictWith(shape, params, x1, x2));
  const forward = netForwardPass(shape, params, x1, x2);
  return crossEntropyFromSum(target, forward[2 * shape.hidden]!);
}

/** Forward values, chain-rule factors and gradient of one sample (bufferLayout.ts layouts). */
export function traceWith(
  net: Architecture,
  params: Params,
  x1: number,
  x2: number,
  target: number,
): SampleTrace {
  const shape = shapeFor(params, net);
  return isArticleShape(shape) && shape.loss === 'mse'
    ? traceSample(params, x1, x2, target)
    : netTraceSample(shape, params, x1, x2, target);
}
