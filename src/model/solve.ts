// Dispatches a solver name to its optimiser over the objective.
import type { OptimizeOptions, OptimizeResult, StochasticObjective } from '../optim/types.js';
import type { ResolvedOptions } from './options.js';
import { gd } from '../optim/gd.js';
import { momentumFullBatch } from '../optim/momentum.js';
import { stochastic } from '../optim/stochastic.js';

export function solve(obj: StochasticObjective, x0: Float64Array, o: ResolvedOptions): OptimizeResult {
  const opts: OptimizeOptions = {
    maxIter: o.maxIter,
    tol: o.tol,
    learningRate: o.learningRate,
    batchSize: o.batchSize,
    momentum: o.momentum,
    seed: o.seed,
    schedule: o.learningRateSchedule,
    powerT: o.powerT,
    onIteration: o.onIteration,
  };
  switch (o.solver) {
    case 'gd':
      return gd(obj, x0, opts);
    case 'sgd':
      return stochastic(obj, x0, opts, 'none');
    case 'momentum':
    case 'nesterov':
      return o.batchSize === undefined
        ? momentumFullBatch(obj, x0, opts, o.solver === 'nesterov')
        : stochastic(obj, x0, opts, o.solver === 'nesterov' ? 'nesterov' : 'heavy');
  }
}
