// minimize(objective, x0, options): the solvers for any objective a library brings.
import { LogRegError, describeValue } from '../errors.js';
import type { IterationInfo, Objective, OptimizeOptions, StochasticObjective, StopReason } from '../optim/types.js';
import { gd } from '../optim/gd.js';
import { momentumFullBatch } from '../optim/momentum.js';
import { stochastic } from '../optim/stochastic.js';
import { lbfgs } from '../optim/lbfgs.js';
import { newton } from '../optim/newton.js';
import { adam } from '../optim/adam.js';
import type { Schedule } from '../optim/types.js';

export type MinimizeMethod = 'gd' | 'sgd' | 'momentum' | 'nesterov' | 'adam' | 'lbfgs' | 'newton';

export interface MinimizeOptions {
  /** Default 'lbfgs'. */
  method?: MinimizeMethod;
  /** Stop when ‖∇J‖∞ <= tol·max(1, ‖∇J(x₀)‖∞). Default 1e-6. */
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
  memory?: number;
  beta1?: number;
  beta2?: number;
  epsilon?: number;
  onIteration?: (info: IterationInfo) => boolean | void;
}

export interface MinimizeResult {
  x: Float64Array;
  value: number;
  gradientNorm: number;
  nIter: number;
  converged: boolean;
  reason: StopReason;
  lossHistory: number[];
}

function checkObjective(obj: unknown): asserts obj is Objective {
  const o = obj as Partial<Objective> | null;
  if (o === null || typeof o !== 'object' || typeof o.valueAndGradient !== 'function')
    throw new LogRegError('INVALID_INPUT', 'objective must be an object with valueAndGradient(x, g)');
  if (typeof o.dim !== 'number' || !Number.isSafeInteger(o.dim) || o.dim < 1)
    throw new LogRegError('INVALID_INPUT', `objective.dim must be a positive integer, got ${describeValue(o.dim)}`);
}

function stochasticOrFail(obj: Objective, method: string): StochasticObjective {
  const s = obj as Partial<StochasticObjective>;
  if (typeof s.batchValueAndGradient !== 'function' || typeof s.nSamples !== 'number')
    throw new LogRegError(
      'INVALID_OPTION',
      `method '${method}' with batchSize needs an objective with nSamples and batchValueAndGradient(x, g, indices)`,
      { option: 'batchSize' },
    );
  return obj as StochasticObjective;
}

/** A full-batch view of a smooth objective for the epoch-based methods. */
function asFullBatch(obj: Objective): StochasticObjective {
  return {
    dim: obj.dim,
    nSamples: 1,
    l1: obj.l1,
    valueAndGradient: (x, g) => obj.valueAndGradient(x, g),
    batchValueAndGradient: (x, g) => obj.valueAndGradient(x, g),
  };
}

export function minimize(objective: Objective, x0: ArrayLike<number>, options: MinimizeOptions = {}): MinimizeResult {
  checkObjective(objective);
  if (x0 === null || typeof x0 !== 'object' || x0.length !== objective.dim)
    throw new LogRegError('LENGTH_MISMATCH', `x0 must have objective.dim = ${objective.dim} values`);
  const start = Float64Array.from(x0);
  start.forEach((v, j) => {
    if (!Number.isFinite(v)) throw new LogRegError('NON_FINITE', `x0 has ${v} at index ${j}`, { column: j, value: v });
  });
  const method = options.method ?? 'lbfgs';
  const opts: OptimizeOptions = {
    maxIter: options.maxIter ?? 1000,
    tol: options.tol ?? 1e-6,
    learningRate: options.learningRate,
    batchSize: options.batchSize,
    momentum: options.momentum ?? 0.9,
    seed: options.seed ?? 0,
    schedule: options.learningRateSchedule ?? 'constant',
    powerT: options.powerT ?? 0.5,
    memory: options.memory ?? 10,
    beta1: options.beta1 ?? 0.9,
    beta2: options.beta2 ?? 0.999,
    epsilon: options.epsilon ?? 1e-8,
    onIteration: options.onIteration,
  };
  const r = run();
  return {
    x: r.x,
    value: r.value,
    gradientNorm: r.gradientNorm,
    nIter: r.nIter,
    converged: r.converged,
    reason: r.reason,
    lossHistory: r.lossHistory,
  };

  function run() {
    const batched = options.batchSize !== undefined;
    switch (method) {
      case 'lbfgs':
        return lbfgs(objective, start, opts);
      case 'newton':
        return newton(objective, start, opts);
      case 'gd':
        return gd(objective, start, opts);
      case 'sgd':
        return stochastic(stochasticOrFail(objective, method), start, opts, 'none');
      case 'momentum':
      case 'nesterov':
        return batched
          ? stochastic(stochasticOrFail(objective, method), start, opts, method === 'nesterov' ? 'nesterov' : 'heavy')
          : momentumFullBatch(objective, start, opts, method === 'nesterov');
      case 'adam':
        return adam(batched ? stochasticOrFail(objective, method) : asFullBatch(objective), start, opts);
      default:
        throw new LogRegError('INVALID_OPTION', `unknown method ${describeValue(method)}`, { option: 'method', value: method });
    }
  }
}
