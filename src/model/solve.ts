// Dispatches a solver name to its optimiser over the objective.
import type { FiniteSumObjective, OptimizeOptions, OptimizeResult, StochasticObjective } from '../optim/types.js';
import { LogRegError } from '../errors.js';
import type { ResolvedOptions } from './options.js';
import { gd } from '../optim/gd.js';
import { momentumFullBatch } from '../optim/momentum.js';
import { stochastic } from '../optim/stochastic.js';
import { lbfgs } from '../optim/lbfgs.js';
import { newton } from '../optim/newton.js';
import { adam } from '../optim/adam.js';
import { saga } from '../optim/saga.js';

export function optimizeOptions(o: ResolvedOptions): OptimizeOptions {
  return {
    maxIter: o.maxIter,
    tol: o.tol,
    learningRate: o.learningRate,
    batchSize: o.batchSize,
    momentum: o.momentum,
    seed: o.seed,
    schedule: o.learningRateSchedule,
    powerT: o.powerT,
    memory: o.memory,
    beta1: o.beta1,
    beta2: o.beta2,
    epsilon: o.epsilon,
    onIteration: o.onIteration,
  };
}

export function solve(obj: StochasticObjective, x0: Float64Array, o: ResolvedOptions): OptimizeResult {
  const opts = optimizeOptions(o);
  switch (o.solver) {
    case 'lbfgs':
      return lbfgs(obj, x0, opts);
    case 'newton':
      return newton(obj, x0, opts);
    case 'gd':
      return gd(obj, x0, opts);
    case 'sgd':
      return stochastic(obj, x0, opts, 'none');
    case 'momentum':
    case 'nesterov':
      return o.batchSize === undefined
        ? momentumFullBatch(obj, x0, opts, o.solver === 'nesterov')
        : stochastic(obj, x0, opts, o.solver === 'nesterov' ? 'nesterov' : 'heavy');
    case 'adam':
      return adam(obj, x0, opts);
    case 'saga':
      if (!isFiniteSum(obj))
        throw new LogRegError(
          'INVALID_OPTION',
          "solver 'saga' fits binary and one-vs-rest models; use 'lbfgs' for multinomial (with L1 too)",
          { option: 'solver', value: 'saga' },
        );
      return saga(obj, x0, { ...opts, batchSize: o.batchSize ?? 32 });
  }
}

function isFiniteSum(obj: StochasticObjective): obj is FiniteSumObjective {
  return typeof (obj as Partial<FiniteSumObjective>).sagaUpdate === 'function';
}
