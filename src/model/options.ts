// Options of LogisticRegression: defaults, and validation that names the offending option.
// Only own properties are read, so a polluted Object.prototype cannot inject options.
import { LogRegError, describeValue } from '../core/errors.js';
import { ownFields } from '../core/own.js';
import { METHODS, type MethodName } from '../optim/dispatch.js';
import type { BackendName, LossKind } from '../engine/types.js';
import type { PenaltyName } from '../loss/penalty.js';
import type { IterationInfo, Schedule, ShuffleMode } from '../optim/types.js';

export type MultiClass = 'auto' | 'multinomial' | 'ovr';
export type DType = 'auto' | 'float64' | 'float32';
/** Threads for the full-data passes, or 'auto': the cores for data of 100000 values or more (engine/threads/auto.ts). */
export type ThreadsOption = number | 'auto';

/** A solver by name, or 'auto': chosen per fit from the problem (model/train/auto-solver.ts). */
export type SolverName = MethodName | 'auto';

export interface LogisticRegressionOptions {
  /** Optimiser (see docs/solvers.md). Default 'auto': newton-cholesky, lbfgs or newton from the problem; sgd for partialFit and fitStream. */
  solver?: SolverName;
  /** Inverse regularisation strength, as in scikit-learn (> 0). Default 1. */
  C?: number;
  /** 'l2' (default), 'l1', 'elasticnet' or 'none'; L1 parts need solver 'lbfgs' or 'saga'. */
  penalty?: PenaltyName;
  /** Elastic-net mixing ρ in [0, 1]: ρ‖w‖₁ + (1 − ρ)½‖w‖². Default 0.5. */
  l1Ratio?: number;
  /** 'balanced' (n / (k·count of the class)) or a weight per label; multiplies sample weights. */
  classWeight?: 'balanced' | Record<string, number>;
  /** 'auto' (default: binary for 2 classes, multinomial for more), 'multinomial' or 'ovr'. */
  multiClass?: MultiClass;
  /** Start the next fit from the current coefficients. Default false. */
  warmStart?: boolean;
  /** L-BFGS memory (pairs kept). Default 10. */
  memory?: number;
  /** Adam decay rates and ε. Defaults 0.9, 0.999, 1e-8. */
  beta1?: number;
  beta2?: number;
  epsilon?: number;
  fitIntercept?: boolean;
  /** Iterations (full-batch solvers) or epochs (minibatch solvers). Default 1000. */
  maxIter?: number;
  /** Stop when ‖∇J‖∞ <= tol, in raw and in standardised coordinates (docs/solvers.md). Default 1e-6. */
  tol?: number;
  /** Fixed step size; default: found by backtracking line search. */
  learningRate?: number;
  learningRateSchedule?: Schedule;
  /** Exponent of the invscaling schedule. Default 0.5. */
  powerT?: number;
  /** Minibatch size: sgd (default 32), momentum and nesterov (default: full batch). */
  batchSize?: number;
  /** Momentum coefficient β in [0, 1). Default 0.9. */
  momentum?: number;
  /** Seed of the shuffling PRNG (integer). Default 0. */
  seed?: number;
  /**
   * Minibatch order each epoch (sgd, momentum, nesterov, adam, saga): 'rows' (default) — a new
   * permutation of all rows; 'batches' — contiguous runs of batchSize rows in a new random
   * order; 'none' — stored order. On data larger than cache 'rows' costs ~3× a full pass per
   * row (random reads), 'none' about 1× (docs/performance-notes.md).
   */
  shuffle?: ShuffleMode;
  /** 'log' (binary cross-entropy, default) or 'squared' (½(p − y)²). */
  loss?: LossKind;
  /** 'wasm' (default; falls back to 'js' where WebAssembly is unavailable) or 'js'. */
  backend?: BackendName;
  /**
   * How the wasm backend stores X: 'float64', 'float32' (half the memory and bytes read; the
   * values are rounded to float32 once, the arithmetic stays float64), or 'auto' (default:
   * float32 when X is given as a Float32Array, kept as is). Binary and one-vs-rest models.
   */
  dtype?: DType;
  /**
   * Threads computing the full-data passes of the wasm backend (default 1): rows are split into
   * contiguous shards, one worker each on one shared memory, partial sums added in shard order
   * (the same result for any scheduling). Node starts the workers at the first fit; browsers
   * need a cross-origin isolated page and `await model.startThreads()` before fit. Where threads
   * cannot run, the model uses one thread and says why once. dispose() ends the workers.
   * 'auto': the cores (at most 8) for X of 100000 values or more, one thread below; silent
   * where threads cannot run.
   */
  threads?: ThreadsOption;
  /**
   * Fit on standardised features (each column's mean removed, divided by its standard deviation,
   * as a StandardScaler in front would), then fold the scaling into the coefficients: the penalty
   * acts on the standardised coefficients, the model predicts raw rows, and its JSON is a plain
   * model. Without an intercept the columns are only scaled (no intercept can absorb a shift).
   * Batch fits only (it needs the whole data set); X is copied once more. Default false.
   */
  standardize?: boolean;
  /** Names of the d features, kept in the model and its JSON and used in reports. */
  featureNames?: string[];
  /** Called after every iteration; returning false stops the fit. */
  onIteration?: (info: IterationInfo) => boolean | void;
}

