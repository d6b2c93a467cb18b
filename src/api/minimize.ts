// minimize(objective, x0, options): the solvers for any objective a library brings.
import { LogRegError, describeValue } from '../core/errors.js';
import type { AnyObjective, AsyncObjective, IterationInfo, Objective, OptimizeOptions, OptimizeResult } from '../optim/types.js';
import { defaults, readOptions } from '../model/options.js';
import { AWAITING_METHODS, METHODS, awaitingSteps, methodSteps, type AwaitingMethod, type MethodName } from '../optim/dispatch.js';
import { runMaybeAsync } from '../optim/pending.js';
import type { Schedule, ShuffleMode } from '../optim/types.js';

/** Every solver but saga, which needs the finite-sum structure only the package's objectives have. */
export type MinimizeMethod = Exclude<MethodName, 'saga'>;
const MINIMIZE_METHODS: readonly string[] = METHODS.filter((m) => m !== 'saga');

export interface MinimizeOptions {
  /** Default 'lbfgs'. */
  method?: MinimizeMethod;
  /**
   * Stop when ‖∇J‖∞ <= tol, and also in the objective's standardised coordinates when it
   * provides convergenceScaling() (logisticObjective does). Default 1e-6.
   */
  tol?: number;
  /** Iterations (epochs for minibatch methods). Default 1000. */
  maxIter?: number;
  learningRate?: number;
  learningRateSchedule?: Schedule;
  powerT?: number;
  /** Minibatch size; needs a StochasticObjective (batchValueAndGradient). */
  batchSize?: number;
  momentum?: number;
  seed?: number;
  /** Minibatch order per epoch: 'rows' (default), 'batches' or 'none' (see the model option). */
  shuffle?: ShuffleMode;
  memory?: number;
  beta1?: number;
  beta2?: number;
  epsilon?: number;
  onIteration?: (info: IterationInfo) => boolean | void;
}

const MINIMIZE_OPTIONS: readonly (keyof MinimizeOptions)[] = [
  'method', 'tol', 'maxIter', 'learningRate', 'learningRateSchedule', 'powerT', 'batchSize', 'momentum', 'seed', 'shuffle',
  'memory', 'beta1', 'beta2', 'epsilon', 'onIteration',
];

/** { x, value, gradientNorm, nIter, converged, reason, lossHistory } */
export type MinimizeResult = OptimizeResult;

function checkObjective(obj: unknown): asserts obj is AnyObjective {
  const o = obj as Partial<Objective> | null;
  if (o === null || typeof o !== 'object' || typeof o.valueAndGradient !== 'function')
    throw new LogRegError('INVALID_INPUT', 'objective must be an object with valueAndGradient(x, g)');
  if (typeof o.dim !== 'number' || !Number.isSafeInteger(o.dim) || o.dim < 1)
    throw new LogRegError('INVALID_INPUT', `objective.dim must be a positive integer, got ${describeValue(o.dim)}`);
}

/**
 * Minimises the objective from x0. An objective whose evaluations return promises (sqlObjective,
 * streamObjective) is awaited: minimize then returns a Promise (methods lbfgs, newton and
 * newton-cholesky).
 */
export function minimize(objective: AsyncObjective, x0: ArrayLike<number>, options?: MinimizeOptions): Promise<MinimizeResult>;
export function minimize(objective: Objective, x0: ArrayLike<number>, options?: MinimizeOptions): MinimizeResult;
export function minimize(objective: AnyObjective, x0: ArrayLike<number>, options: MinimizeOptions = {}): MinimizeResult | Promise<MinimizeResult> {
  checkObjective(objective);
  if (x0 === null || typeof x0 !== 'object' || x0.length !== objective.dim)
    throw new LogRegError('LENGTH_MISMATCH', `x0 must have objective.dim = ${objective.dim} values`);
  const start = Float64Array.from(x0);
  start.forEach((v, j) => {
    if (!Number.isFinite(v)) throw new LogRegError('NON_FINITE', `x0 has ${v} at index ${j}`, { column: j, value: v });
  });
  const given = readOptions(options, MINIMIZE_OPTIONS) as MinimizeOptions;
  const method = given.method ?? 'lbfgs';
  // the model's defaults and rules (model/options.ts), so both entry points mean the same thing
  const opts: OptimizeOptions = {
    maxIter: given.maxIter ?? defaults.maxIter,
    tol: given.tol ?? defaults.tol,
    learningRate: given.learningRate,
    batchSize: given.batchSize,
    momentum: given.momentum ?? defaults.momentum,
    seed: given.seed ?? defaults.seed,
    shuffle: given.shuffle ?? defaults.shuffle,
    schedule: given.learningRateSchedule ?? defaults.learningRateSchedule,
    powerT: given.powerT ?? defaults.powerT,
    memory: given.memory ?? defaults.memory,
    beta1: given.beta1 ?? defaults.beta1,
    beta2: given.beta2 ?? defaults.beta2,
    epsilon: given.epsilon ?? defaults.epsilon,
    onIteration: given.onIteration,
  };
  if (!['rows', 'batches', 'none'].includes(opts.shuffle))
    throw new LogRegError('INVALID_OPTION', `shuffle must be 'rows', 'batches' or 'none', got ${describeValue(opts.shuffle)}`, { option: 'shuffle', value: opts.shuffle });
  if (!MINIMIZE_METHODS.includes(method))
    throw new LogRegError('INVALID_OPTION', `unknown method ${describeValue(method)}`, { option: 'method', value: method });
  // the methods that cannot await refuse a promise at their first evaluation (Monitor)
  const steps = (AWAITING_METHODS as readonly string[]).includes(method)
    ? awaitingSteps(method as AwaitingMethod, objective, start, opts)
    : methodSteps(method as MethodName, objective as Objective, start, opts);
  return runMaybeAsync(steps);
}
