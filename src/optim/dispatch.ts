// The one place that maps a method name to its optimiser (used by the model and by minimize).
import { LogRegError, describeValue } from '../core/errors.js';
import type { AnyObjective, FiniteSumObjective, Objective, OptimizeOptions, StochasticObjective } from './types.js';
import { gd } from './gd.js';
import { momentumFullBatch } from './momentum.js';
import { stochastic } from './stochastic.js';
import { lbfgs } from './lbfgs.js';
import { newton } from './newton.js';
import { newtonCholesky } from './newton-cholesky.js';
import { adam } from './adam.js';
import { saga } from './saga.js';
import { DEFAULT_BATCH } from './epochs.js';
import type { Steps } from './monitor.js';

/** Every solver, spelled once. */
export const METHODS = ['lbfgs', 'newton', 'newton-cholesky', 'gd', 'sgd', 'momentum', 'nesterov', 'adam', 'saga'] as const;
export type MethodName = (typeof METHODS)[number];
/** The solvers that can await an objective answering with a promise (pending.ts). */
export const AWAITING_METHODS = ['lbfgs', 'newton', 'newton-cholesky'] as const;
export type AwaitingMethod = (typeof AWAITING_METHODS)[number];
/** The solvers that also train online (one pass of updates per batch: partialFit, fitStream). */
export const ONLINE_METHODS: readonly MethodName[] = ['sgd', 'momentum', 'nesterov', 'adam'];


function stochasticOrFail(obj: Objective, method: string): StochasticObjective {
  const s = obj as Partial<StochasticObjective>;
  if (typeof s.batchValueAndGradient !== 'function' || typeof s.nSamples !== 'number')
    throw new LogRegError(
      'INVALID_OPTION',
      `method '${method}' with minibatches needs an objective with nSamples and batchValueAndGradient(x, g, indices)`,
      { option: 'batchSize' },
    );
  return obj as StochasticObjective;
}

function finiteSumOrFail(obj: Objective): FiniteSumObjective {
  if (typeof (obj as Partial<FiniteSumObjective>).sagaUpdate !== 'function')
    throw new LogRegError(
      'INVALID_OPTION',
      "solver 'saga' fits binary and one-vs-rest models; use 'lbfgs' for multinomial (with L1 too)",
      { option: 'solver', value: 'saga' },
    );
  return obj as FiniteSumObjective;
}

/** A full-batch view of a smooth objective for the epoch-based methods. */
function asFullBatch(obj: Objective): StochasticObjective {
  if (typeof (obj as Partial<StochasticObjective>).batchValueAndGradient === 'function') return obj as StochasticObjective;
  return {
    dim: obj.dim,
    nSamples: 1,
    l1: obj.l1,
    valueAndGradient: (x, g) => obj.valueAndGradient(x, g),
    batchValueAndGradient: (x, g) => obj.valueAndGradient(x, g),
  };
}

/** `method` as steps (monitor.ts); minibatch variants when opts.batchSize is set (sgd and saga always batch). */
export function methodSteps(method: MethodName, obj: Objective, x0: Float64Array, opts: OptimizeOptions): Steps {
  const batched = opts.batchSize !== undefined;
  switch (method) {
    case 'lbfgs':
      return lbfgs(obj, x0, opts);
    case 'newton':
      return newton(obj, x0, opts);
    case 'newton-cholesky':
      return newtonCholesky(obj, x0, opts);
    case 'gd':
      return gd(obj, x0, opts);
    case 'sgd':
      return stochastic(stochasticOrFail(obj, method), x0, opts, 'none');
    case 'momentum':
    case 'nesterov':
      return batched
        ? stochastic(stochasticOrFail(obj, method), x0, opts, method === 'nesterov' ? 'nesterov' : 'heavy')
        : momentumFullBatch(obj, x0, opts, method === 'nesterov');
    case 'adam':
      return adam(batched ? stochasticOrFail(obj, method) : asFullBatch(obj), x0, opts);
    case 'saga':
      const fs = finiteSumOrFail(obj);
      return saga(fs, x0, { ...opts, batchSize: opts.batchSize ?? fs.sagaBatch ?? DEFAULT_BATCH });
    default:
      throw new LogRegError('INVALID_OPTION', `unknown method ${describeValue(method)}`, { option: 'method', value: method });
  }
}

/** `method` over an objective that may answer with promises. */
export function awaitingSteps(method: AwaitingMethod, obj: AnyObjective, x0: Float64Array, opts: OptimizeOptions): Steps {
  return method === 'lbfgs' ? lbfgs(obj, x0, opts) : method === 'newton' ? newton(obj, x0, opts) : newtonCholesky(obj, x0, opts);
}