export interface ResolvedOptions {
  solver: SolverName;
  C: number;
  penalty: PenaltyName;
  l1Ratio: number;
  classWeight: 'balanced' | Record<string, number> | undefined;
  multiClass: MultiClass;
  warmStart: boolean;
  memory: number;
  beta1: number;
  beta2: number;
  epsilon: number;
  fitIntercept: boolean;
  maxIter: number;
  tol: number;
  learningRate: number | undefined;
  learningRateSchedule: Schedule;
  powerT: number;
  batchSize: number | undefined;
  momentum: number;
  seed: number;
  shuffle: ShuffleMode;
  loss: LossKind;
  backend: BackendName;
  dtype: DType;
  threads: ThreadsOption;
  standardize: boolean;
  featureNames: string[] | undefined;
  onIteration: ((info: IterationInfo) => boolean | void) | undefined;
}

type Check = (v: unknown, name: string) => unknown;

function invalid(name: string, v: unknown, want: string): LogRegError {
  return new LogRegError('INVALID_OPTION', `option ${name} must be ${want}, got ${describeValue(v)}`, {
    option: name,
    value: v,
  });
}

const oneOf =
  (...allowed: string[]): Check =>
  (v, name) => {
    if (typeof v !== 'string' || !allowed.includes(v)) throw invalid(name, v, `one of ${allowed.map((a) => `'${a}'`).join(', ')}`);
    return v;
  };

const number =
  (ok: (x: number) => boolean, want: string): Check =>
  (v, name) => {
    if (typeof v !== 'number' || !Number.isFinite(v) || !ok(v)) throw invalid(name, v, want);
    return v;
  };

const integer =
  (min: number, want: string, max = Number.MAX_SAFE_INTEGER): Check =>
  (v, name) => {
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < min || v > max) throw invalid(name, v, want);
    return v;
  };

const boolean: Check = (v, name) => {
  if (typeof v !== 'boolean') throw invalid(name, v, 'true or false');
  return v;
};

const fn: Check = (v, name) => {
  if (typeof v !== 'function') throw invalid(name, v, 'a function');
  return v;
};

