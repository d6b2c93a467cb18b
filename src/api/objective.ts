// logisticObjective(X, y, options): the package's objective, backed by the kernels, for any
// external optimiser. Data is copied into the backend once; dispose() frees it.
import { LogRegError, describeValue } from '../core/errors.js';
import { matrixSource, storedValues } from '../data/matrix.js';
import { binaryTarget, encodeClasses, type Label } from '../data/labels.js';
import { readSampleWeight } from '../data/weights.js';
import { Engine } from '../engine/engine.js';
import { defaults, readOptions, type ThreadsOption } from '../model/options.js';
import type { BackendName, KernelDataset, LossKind } from '../engine/types.js';
import { LogisticObjective } from '../loss/logistic-objective.js';
import type { PenaltyName } from '../loss/penalty.js';
import type { GradientHessian, L1Term, SgdEpochRequest, StochasticObjective } from '../optim/types.js';

export interface LogisticObjectiveOptions {
  C?: number;
  penalty?: PenaltyName;
  l1Ratio?: number;
  fitIntercept?: boolean;
  loss?: LossKind;
  sampleWeight?: ArrayLike<number>;
  backend?: BackendName;
  /** Threads for full-data passes (see the model option); dispose() ends the workers. Default 1. */
  threads?: ThreadsOption;
}

/**
 * J over the parameter vector [w (d), b] (b last; absent without fitIntercept):
 * (1/S) Σ s_i ℓ_i + (l2/2)‖w‖² — the L1 part of 'l1' / 'elasticnet' is in `l1`.
 */
export interface DisposableObjective extends StochasticObjective {
  readonly classes: Label[];
  readonly sumWeights: number;
  readonly backend: BackendName;
  /** Threads computing full-data passes (1 when threads could not start here). */
  readonly threads: number;
  hessianVectorProduct(x: Float64Array, v: Float64Array, out: Float64Array): void;
  /** J and ∇J at x with the Hessian-vector product at that x, valid whatever is evaluated in between. */
  gradientHessian(x: Float64Array, g: Float64Array): GradientHessian;
  /**
   * The unnormalised data part on these rows: returns Σ s_i ℓ_i and writes Σ s_i ∇ℓ_i into g
   * (no 1/S, no penalty) — sums of shards add up to the whole data set's.
   */
  partialValueAndGradient(x: Float64Array, g: Float64Array): number;
  /** accelerator.sgdEpoch({ x, v, order, batch, eta, beta, nesterov }): a whole epoch of minibatch (momentum) SGD in one call. */
  readonly accelerator: { sgdEpoch(r: SgdEpochRequest): void };
  dispose(): void;
}

const OBJECTIVE_OPTIONS: readonly (keyof LogisticObjectiveOptions)[] = ['C', 'penalty', 'l1Ratio', 'fitIntercept', 'loss', 'sampleWeight', 'backend', 'threads'];

