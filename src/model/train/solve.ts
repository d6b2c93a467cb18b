// The model's solver options as optimiser options, and the solver's steps (optim/dispatch.ts).
import type { OptimizeOptions, StochasticObjective } from '../../optim/types.js';
import type { Steps } from '../../optim/monitor.js';
import { methodSteps } from '../../optim/dispatch.js';
import type { ResolvedOptions } from '../options.js';

export function optimizeOptions(o: ResolvedOptions): OptimizeOptions {
  return {
    maxIter: o.maxIter,
    tol: o.tol,
    learningRate: o.learningRate,
    batchSize: o.batchSize,
    momentum: o.momentum,
    seed: o.seed,
    shuffle: o.shuffle,
    schedule: o.learningRateSchedule,
    powerT: o.powerT,
    memory: o.memory,
    beta1: o.beta1,
    beta2: o.beta2,
    epsilon: o.epsilon,
    onIteration: o.onIteration,
  };
}

export function solveSteps(obj: StochasticObjective, x0: Float64Array, o: ResolvedOptions): Steps {
  return methodSteps(o.solver, obj, x0, optimizeOptions(o));
}