const checks: Record<keyof LogisticRegressionOptions, Check> = {
  solver: oneOf('auto', ...METHODS),
  C: number((x) => x > 0, 'a finite number > 0'),
  penalty: oneOf('l2', 'l1', 'elasticnet', 'none'),
  l1Ratio: number((x) => x >= 0 && x <= 1, 'a number in [0, 1]'),
  classWeight: (v, name) => {
    if (v === 'balanced') return v;
    if (v === null || typeof v !== 'object' || Array.isArray(v)) throw invalid(name, v, "'balanced' or an object { label: weight }");
    const out: Record<string, number> = Object.create(null);
    for (const k of Object.keys(v)) {
      const w = (v as Record<string, unknown>)[k];
      if (typeof w !== 'number' || !Number.isFinite(w) || w < 0) throw invalid(`${name}.${k}`, w, 'a finite number >= 0');
      out[k] = w;
    }
    return out;
  },
  multiClass: oneOf('auto', 'multinomial', 'ovr'),
  warmStart: boolean,
  memory: integer(1, 'an integer from 1 to 1000', 1000), // pairs of dim-sized vectors are allocated up front
  beta1: number((x) => x >= 0 && x < 1, 'a number in [0, 1)'),
  beta2: number((x) => x >= 0 && x < 1, 'a number in [0, 1)'),
  epsilon: number((x) => x > 0, 'a finite number > 0'),
  fitIntercept: boolean,
  maxIter: integer(1, 'an integer >= 1'),
  tol: number((x) => x >= 0, 'a finite number >= 0'),
  learningRate: number((x) => x > 0, 'a finite number > 0'),
  learningRateSchedule: oneOf('constant', 'invscaling'),
  powerT: number((x) => x > 0, 'a finite number > 0'),
  batchSize: integer(1, 'an integer >= 1'),
  momentum: number((x) => x >= 0 && x < 1, 'a number in [0, 1)'),
  seed: integer(-(2 ** 31), 'an integer'),
  shuffle: oneOf('rows', 'batches', 'none'),
  loss: oneOf('log', 'squared'),
  backend: oneOf('wasm', 'js'),
  dtype: oneOf('auto', 'float64', 'float32'),
  threads: (v, name) => checkThreads(v, name),
  standardize: boolean,
  featureNames: (v, name) => {
    if (!Array.isArray(v) || v.length === 0 || !v.every((s) => typeof s === 'string')) throw invalid(name, v, 'a non-empty array of names');
    return v.slice();
  },
  onIteration: fn,
};

/** The threads option (model and logisticObjective): an integer from 1 to 64, or 'auto'. */
export function checkThreads(v: unknown, name = 'threads'): ThreadsOption {
  if (v === 'auto') return v;
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 1 || v > 64) throw invalid(name, v, "an integer from 1 to 64, or 'auto'");
  return v;
}

export const defaults: Omit<ResolvedOptions, 'learningRate' | 'batchSize' | 'onIteration' | 'classWeight' | 'featureNames'> = {
  solver: 'auto',
  C: 1,
  penalty: 'l2',
  l1Ratio: 0.5,
  multiClass: 'auto',
  warmStart: false,
  memory: 10,
  beta1: 0.9,
  beta2: 0.999,
  epsilon: 1e-8,
  fitIntercept: true,
  maxIter: 1000,
  tol: 1e-6,
  learningRateSchedule: 'constant',
  powerT: 0.5,
  momentum: 0.9,
  seed: 0,
  shuffle: 'rows',
  loss: 'log',
  backend: 'wasm',
  dtype: 'auto',
  threads: 1,
  standardize: false,
};

/**
 * The own properties of `input` named in `names` (any other is UNKNOWN_OPTION), each model option
 * among them validated by the model's rule for it; undefined values are left out.
 */
export function readOptions(input: unknown, names: readonly string[], what = 'option'): Record<string, unknown> {
  const given = ownFields(input, what, names);
  const out: Record<string, unknown> = Object.create(null);
  for (const key of Object.keys(given)) {
    const v = given[key];
    if (v === undefined) continue;
    out[key] = Object.hasOwn(checks, key) ? checks[key as keyof LogisticRegressionOptions](v, key) : v;
  }
  return out;
}

const MODEL_OPTIONS = Object.keys(checks);

export function resolveOptions(input: unknown): ResolvedOptions {
  const out: Record<string, unknown> = { ...defaults, learningRate: undefined, batchSize: undefined, onIteration: undefined, classWeight: undefined, featureNames: undefined };
  Object.assign(out, readOptions(input, MODEL_OPTIONS));
  const o = out as unknown as ResolvedOptions;
  if (o.dtype === 'float32' && o.backend === 'js')
    throw new LogRegError('INVALID_OPTION', "dtype 'float32' is a storage of the wasm backend; the js backend stores float64", { option: 'dtype', value: o.dtype });
  if ((o.penalty === 'l1' || o.penalty === 'elasticnet') && o.solver !== 'lbfgs' && o.solver !== 'saga' && o.solver !== 'auto')
    throw new LogRegError(
      'INVALID_OPTION',
      `penalty '${o.penalty}' needs solver 'lbfgs' (OWL-QN) or 'saga'; got solver '${o.solver}'`,
      { option: 'solver', value: o.solver },
    );
  return o;
}