export function logisticObjective(X: unknown, y: unknown, options?: LogisticObjectiveOptions): DisposableObjective {
  const given = readOptions(options, OBJECTIVE_OPTIONS) as LogisticObjectiveOptions;
  const C = given.C ?? defaults.C;
  const penalty = given.penalty ?? defaults.penalty;
  const src = matrixSource(X, 'X');
  const { classes, codes } = encodeClasses(y, src.rows);
  if (classes.length !== 2) throw new LogRegError('LABELS', `logisticObjective needs exactly two classes, found ${classes.length}`);
  const threads = given.threads ?? defaults.threads;
  const sampleWeight = readSampleWeight(given.sampleWeight, src.rows);
  const engine = new Engine(given.backend ?? defaults.backend, threads);
  const kernels = engine.kernels(storedValues(src));
  const fitIntercept = given.fitIntercept ?? defaults.fitIntercept;
  const loss = given.loss ?? defaults.loss;
  let data: KernelDataset;
  try {
    data = kernels.dataset(src, binaryTarget(codes, 1), sampleWeight);
  } catch (e) {
    engine.end();
    throw e;
  }
  const inner = new LogisticObjective(data, { C, penalty, l1Ratio: given.l1Ratio ?? defaults.l1Ratio, fitIntercept, loss, sampleWeight });
  const d = src.cols;
  const w = new Float64Array(d);
  const gk = new Float64Array(d + 1);
  let disposed = false;
  const live = () => {
    if (disposed) throw new LogRegError('DISPOSED', 'this objective was disposed');
  };
  // every vector the caller hands in is read or written over dim values: a shorter one would
  // read undefined (NaN) or drop writes silently
  const checkVec = (v: unknown, name: string) => {
    if (!(v instanceof Float64Array) || v.length !== inner.dim)
      throw new LogRegError('LENGTH_MISMATCH', `${name} must be a Float64Array of dim = ${inner.dim} values, got ${v instanceof Float64Array ? `${v.length} values` : describeValue(v)}`);
  };
  const checkX = (x: Float64Array, g: Float64Array) => {
    checkVec(x, 'x');
    checkVec(g, 'g');
  };
  // row numbers reach the kernels as memory offsets: refuse any outside [0, n)
  const checkRows = (idx: Int32Array, name: string) => {
    if (!(idx instanceof Int32Array) || idx.length === 0 || idx.length > inner.nSamples)
      throw new LogRegError('INVALID_INPUT', `${name} must be an Int32Array of 1 to ${inner.nSamples} row numbers`);
    for (let k = 0; k < idx.length; k++)
      if (idx[k] < 0 || idx[k] >= inner.nSamples)
        throw new LogRegError('INVALID_INPUT', `${name}[${k}] = ${idx[k]} is not a row number in [0, ${inner.nSamples})`, { row: idx[k], value: idx[k] });
  };
  return {
    dim: inner.dim,
    nSamples: inner.nSamples,
    classes,
    sumWeights: inner.sumWeights,
    backend: kernels.name,
    threads: engine.count,
    get l1(): L1Term | undefined {
      return inner.l1;
    },
    convergenceScaling() {
      live();
      return inner.convergenceScaling();
    },
    valueAndGradient(x, g) {
      live();
      checkX(x, g);
      return inner.valueAndGradient(x, g);
    },
    batchValueAndGradient(x, g, indices, wantValue) {
      live();
      checkX(x, g);
      checkRows(indices, 'indices');
      return inner.batchValueAndGradient(x, g, indices, wantValue);
    },
    gradientHessian(x, g) {
      live();
      checkX(x, g);
      const at = inner.gradientHessian(x, g);
      return {
        value: at.value,
        hvp(v: Float64Array, out: Float64Array) {
          live();
          checkVec(v, 'v');
          checkVec(out, 'out');
          at.hvp(v, out);
        },
        matrix(out: Float64Array) {
          live();
          if (!(out instanceof Float64Array) || out.length !== inner.dim * inner.dim)
            throw new LogRegError('LENGTH_MISMATCH', `out must be a Float64Array of dim² = ${inner.dim * inner.dim} values, got ${out instanceof Float64Array ? `${out.length} values` : describeValue(out)}`);
          at.matrix!(out);
        },
      };
    },
    hessianVectorProduct(x, v, out) {
      live();
      checkVec(x, 'x');
      checkVec(v, 'v');
      checkVec(out, 'out');
      inner.hessianVectorProduct(x, v, out);
    },
    partialValueAndGradient(x, g) {
      live();
      checkX(x, g);
      for (let j = 0; j < d; j++) w[j] = x[j];
      const v = data.fusedGrad(w, fitIntercept ? x[d] : 0, gk, loss, true);
      for (let j = 0; j < d; j++) g[j] = gk[j];
      if (fitIntercept) g[d] = gk[d];
      return v;
    },
    accelerator: {
      sgdEpoch(r: SgdEpochRequest) {
        live();
        checkVec(r.x, 'x');
        checkVec(r.v, 'v');
        checkRows(r.order, 'order');
        if (!Number.isSafeInteger(r.batch) || r.batch < 1) throw new LogRegError('INVALID_OPTION', `batch must be an integer >= 1, got ${describeValue(r.batch)}`);
        for (const name of ['eta', 'beta'] as const)
          if (typeof r[name] !== 'number' || !Number.isFinite(r[name])) throw new LogRegError('INVALID_OPTION', `${name} must be a finite number, got ${describeValue(r[name])}`);
        inner.accelerator.sgdEpoch!(r);
      },
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      data.dispose();
      engine.end();
    },
  };
}
