// The model's solver options as optimiser options, and the solver's steps (optim/dispatch.ts).
import type { AnyObjective, OptimizeOptions, StochasticObjective } from '../../optim/types.js';
import type { Steps } from '../../optim/monitor.js';
import { awaitingSteps, methodSteps, type AwaitingMethod, type MethodName } from '../../optim/dispatch.js';
import type { ResolvedOptions } from '../options.js';
import { autoSolver, type ProblemFacts } from './auto-solver.js';

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

/** The solver a batch fit runs: the one named, or auto's choice for this problem. */
export function batchSolver(o: ResolvedOptions, p: ProblemFacts): MethodName {
  return o.solver === 'auto' ? autoSolver(o, p) : o.solver;
}

export function solveSteps(method: MethodName, obj: StochasticObjective, x0: Float64Array, o: ResolvedOptions): Steps {
  return methodSteps(method, obj, x0, optimizeOptions(o));
}

/** The steps of a solver that awaits (over data outside memory). */
export function awaitingSolveSteps(method: AwaitingMethod, obj: AnyObjective, x0: Float64Array, o: ResolvedOptions): Steps {
  return awaitingSteps(method, obj, x0, optimizeOptions(o));
}
