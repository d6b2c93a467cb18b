// What optimisers see: an objective J over a parameter vector, never the kernels or wasm.
import type { CoordinateScaling } from './scaling.js';

/** A smooth objective. valueAndGradient writes ∇J(x) into g and returns J(x). */
export interface Objective {
  readonly dim: number;
  valueAndGradient(x: Float64Array, g: Float64Array): number;
  /** out = ∇²J(x)·v (optional; newton uses gradientHessian where it exists, else this). */
  hessianVectorProduct?(x: Float64Array, v: Float64Array, out: Float64Array): void;
  /** Optional: J and ∇J at x (into g) with the Hessian-vector product at that x. */
  gradientHessian?(x: Float64Array, g: Float64Array): GradientHessian;
  /**
   * A separable L1 term λ·Σ_{j<count} |x_j| added to J (optional). valueAndGradient covers
   * only the smooth part; solvers that accept it (lbfgs via OWL-QN, saga) add this term.
   */
  readonly l1?: L1Term;
  /**
   * Optional: the standardised coordinates in which convergence is judged (see scaling.ts).
   * Without it, the test is on the plain ‖∇J‖∞.
   */
  convergenceScaling?(): CoordinateScaling;
}

/**
 * An objective that answers later: each evaluation is one pass over a stream or one SQL query.
 * lbfgs, newton and newton-cholesky await it (minimize then returns a Promise); the Hessian
 * products of the GradientHessian it resolves to are synchronous (formed during the pass).
 */
export interface AsyncObjective {
  readonly dim: number;
  valueAndGradient(x: Float64Array, g: Float64Array): Promise<number>;
  gradientHessian?(x: Float64Array, g: Float64Array): Promise<GradientHessian>;
  readonly l1?: L1Term;
  convergenceScaling?(): CoordinateScaling;
}

/** What the solvers that await accept. */
export type AnyObjective = Objective | AsyncObjective;

/** J at a point with the Hessian-vector product there: hvp(v, out) writes ∇²J·v into out. */
export interface GradientHessian {
  readonly value: number;
  hvp(v: Float64Array, out: Float64Array): void;
  /** out (dim × dim, row-major) = ∇²J, where the objective forms it in one pass (else one hvp per column). */
  matrix?(out: Float64Array): void;
}

export interface L1Term {
  strength: number;
  /** the first `count` coordinates are penalised (the intercepts that follow are not) */
  count: number;
}

/** An objective that is a mean over samples, so a subset of rows gives an unbiased estimate. */
export interface StochasticObjective extends Objective {
  readonly nSamples: number;
  /**
   * Estimate of J and ∇J from the rows in `indices` (unbiased for a uniform random batch).
   * With wantValue false the objective may skip the value (returning NaN) — the gradient-only
   * fast path of the stochastic methods.
   */
  batchValueAndGradient(x: Float64Array, g: Float64Array, indices: Int32Array, wantValue?: boolean): number;
  /** Optional: whole epochs in one call (see Accelerator). */
  readonly accelerator?: Accelerator;
}

/**
 * One epoch of minibatch (momentum) SGD: per batch B of `order` (runs of `batch` rows), at
 * p = x (or x + βv with nesterov): v ← βv − η·∇J_B(p); x ← x + v. x and v change in place.
 */
export interface SgdEpochRequest {
  readonly x: Float64Array;
  readonly v: Float64Array;
  readonly order: Int32Array;
  readonly batch: number;
  readonly eta: number;
  readonly beta: number;
  readonly nesterov: boolean;
}

/** One epoch of saga.ts's batch steps; x and avg change in place. thresh = η·λ₁, shrink = 1/(1 + η·l2). */
export interface SagaEpochRequest {
  readonly x: Float64Array;
  readonly avg: Float64Array;
  readonly order: Int32Array;
  readonly batch: number;
  readonly eta: number;
  readonly thresh: number;
  readonly shrink: number;
}

/**
 * The fast paths an objective may offer: a whole epoch inside the kernel, giving exactly what the
 * solver's loop over batches gives, without a call per batch. Each request is passed whole from
 * the solver down to the engine.
 */
export interface Accelerator {
  sgdEpoch?(r: SgdEpochRequest): void;
  sagaEpoch?(r: SagaEpochRequest): void;
}

/**
 * J(x) = (1/n)·Σ f_i(x) + (l2/2)·Σ_{j<l1.count} x_j² + l1 term, with each ∇f_i = r_i·(row i):
 * what SAGA needs. sagaUpdate writes Σ_{i∈B} (∇f_i(x) − ∇f_i(φ_i)) into g and sets φ_i = x
 * for i ∈ B (all rows when indices is undefined; the table starts at ∇f_i = 0).
 */
export interface FiniteSumObjective extends StochasticObjective {
  readonly l2: number;
  readonly penalizedCount: number;
  sagaUpdate(x: Float64Array, indices: Int32Array | undefined, g: Float64Array): void;
  sagaReset(): void;
  /** max_i of the Lipschitz constant of ∇f_i */
  maxSummandLipschitz(): number;
  /** SAGA's batch when none is given, where the data favour one (sparse rows: 1) */
  readonly sagaBatch?: number;
}

export interface IterationInfo {
  iteration: number;
  loss: number;
  gradientNorm: number;
  /** the current parameters (the model's: coefficients then intercepts); read-only, valid during the call */
  x?: Float64Array;
}

export type StopReason =
  | 'converged' // ‖∇J‖∞ <= tol in standardised coordinates (monitor.ts)
  | 'maxIter' // the iteration budget ran out
  | 'lineSearch' // no step along the search direction decreased J (at the limit of precision)
  | 'nonFinite' // a step produced a non-finite value; the last finite iterate is returned
  | 'callback'; // onIteration returned false

export interface OptimizeResult {
  x: Float64Array;
  value: number;
  gradientNorm: number;
  nIter: number;
  converged: boolean;
  reason: StopReason;
  lossHistory: number[];
}

export type Schedule = 'constant' | 'invscaling';

/**
 * How each epoch orders the minibatches: 'rows' — a fresh permutation of all rows (batches
 * gather rows from anywhere: the statistically safest, and on data larger than cache the
 * slowest, random reads cost DRAM latency); 'batches' — contiguous runs of batchSize rows,
 * visited in a fresh random order (fixed batch composition: shuffle the data once beforehand);
 * 'none' — rows in stored order (as fast as a full pass; for data already in random order).
 */
export type ShuffleMode = 'rows' | 'batches' | 'none';

export interface OptimizeOptions {
  maxIter: number;
  tol: number;
  /** Fixed step; when undefined, the step comes from a backtracking line search. */
  learningRate?: number;
  /** Rows per minibatch for the stochastic methods (sgd; momentum/nesterov when set). */
  batchSize?: number;
  /** Momentum coefficient β for momentum and nesterov. */
  momentum: number;
  seed: number;
  /** Minibatch order each epoch (see ShuffleMode). */
  shuffle: ShuffleMode;
  schedule: Schedule;
  /** Exponent of the inverse-scaling schedule η_e = η₀ / e^powerT. */
  powerT: number;
  /** L-BFGS memory. */
  memory: number;
  /** Adam moment decay rates and ε. */
  beta1: number;
  beta2: number;
  epsilon: number;
  onIteration?: (info: IterationInfo) => boolean | void;
}
